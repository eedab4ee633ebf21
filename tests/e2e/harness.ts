/**
 * Playwright fixtures and helpers for testing the BUILT extension (.output/chrome-mv3) in real
 * Chromium against the replica portal pages of replicas/<portal>/ (served by ./server.ts).
 *
 * Worker fixtures: `server` (one replica server per worker, random port, mapped by the browser's
 * host resolver rules) and `qadam` (one browser context with the extension per worker, shared by the
 * tests that need no fresh profile). Test fixtures: `portal` (a new tab in the shared context,
 * closed afterwards) and `fresh` (a browser with a new, empty profile, for storage and popup tests).
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { launch, type Qadam } from './browser';
import { pageDirs, ROOT, startServer, type ReplicaServer } from './server';
import { PORTALS, portalOfHost } from '../../procedures/portals';
import { readCases, replicaDir } from '../../replicas/files';
import type { ReplicaCase } from '../../replicas/schema';

export { expect };
export type { Qadam };

// ---------------------------------------------------------------------------------------------
// The manifest of replica pages

/** a case of replicas/<portal>/cases.json (replicas/schema.ts), with its folder (the portal id, default ESF) */
export type Case = ReplicaCase & { dir?: string };

export const CASES_FILE = path.join(replicaDir('esf'), 'cases.json');

/** the replica cases of one portal folder (default: ESF), checked by the schema */
export function loadCases(dir = 'esf'): Case[] {
  return readCases(dir).map((c) => ({ ...c, dir }));
}

/** the replica cases of every portal that has them */
export function loadAllCases(): Case[] {
  return PORTALS.flatMap((p) => loadCases(p.id));
}

export function fixtureName(c: Case | string): string {
  const file = typeof c === 'string' ? c : c.file;
  return path.basename(file).replace(/\.html$/, '');
}

export function fixtureSource(c: Case | string): string {
  const file = typeof c === 'string' ? c : c.file;
  const dirs = pageDirs(typeof c === 'string' ? 'esf' : (c.dir ?? 'esf'));
  const found = dirs.map((d) => path.join(d, path.basename(file))).find((f) => fs.existsSync(f));
  if (!found) throw new Error(`no page ${path.basename(file)} in ${dirs.join(' or ')}`);
  return fs.readFileSync(found, 'utf8');
}

/** The case's URL with `qadam-fixture=<name>` added to the query (the hash route kept after it). */
export function fixtureUrl(c: Case): string {
  const u = new URL(c.url);
  u.searchParams.set('qadam-fixture', fixtureName(c));
  return u.toString();
}

export const isPortal = (c: Case) => portalOfHost(new URL(c.url).hostname) !== null;
/** unique per case (one replica may serve several routes, e.g. login-spa-ru.html#!/change-email) */
export const caseTitle = (c: Case) => {
  const u = new URL(c.url);
  return `${fixtureName(c)} at ${u.host}${u.pathname}${u.search}${u.hash} [${c.lang}, ${c.shape}]`;
};
/** a file-name-safe id per case */
export const caseSlug = (c: Case) => {
  const route = new URL(c.url).hash.replace(/^#!?\/?/, '').split(/[?/]/)[0];
  return route ? `${fixtureName(c)}-${route}` : fixtureName(c);
};

// ---------------------------------------------------------------------------------------------
// Fixtures

type WorkerFixtures = { server: ReplicaServer; qadam: Qadam };
type TestFixtures = { portal: Page; fresh: Qadam };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  qadam: [
    async ({ server }, use) => {
      const q = await launch(server);
      await use(q);
      await q.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  portal: async ({ qadam }, use) => {
    const page = await qadam.context.newPage();
    await use(page);
    await page.close();
  },
  fresh: async ({ server }, use) => {
    const q = await launch(server);
    await use(q);
    await q.close();
  },
});

// ---------------------------------------------------------------------------------------------
// What the content script says: { type: "qadam:state" } through the extension's service worker

export interface FieldState {
  id: string;
  found: boolean;
  valid: boolean | null;
}
export interface QadamState {
  portal: string | null;
  procedure: string | null;
  step: string | null;
  fields: FieldState[];
}

/**
 * Asks every tab's content script for its state (tabs.query without the `tabs` permission gives no
 * URLs, so each tab is asked; tabs without a content script fail and are skipped). The answer of
 * the active tab wins; pass `page` to bring that tab to the front first.
 */
export async function qadamState(q: Qadam, page?: Page): Promise<QadamState | null> {
  if (page) await page.bringToFront();
  const sw = await q.serviceWorker();
  return sw.evaluate(async () => {
    type Tab = { id?: number; active: boolean };
    const c = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object): Promise<unknown> } };
      }
    ).chrome;
    const tabs = await c.tabs.query({});
    const answers: { active: boolean; state: unknown }[] = [];
    for (const t of tabs) {
      if (t.id == null) continue;
      try {
        const state = await c.tabs.sendMessage(t.id, { type: 'qadam:state' });
        if (state) answers.push({ active: t.active, state });
      } catch {
        /* no content script in this tab */
      }
    }
    return ((answers.find((a) => a.active) ?? answers[0])?.state ?? null) as never;
  });
}

