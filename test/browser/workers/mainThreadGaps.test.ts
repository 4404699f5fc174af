import { describe, expect, it } from 'vitest';
import { blockFor, watchMainThread } from './mainThreadGaps';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchMainThread', () => {
  it('sees a main thread blocked for 120 ms as one long task and a gap of at least 120 ms', async () => {
    const watch = watchMainThread();
    await sleep(20);
    blockFor(120);
    await sleep(20);
    const r = watch.stop();
    expect(r.longTasks).toBeGreaterThanOrEqual(1);
    expect(r.longestTaskMs).toBeGreaterThanOrEqual(120);
    expect(r.maxGapMs).toBeGreaterThanOrEqual(120);
  });

  it('sees no long task while the main thread only waits', async () => {
    const watch = watchMainThread();
    await sleep(100);
    const r = watch.stop();
    expect(r.longTasks).toBe(0);
    expect(r.ticks).toBeGreaterThan(5);
  });
});
