/**
 * Progress writes from a portal page, at most one storage write per `minMs` (issue 15: a page
 * flipping between two recognisable steps every frame must not cause a storage write per frame).
 * The first change is written at once; changes that come while a write is recent or running are
 * composed, in order, into the next write. `flush()` writes what is pending now (the page is going).
 */
export type Change<T> = (value: T) => T;

export class WriteQueue<T> {
  private pending: { key: string | null; change: Change<T> }[] = [];
  private last = -Infinity;
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private write: (key: string | null, change: Change<T>) => Promise<unknown>,
    private minMs = 1000,
    private now: () => number = () => Date.now(),
  ) {}

  push(key: string | null, change: Change<T>): void {
    this.pending.push({ key, change });
    this.schedule();
  }

  /** write what is pending now, whatever the time since the last write */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.busy) void this.run();
  }

  /** forget what is pending (the engine stopped) */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private schedule(): void {
    if (this.busy || this.timer !== null || !this.pending.length) return;
    const wait = this.last + this.minMs - this.now();
    if (wait <= 0) void this.run();
    else
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.run();
      }, wait);
  }

  private async run(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.busy = true;
    this.last = this.now();
    try {
      // consecutive changes for the same key become one write
      for (let i = 0; i < batch.length;) {
        const key = batch[i]!.key;
        const changes: Change<T>[] = [];
        for (; i < batch.length && batch[i]!.key === key; i++) changes.push(batch[i]!.change);
        await this.write(key, (v) => changes.reduce((acc, c) => c(acc), v)).catch(() => {});
      }
    } finally {
      this.busy = false;
      this.schedule();
    }
  }
}
