/**
 * The built app, end to end (issues 2 and 5): `vite build` into a temporary folder, `vite preview` on 127.0.0.1,
 * headless Chromium through playwright-core. Checks that the page draws both charts with no console error and no
 * CSP violation, that a real mouse brush zooms and a reload restores the exact view, and measures `ldn:update`
 * over 100 slider moves (printed as p50/p95; the issue's target is p95 ≤ 16 ms).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs } from '../../vite.config';
import { encodeScenario } from '../../src/engine/scenario/urlCodec';
import { dragMoves, keyMoves, quantile, type UpdateMeasures } from '../../scripts/sliderMoves.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'ldn-e2e-'));
let server: ChildProcess | null = null;
let browser: Browser | null = null;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const build = spawnSync('node_modules/.bin/vite', ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  server = spawn('node_modules/.bin/vite', ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start within 30 s')), 30_000);
    server!.stdout!.on('data', (d: Buffer) => {
      if (String(d).includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.once('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  base = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(outDir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  problems: string[];
}

async function open(url = base, viewport = { width: 1280, height: 720 }, withA = true): Promise<Watched> {
  const page = await browser!.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector('path[data-observable="mor_occupancy"][data-run="B"]', { timeout: 30_000 });
  if (withA) await page.waitForSelector('path[data-observable="mor_occupancy"][data-run="A"]', { timeout: 30_000 });
  return { page, problems };
}

describe('the built app in headless Chromium', () => {
  it('serves a strict CSP (no unsafe-inline, no unsafe-eval) and no inline script or style', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<style|style="|<script(?![^>]*\bsrc=)/);
  });

  it('draws the plasma and occupancy charts for LDN 4.5 mg and 50 mg with no console error or CSP violation', async () => {
    const { page, problems } = await open();
    for (const id of ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy'])
      for (const run of ['A', 'B']) {
        const d = await page.getAttribute(`path[data-observable="${id}"][data-run="${run}"]`, 'd');
        expect(d?.split('L').length ?? 0, `${id} ${run}`).toBeGreaterThan(100);
        expect(d).not.toMatch(/NaN/);
      }
    expect(await page.textContent('body')).toMatch(/not dosing advice/i);
    // both charts are on screen at 1280×720 without scrolling
    for (const panel of ['plasma', 'occupancy']) {
      const box = await page.locator(`[data-panel="${panel}"] svg`).boundingBox();
      expect(box!.y + box!.height, panel).toBeLessThanOrEqual(720);
      expect(box!.x + box!.width, panel).toBeLessThanOrEqual(1280);
    }
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('zooms with a real mouse brush, pans with Shift + drag, zooms out with Ctrl + wheel, and a reload restores the same view and curves', async () => {
    const { page, problems } = await open();
    const svg = page.locator('[data-panel="occupancy"] svg');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + 300, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 450, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => location.hash.includes('zoom='));
    await page.waitForTimeout(300);
    const ticks = await page.locator('[data-panel="occupancy"] g.axis-x text').allTextContents();
    expect(ticks.some((t) => /^\d\d:\d\d$/.test(t))).toBe(true); // zoomed in far enough for clock ticks
    // Shift + drag pans the window by the dragged time; Ctrl + wheel zooms out around the pointer
    const zoomOf = () => page.evaluate(() => (globalThis as { ldnLab?: { app: { charts: { getZoom(): [number, number] | null } } } }).ldnLab!.app.charts.getZoom());
    const z0 = (await zoomOf())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 500, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 600, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const z1 = (await zoomOf())!;
    expect(z1[0]).toBeLessThan(z0[0]); // dragged right → earlier times come into view
    expect(z1[1] - z1[0]).toBeCloseTo(z0[1] - z0[0], 2); // same width
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Control');
    const z2 = await zoomOf();
    expect(z2 === null || z2[1] - z2[0] > z1[1] - z1[0]).toBe(true);
    await page.waitForFunction((z) => !location.hash.includes(`zoom=${z}`), `${z0[0]},${z0[1]}`);
    await page.waitForTimeout(300);
    const before = await page.getAttribute('path[data-observable="mor_occupancy"][data-run="B"]', 'd');
    const url = page.url();
    await page.reload();
    await page.waitForSelector('path[data-observable="mor_occupancy"][data-run="A"]');
    await page.waitForFunction((d) => document.querySelector('path[data-observable="mor_occupancy"][data-run="B"]')?.getAttribute('d') === d, before, { timeout: 10_000 });
    expect(page.url()).toBe(url);
    expect(problems).toEqual([]);
    await page.close();
  });

  const summary = (xs: number[]): string => `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms`;
  const line = (r: UpdateMeasures): string =>
    `${summary(r.total)} (worker round trip ${summary(r.simulate)}; drawing ${summary(r.draw)})`;

  it('measures ldn:update over 100 slider moves, by mouse drag and by arrow keys, and prints p50/p95 (one 28-day scenario, and the A/B opening view)', async () => {
    const ldn28 = { version: 1 as const, name: 'LDN 4.5 mg nightly, 28 days', duration_h: 672, output_step_h: 0.1, regimen: '4.5 mg q24h x 28 at 22:00' };
    const single = await open(`${base}#s=${encodeScenario(ldn28)}`, undefined, false);
    await single.page.waitForSelector('path[data-observable="mor_occupancy"][data-run="B"]');
    const drag = await dragMoves(single.page, 'ntx_ka', 100);
    const keys = await keyMoves(single.page, 'ntx_ka', 100);
    const both = await open(base);
    const ab = await keyMoves(both.page, 'ntx_ka', 100);
    for (const r of [drag, keys, ab]) expect(r.total.length).toBe(100);
    console.log(
      `ldn:update over 100 slider moves, built app, headless Chromium on this machine:\n` +
      `  one scenario, 28 days, mouse drag: ${line(drag)}\n` +
      `  one scenario, 28 days, arrow keys: ${line(keys)}\n` +
      `  A/B opening view, 7 days, arrow keys: ${line(ab)}`,
    );
    // a loose regression bound; the issue's target (p95 ≤ 16 ms) is reported above, not asserted, on a shared 2-core box
    expect(quantile(drag.total, 0.95)).toBeLessThan(1000);
    expect(quantile(keys.total, 0.95)).toBeLessThan(1000);
    expect(single.problems).toEqual([]);
    expect(both.problems).toEqual([]);
    await single.page.close();
    await both.page.close();
  });

  it('dragging a slider fast draws live updates and ends on the curve of the last position (stale runs dropped)', async () => {
    const { page, problems } = await open();
    const slider = page.locator('input[data-param="ntx_cl"]');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.evaluate(() => performance.clearMeasures());
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 4, y, { steps: 40 }); // 40 input events, no waiting
    await page.mouse.up();
    await page.waitForFunction(() => (globalThis as { ldnLab?: { client: { counters(): { inFlight: number } } } }).ldnLab!.client.counters().inFlight === 0);
    await page.waitForTimeout(400); // the URL is written 150 ms after the last change
    const delivered = await page.evaluate(() => performance.getEntriesByName('ldn:update').length);
    expect(delivered).toBeGreaterThanOrEqual(1);
    expect(delivered).toBeLessThan(40); // superseded runs were dropped, not all drawn
    const final = await page.getAttribute('path[data-observable="naltrexone_ng_per_ml"][data-run="B"]', 'd');
    // a fresh page on the final URL computes the final scenario from scratch: the same curve
    const fresh = await open(page.url());
    expect(await fresh.page.getAttribute('path[data-observable="naltrexone_ng_per_ml"][data-run="B"]', 'd')).toBe(final);
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.page.close();
    await page.close();
  });

  it('shows every value of the hover read-out, with A pinned, at 1280, 1024 and 800 px wide (nothing clipped)', async () => {
    for (const width of [1280, 1024, 800]) {
      const { page, problems } = await open(base, { width, height: 768 });
      const svg = page.locator('svg[data-panel="occupancy"], [data-panel="occupancy"] svg').first();
      const box = (await svg.count()) > 0 ? await svg.boundingBox() : await page.locator('.chart-panel svg').nth(1).boundingBox();
      await page.mouse.move(box!.x + box!.width * 0.6, box!.y + box!.height * 0.5);
      await page.waitForFunction(() => document.querySelectorAll('.readout .readout-item').length > 0);
      const fit = await page.evaluate(() => {
        const r = document.querySelector('.readout') as HTMLElement;
        const items = [...r.querySelectorAll('.readout-item')];
        const outer = r.getBoundingClientRect();
        return { items: items.length, clipped: items.filter((i) => i.getBoundingClientRect().bottom > outer.bottom + 0.5).length };
      });
      expect(fit.items, `${width} px`).toBeGreaterThanOrEqual(10); // every series of B (A's values inline)
      expect(fit.clipped, `${width} px`).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('opens a broken link on the default view and says why, naming the link', async () => {
    const { page, problems } = await open(`${base}#s=1.bm90IGpzb24`); // base64url of "not json"
    const status = await page.textContent('[data-status]');
    expect(status).toMatch(/link could not be opened/);
    expect(status).toMatch(/url:/);
    expect(await page.textContent('.scenario-key')).toContain('LDN 4.5 mg nightly');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a visible focus ring on every keyboard stop (first 60 Tab presses)', async () => {
    const { page, problems } = await open();
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        let el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // the file input is visually hidden; its label (the next element) carries the focus ring
        if (el instanceof HTMLInputElement && el.type === 'file') el = el.nextElementSibling as HTMLElement;
        const cs = getComputedStyle(el);
        return { what: `${el.tagName.toLowerCase()}${el.dataset.control ? `[${el.dataset.control}]` : ''}`, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      if (!f) continue;
      seen.push(f.what);
      expect(f.style, `${f.what} after ${seen.join(' → ')}`).not.toBe('none');
      expect(f.width, f.what).toBeGreaterThanOrEqual(2);
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches to presentation mode with large fonts on a projector-sized screen', async () => {
    const { page, problems } = await open(base, { width: 1920, height: 1080 });
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('presentation'));
    const size = await page.getAttribute('[data-panel="plasma"] svg', 'font-size');
    expect(Number(size)).toBeGreaterThanOrEqual(18);
    await page.waitForFunction(() => location.hash.includes('present=1'));
    expect(problems).toEqual([]);
    await page.close();
  });
});
