/**
 * Watches the page's main thread while work runs elsewhere: a long-task observer records every task Chromium itself
 * flags as ≥ 50 ms (the W3C Long Tasks API threshold: the main thread was busy and the page could not respond), and
 * a 0 ms timer chain records the longest gap between two turns of the event loop. The long-task count is the
 * measure of "blocked" that tests assert. The gap is only reported: it also counts time in which the page was not
 * blocked but not scheduled either — measured here up to ~390 ms with no long task at all when several test pages
 * share a loaded 2-core machine (timer throttling of pages in the background, OS scheduling).
 */
export interface GapWatch {
  stop(): { maxGapMs: number; longTasks: number; longestTaskMs: number; ticks: number; worstAtMs: number };
}

export function watchMainThread(): GapWatch {
  let last = performance.now();
  const started = last;
  let maxGapMs = 0;
  let worstAtMs = 0;
  let ticks = 0;
  let running = true;
  let longTasks = 0;
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, e.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  const tick = (): void => {
    if (!running) return;
    const now = performance.now();
    if (now - last > maxGapMs) {
      maxGapMs = now - last;
      worstAtMs = last - started;
    }
    last = now;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      running = false;
      const now = performance.now();
      maxGapMs = Math.max(maxGapMs, now - last);
      observer.takeRecords().forEach((e) => {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, e.duration);
      });
      observer.disconnect();
      return { maxGapMs, longTasks, longestTaskMs, ticks, worstAtMs };
    },
  };
}

/** Blocks the calling thread for `ms` (to check that the watch does see a blocked main thread). */
export function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}
