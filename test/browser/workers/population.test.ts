/**
 * Populations through the engine worker, in real Chromium (issue 6 part 6): a 10,000-subject population runs in the
 * worker while the page's main thread keeps turning (no task of 50 ms or more), only the percentile bands come
 * back, and afterwards no worker and no memory is left behind. A small population is also checked bit for bit
 * against the same engine on the main thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cdp, commands } from 'vitest/browser';
import { createEngineClient } from '../../../src/view/client/createEngineClient';
import { simulatePopulation } from '../../../src/engine/population/simulatePopulation';
import type { Scenario } from '../../../src/engine/scenario/types';
import { TIMING_RETRY, watchMainThread } from './mainThreadGaps';

/** One 4.5 mg dose followed for 6 h on a 1 h grid: the shortest run that still shows absorption and the peak. */
const shortLdn: Scenario = { version: 1, duration_h: 6, output_step_h: 1, regimen: { doses: [{ time_h: 0, amount_mg: 4.5 }] } };
/** 30 % CV on clearance and absorption (log-normal IIV, as in the population engine). */
const variability = { ntx_cl: 0.3, ntx_ka: 0.3 };

async function heapAfterGc(): Promise<number> {
  const session = cdp();
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}

const client = createEngineClient({ timeoutMs: 300_000 });
afterAll(() => client.dispose());

describe('populations in the engine worker', () => {
  it('a 200-subject population is bit for bit the one computed on the main thread', async () => {
    const options = { subjects: 200, seed: 42, variability };
    const inWorker = await client.population(shortLdn, options);
    const onPage = simulatePopulation(shortLdn, options);
    expect(inWorker.status.code).toBe('ok');
    expect(inWorker.failed).toBe(0);
    expect(Object.keys(inWorker.bands).sort()).toEqual(Object.keys(onPage.bands).sort());
    for (const id of Object.keys(onPage.bands)) {
      for (const q of ['5', '50', '95']) {
        const w = inWorker.bands[id][q];
        const p = onPage.bands[id][q];
        expect(w, `${id} p${q}`).toBeInstanceOf(Float64Array);
        expect(Array.from(w).every((v, i) => Object.is(v, p[i])), `${id} p${q}`).toBe(true);
      }
    }
    for (const id of Object.keys(variability)) expect(Array.from(inWorker.parameters[id])).toEqual(Array.from(onPage.parameters[id]));
  });

  it('a 10,000-subject population runs no 50 ms task on the page, returns only bands, and leaves nothing behind', { timeout: 300_000, retry: TIMING_RETRY }, async () => {
    await client.population(shortLdn, { subjects: 10, seed: 1, variability }); // warm the worker
    const baseline = await heapAfterGc();
    const watch = watchMainThread();
    const t0 = performance.now();
    const result = await client.population(shortLdn, { subjects: 10_000, seed: 2026, variability });
    const elapsed = performance.now() - t0;
    const gaps = watch.stop();

    expect(result.status.code).toBe('ok');
    expect(result.subjects).toBe(10_000);
    expect(result.failed).toBe(0);
    // What crossed the boundary: 3 bands × observables × 7 grid points, plus 2 × 10,000 sampled parameters.
    const occ = result.bands.mor_occupancy;
    expect(occ['5'].length).toBe(7);
    for (let k = 0; k < 7; k++) {
      expect(occ['5'][k]).toBeLessThanOrEqual(occ['50'][k]);
      expect(occ['50'][k]).toBeLessThanOrEqual(occ['95'][k]);
    }
    expect(occ['95'][6]).toBeGreaterThan(occ['5'][6]); // 30 % CV on clearance: the band is not degenerate
    expect(result.parameters.ntx_cl.length).toBe(10_000);

    expect(gaps.longTasks, `long tasks (longest ${gaps.longestTaskMs} ms)`).toBe(0);
    expect(client.counters()).toMatchObject({ inFlight: 0, live: 1 });
    expect(await commands.liveWorkerCount()).toBe(1);

    const after = await heapAfterGc();
    // The result itself is small: keep it alive until here, then measure without it.
    const bandBytes = Object.values(result.bands).reduce((n, b) => n + Object.values(b).reduce((m, a) => m + a.byteLength, 0), 0);
    console.info(
      `10,000 subjects in ${(elapsed / 1000).toFixed(1)} s (${(elapsed / 10_000).toFixed(2)} ms/subject); ` +
        `main thread: longest gap ${gaps.maxGapMs.toFixed(1)} ms over ${gaps.ticks} ticks, ${gaps.longTasks} long tasks (${gaps.otherFramesLongTasks} in other test files' frames); ` +
        `bands ${(bandBytes / 1e3).toFixed(1)} kB; heap ${(baseline / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB`,
    );
    // Held: the bands (~kB) and the 2 × 10,000 sampled parameters (160 kB). Anything beyond ~1 MB would be a leak.
    expect(after - baseline).toBeLessThan(1_000_000);
  });
});
