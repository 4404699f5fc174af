#!/usr/bin/env node
// Browser benchmark of live updates (issue 5): build, serve with `vite preview` on 127.0.0.1, open headless Chromium,
// move a parameter slider 100 times with the keyboard (each move awaited until its chart update is measured) and
// print p50/p95 of the `ldn:update` measures (input event → charts redrawn), split into the worker round trip
// (`ldn:update:simulate`) and drawing (`ldn:update:draw`).
// Usage: node scripts/bench-update.mjs [--no-build] [--days 28] [--moves 100] [--dev] [--input keys|pointer|both]
//   --dev: against the `vite` dev server. --input: move the slider with the arrow keys (discrete input), by dragging
//   its thumb with the mouse (continuous input, as a student drags it), or both (default) — Chromium schedules
//   the two differently (notes in doc/notes/view.md).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { dragMoves, keyMoves, quantile } from './sliderMoves.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const days = Number(opt('--days', '28'));
const moves = Number(opt('--moves', '100'));
const dev = args.includes('--dev');
const inputs = opt('--input', 'both') === 'both' ? ['keys', 'pointer'] : [opt('--input', 'both')];
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!dev && !args.includes('--no-build')) {
  const b = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const port = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const server = spawn('node_modules/.bin/vite', [...(dev ? [] : ['preview']), '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => { try { server.kill('SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);
await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
  server.stdout.on('data', (d) => { if (String(d).includes(String(port))) { clearTimeout(t); resolve(); } });
});

// "#s=1.<base64url JSON>": the engine's link codec (src/engine/scenario/urlCodec.ts)
const scenario = { version: 1, name: `LDN 4.5 mg nightly, ${days} days`, duration_h: days * 24, output_step_h: 0.1, regimen: `4.5 mg q24h x ${days} at 22:00` };
const hash = `#s=1.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`http://127.0.0.1:${port}/${hash}`);
  await page.waitForSelector('path[data-observable="mor_occupancy"][data-run="B"]', { timeout: 60_000 });
  console.log(`${moves} slider moves per input kind, one ${days}-day scenario (${dev ? 'dev server' : 'built app'}), headless Chromium:`);
  for (const input of inputs) {
    const r = input === 'pointer' ? await dragMoves(page, 'ntx_ka', moves) : await keyMoves(page, 'ntx_ka', moves);
    console.log(`  ${input === 'keys' ? 'arrow keys' : 'mouse drag'}:`);
    for (const [name, xs] of [['ldn:update', r.total], ['ldn:update:simulate', r.simulate], ['ldn:update:draw', r.draw]])
      console.log(`    ${name.padEnd(20)} n=${xs.length}  p50 ${quantile(xs, 0.5).toFixed(1)} ms  p95 ${quantile(xs, 0.95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  stop();
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
