// Slider moves for the live-update benchmarks (scripts/bench-update.mjs and test/e2e/app.test.ts): each move is
// awaited until its chart update has been measured as `ldn:update`, so every move is one measured update.
//
// Two kinds of input, which Chromium schedules differently (doc/notes/view.md, "Live update latency"):
//   keys:    ArrowRight × n/2 then ArrowLeft × n/2 on the focused slider — discrete input: the worker's answer is
//            held until the frame after the key press has been produced;
//   pointer: the thumb is grabbed and dragged one pixel per move (≈ 8 of the 1,000 slider positions at
//            1280×720), back and forth between the ends — continuous input, as a student drags it.
// Moves that leave the value unchanged (the thumb at an end) fire no input event and are not counted.

/** @param {import('playwright-core').Page} page @param {string} param @param {number} n */
export async function keyMoves(page, param, n) {
  const slider = page.locator(`input[data-param="${param}"]`);
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 1; i <= n; i++) {
    await page.keyboard.press(i <= n / 2 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction((k) => performance.getEntriesByName('ldn:update').length >= k, i, { timeout: 20_000 });
  }
  return measures(page);
}

/** @param {import('playwright-core').Page} page @param {string} param @param {number} n */
export async function dragMoves(page, param, n) {
  const slider = page.locator(`input[data-param="${param}"]`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`slider ${param} is not visible`);
  // the thumb's centre: 8 px in from either end of the track (Chromium's default thumb)
  let x = box.x + 8 + (box.width - 16) * (Number(await slider.inputValue()) / 1000);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(300); // grabbing may nudge the value: let that update finish unmeasured
  await page.evaluate(() => performance.clearMeasures());
  let done = 0;
  let dir = 1;
  for (let tries = 0; done < n && tries < 4 * n; tries++) {
    const before = await slider.inputValue();
    x += dir;
    await page.mouse.move(x, y);
    if ((await slider.inputValue()) === before) {
      if ((before === '1000' && dir > 0) || (before === '0' && dir < 0)) dir = -dir;
      continue;
    }
    done++;
    await page.waitForFunction((k) => performance.getEntriesByName('ldn:update').length >= k, done, { timeout: 20_000 });
  }
  const result = await measures(page);
  await page.mouse.up();
  return result;
}

/** The three measures, in ms: input → charts redrawn, input → answer on the page, answer → charts redrawn. */
function measures(page) {
  return page.evaluate(() => ({
    total: performance.getEntriesByName('ldn:update').map((e) => e.duration),
    simulate: performance.getEntriesByName('ldn:update:simulate').map((e) => e.duration),
    draw: performance.getEntriesByName('ldn:update:draw').map((e) => e.duration),
  }));
}

/** Nearest-rank quantile (the value at rank ⌈p·n⌉), as the benchmarks report it. @param {number[]} xs @param {number} p */
export function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
}