/** Waits until the content script reports one of `steps`; returns that state. */
export async function waitForStep(q: Qadam, page: Page, steps: readonly string[], timeout = 10_000): Promise<QadamState> {
  let last: QadamState | null = null;
  await expect
    .poll(
      async () => {
        last = await qadamState(q, page).catch(() => null);
        return last && last.step !== null && steps.includes(last.step) ? 'recognised' : `state ${JSON.stringify(last)}`;
      },
      { timeout, message: `qadam:state.step should become one of ${JSON.stringify(steps)}` },
    )
    .toBe('recognised');
  return last as unknown as QadamState;
}

/** The longest `<template data-late="ms">` delay of a replica (0 when nothing renders late). */
export function lateDelay(c: Case): number {
  return Math.max(0, ...[...fixtureSource(c).matchAll(/<template\b[^>]*\bdata-late="(\d+)"/gi)].map((m) => Number(m[1])));
}

/**
 * Waits until the page is recognised as one of the case's steps AND every field the case lists for
 * that step is reported found (a page may pass through another of its steps while content arrives).
 */
export async function waitForSettledStep(q: Qadam, page: Page, c: Case, timeout = 15_000): Promise<QadamState> {
  let last: QadamState | null = null;
  await expect
    .poll(
      async () => {
        const s = await qadamState(q, page).catch(() => null);
        last = s;
        if (!s?.step || !c.steps.includes(s.step)) return `state ${JSON.stringify(s)}`;
        const listed = c.fields[s.step] ?? [];
        const missing = listed.filter((id) => !s.fields.find((f) => f.id === id)?.found);
        return missing.length ? `step ${s.step}: fields ${JSON.stringify(missing)} not found; state ${JSON.stringify(s)}` : 'settled';
      },
      { timeout, message: `one of ${JSON.stringify(c.steps)} recognised with every field the replica lists for it found` },
    )
    .toBe('settled');
  return last as unknown as QadamState;
}

/** Waits until the content script of the page answers at all (state non-null). */
export async function waitForAnswer(q: Qadam, page: Page, timeout = 10_000): Promise<QadamState> {
  let last: QadamState | null = null;
  await expect
    .poll(
      async () => {
        last = await qadamState(q, page).catch(() => null);
        return last !== null;
      },
      { timeout, message: 'the content script should answer { type: "qadam:state" }' },
    )
    .toBe(true);
  return last as unknown as QadamState;
}

// ---------------------------------------------------------------------------------------------
// The overlay, read from the page

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
export interface RingInfo {
  field: string;
  invalid: string | null;
  visible: boolean;
  box: Box;
}
export interface OverlayInfo {
  hosts: number;
  openShadow: boolean;
  rings: RingInfo[];
  /** `for`: the field whose hint it is */
  tooltips: { text: string; visible: boolean; box: Box; for: string }[];
  warnings: string[];
}

export async function overlay(page: Page): Promise<OverlayInfo> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const hosts = document.querySelectorAll('qadam-overlay');
    const root = hosts[0]?.shadowRoot ?? null;
    const rings = root
      ? [...root.querySelectorAll('[data-qadam-field]')].map((e) => ({
          field: e.getAttribute('data-qadam-field') ?? '',
          invalid: e.getAttribute('data-qadam-invalid'),
          visible: visible(e),
          box: box(e.getBoundingClientRect()),
        }))
      : [];
    const tooltips = root
      ? [...root.querySelectorAll('[role="tooltip"]')].map((e) => ({
          text: ((e as HTMLElement).innerText || e.textContent || '').replace(/\s+/g, ' ').trim(),
          visible: visible(e),
          box: box(e.getBoundingClientRect()),
          for: (e as HTMLElement).dataset.for ?? '',
        }))
      : [];
    const warnings = root ? [...root.querySelectorAll('[data-qadam-warning]')].map((e) => e.getAttribute('data-qadam-warning') ?? '') : [];
    return { hosts: hosts.length, openShadow: !!root, rings, tooltips, warnings };
  });
}

/** Texts of the visible tooltips, joined (what the user reads now). */
export async function visibleTooltipText(page: Page): Promise<string> {
  const o = await overlay(page);
  return o.tooltips
    .filter((t) => t.visible)
    .map((t) => t.text)
    .join(' | ');
}

/** How far (px) a ring's edge may lie from its target's edge, either way (contract.md: ±4 px). */
export const RING_TOLERANCE = 4;

export interface Enclosure {
  ok: boolean;
  why: string;
  ring: Box | null;
  target: Box | null;
}

/**
 * Does the ring `[data-qadam-field=<field>]` enclose the visible element `[data-expect=<field>]`
 * (every edge of the ring within ±RING_TOLERANCE px of the target's edge, the ring around it)?
 * With several rings or several targets of that id, any visible pair that fits will do.
 */
