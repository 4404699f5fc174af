/**
 * Watches the page's main thread while work runs elsewhere: a 0 ms timer chain records the longest gap between two
 * turns of the event loop, and a long-task observer records every task Chromium itself flags as ≥ 50 ms. A user
 * feels a frozen page past ~50–100 ms (RAIL); 50 ms is the long-task threshold of the W3C Long Tasks API.
 */
export interface GapWatch {
  stop(): { maxGapMs: number; longTasks: number; longestTaskMs: number; ticks: number };
}

export function watchMainThread(): GapWatch {
  let last = performance.now();
  let maxGapMs = 0;
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
    maxGapMs = Math.max(maxGapMs, now - last);
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
      return { maxGapMs, longTasks, longestTaskMs, ticks };
    },
  };
}
