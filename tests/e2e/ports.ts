/**
 * The signing programs' ports are fixed (NCALayer/KAZTOKEN 13579, E-IMZO 64443 and 64646): the specs
 * that open fake programs there, or expect nothing there, must not run at the same time in two
 * workers. A lock directory in the temp folder (with the holder's pid, so that a crashed run does
 * not keep it) lets one spec file at a time hold the ports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK = path.join(os.tmpdir(), 'qadam-e2e-ports.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** wait until the ports are ours; returns the release */
export async function holdPorts(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      const pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (pid && !alive(pid)) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
