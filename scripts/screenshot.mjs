#!/usr/bin/env node
// Build the app, serve it with `vite preview` on 127.0.0.1, and save screenshots to look at:
//   /tmp/ldn-1280x720.png, /tmp/ldn-1280x720-full.png (whole page), /tmp/ldn-projector.png (presentation mode).
// Usage: node scripts/screenshot.mjs [--no-build] [--hash '#s=…'] [--out-prefix /tmp/ldn]
// Prints console errors and CSP violations seen while loading, and exits non-zero if there were any.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const prefix = arg('--out-prefix', '/tmp/ldn');
const hash = arg('--hash', '');
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

if (!args.includes('--no-build')) {
  const b = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);
await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error('vite preview did not start in 20 s')), 20_000);
  server.stdout.on('data', (d) => { if (String(d).includes(String(port))) { clearTimeout(t); resolve(); } });
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
const problems = [];
async function shoot(width, height, file, extraHash = '', full = false) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/${hash || extraHash}`);
  await page.waitForSelector('path[data-observable="mor_occupancy"][data-run="B"]', { timeout: 30_000 });
  await page.waitForTimeout(600);
  if (extraHash.includes('present') && !hash) await page.keyboard.press('p');
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: full });
  console.log(`saved ${file}`);
  await page.close();
}
try {
  await shoot(1280, 720, `${prefix}-1280x720.png`);
  await shoot(1280, 720, `${prefix}-1280x720-full.png`, '', true);
  await shoot(1920, 1080, `${prefix}-projector.png`, '#present');
  // the parts below the fold: metrics and lessons (workspace scrolled), parameters (sidebar scrolled)
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(`http://127.0.0.1:${port}/${hash}`);
    await page.waitForSelector('[data-metric="occ_peak"]', { timeout: 30_000 });
    await page.locator('section.metrics').scrollIntoViewIfNeeded();
    await page.locator('[data-param="ntx_ka"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${prefix}-below.png` });
    console.log(`saved ${prefix}-below.png`);
    await page.close();
  }
} finally {
  await browser.close();
  stop();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
