/**
 * Watches the page's main thread while work runs elsewhere: a long-task observer records every task Chromium itself
 * flags as ≥ 50 ms (the W3C Long Tasks API threshold: the main thread was busy and the page could not respond), and
 * a 0 ms timer chain records the longest gap between two turns of the event loop. The long-task count is the
 * measure of "blocked" that tests assert. The gap is only reported: it also counts time in which the page was not
 * blocked but not scheduled either — measured here up to ~390 ms with no long task at all when several test pages
 * share a loaded 2-core machine (timer throttling of pages in the background, OS scheduling).
 * A long task's duration is wall-clock time too, so on such a machine a short task that the OS preempts can show
 * up as one; the tests that assert "no long task" therefore get a retry (a real block — work on the main thread —
 * fails every attempt; see mainThreadGaps.test.ts for the instrument catching one).
 */
export const TIMING_RETRY = 2;
export interface GapWatch {
  stop(): {
    maxGapMs: number;
    /** Long tasks run by this frame's own code (attribution "self"). */
    longTasks: number;
    longestTaskMs: number;
    /** Long tasks of other frames sharing this thread (other test files running in sibling iframes). */
    otherFramesLongTasks: number;
    ticks: number;
    worstAtMs: number;
  };
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
  let otherFramesLongTasks = 0;
  // Vitest runs test files in sibling same-origin iframes of one page, which share this main thread: a long task
  // of another file's test is reported here too, with the name "same-origin" instead of "self".
  const record = (e: PerformanceEntry): void => {
    if (e.name !== 'self') {
      otherFramesLongTasks++;
      return;
    }
    longTasks++;
    longestTaskMs = Math.max(longestTaskMs, e.duration);
  };
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(record));
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
      observer.takeRecords().forEach(record);
      observer.disconnect();
      return { maxGapMs, longTasks, longestTaskMs, otherFramesLongTasks, ticks, worstAtMs };
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