export async function enclosure(page: Page, field: string, tol = RING_TOLERANCE): Promise<Enclosure> {
  return page.evaluate(
    ({ field, tol }) => {
      const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
      const shown = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const targets = [...document.querySelectorAll(`[data-expect="${CSS.escape(field)}"]`)].filter(shown);
      const root = document.querySelector('qadam-overlay')?.shadowRoot;
      const rings = root ? [...root.querySelectorAll(`[data-qadam-field="${CSS.escape(field)}"]`)].filter(shown) : [];
      if (!targets.length) return { ok: false, why: `no visible [data-expect="${field}"] in the page`, ring: null, target: null };
      if (!root) return { ok: false, why: 'no <qadam-overlay> with an open shadow root', ring: null, target: null };
      if (!rings.length)
        return {
          ok: false,
          why: `no visible ring [data-qadam-field="${field}"] in the overlay`,
          ring: null,
          target: box(targets[0]!.getBoundingClientRect()),
        };
      let best: { ok: boolean; why: string; ring: ReturnType<typeof box>; target: ReturnType<typeof box>; err: number } | null = null;
      for (const t of targets) {
        const tb = t.getBoundingClientRect();
        for (const r of rings) {
          const rb = r.getBoundingClientRect();
          // outward distance of each ring edge from the target edge (positive = ring outside)
          const d = { left: tb.left - rb.left, top: tb.top - rb.top, right: rb.right - tb.right, bottom: rb.bottom - tb.bottom };
          const err = Math.max(...Object.values(d).map((v) => Math.abs(v)));
          const ok = Object.values(d).every((v) => v >= -tol - 0.5 && v <= tol + 0.5);
          const why = ok
            ? 'encloses'
            : `ring edges off the target by left ${d.left.toFixed(1)}, top ${d.top.toFixed(1)}, right ` +
              `${d.right.toFixed(1)}, bottom ${d.bottom.toFixed(1)} px (allowed ±${tol})`;
          if (!best || err < best.err) best = { ok, why, ring: box(rb), target: box(tb), err };
        }
      }
      const { ok, why, ring, target } = best!;
      return { ok, why, ring, target };
    },
    { field, tol },
  );
}

/** Waits until the ring of `field` encloses its target; fails with the geometry when it does not. */
export async function expectRingEncloses(page: Page, field: string, timeout = 5_000): Promise<Enclosure> {
  let last: Enclosure | null = null;
  await expect
    .poll(
      async () => {
        last = await enclosure(page, field);
        return last.ok ? 'encloses' : last.why;
      },
      { timeout, message: `ring of field "${field}" should enclose [data-expect="${field}"] ±${RING_TOLERANCE}px` },
    )
    .toBe('encloses');
  return last as unknown as Enclosure;
}

/** Resolves after `n` animation frames of the page. */
export async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Extension pages

export async function openPopup(q: Qadam, lang?: string): Promise<Page> {
  const page = await q.context.newPage();
  await page.setViewportSize({ width: 360, height: 720 });
  await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
  await page.locator('select[data-qadam-lang]').waitFor();
  if (lang) await page.locator('select[data-qadam-lang]').selectOption(lang);
  return page;
}

/** Everything in chrome.storage.local, read from an extension page. */
export async function dumpStorage(q: Qadam): Promise<Record<string, unknown>> {
  const page = await q.context.newPage();
  try {
    await page.goto(`chrome-extension://${q.extensionId}/popup.html`);
    return await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      return c.storage.local.get(null);
    });
  } finally {
    await page.close();
  }
}

/** Types like a user (key by key), so that input and keyup handlers all run. */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.click();
  await el.fill('');
  await el.pressSequentially(value, { delay: 5 });
}

// ---------------------------------------------------------------------------------------------
// Rules (see ../shared/spec/procedures.md)

/**
 * The Kazakhstan IIN/BIN check digit: weights 1..11 over the first 11 digits, sum mod 11; when that
 * is 10, weights 3,4,5,6,7,8,9,10,11,1,2; when again 10 the number is invalid (returns null).
 */
export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
  let c = d.reduce((s, x, i) => s + x * w1[i]!, 0) % 11;
  if (c === 10) c = d.reduce((s, x, i) => s + x * w2[i]!, 0) % 11;
  return c === 10 ? null : c;
}

export const repoPath = (...p: string[]) => path.join(ROOT, ...p);

/** the language setting of a shared worker browser (what the popup would store) */
export async function setLang(q: Qadam, lang: string): Promise<void> {
  const sw = await q.serviceWorker();
  await sw.evaluate(
    (l) =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        settings: { lang: l },
      }),
    lang,
  );
}

/** no language chosen (the browser's): what later spec files on a shared worker browser expect */
export async function clearLang(q: Qadam): Promise<void> {
  const sw = await q.serviceWorker();
  await sw.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove(
      'settings',
    ),
  );
}
