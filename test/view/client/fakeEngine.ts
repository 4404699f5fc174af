import type { Scenario } from '../../../src/engine/scenario/types';
import type { SimulationResult } from '../../../src/engine/result';
import { PROTOCOL_VERSION } from '../../../workers/protocol';
import { sleep } from './fakeWorker';

/**
 * Scripted engines for supervision tests: the "scenario" says how the call behaves, so one fake worker can answer,
 * be slow, hang or throw on demand. Answers are tagged with the input and the worker index, so a test can tell
 * which call and which worker produced them.
 */
export type Script =
  | { readonly kind: 'answer'; readonly tag: number }
  | { readonly kind: 'slow'; readonly tag: number; readonly ms: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'throw'; readonly message: string };

export const script = (s: Script): Scenario => s as unknown as Scenario;

export function tagOf(result: SimulationResult): number {
  return result.metrics.tag;
}
export function workerOf(result: SimulationResult): number {
  return result.metrics.worker;
}

function answer(tag: number, worker: number): SimulationResult {
  const time_h = Float64Array.of(0, 1, 2);
  return {
    status: { code: 'ok', message: '' },
    time_h,
    observables: { naltrexone_ng_per_ml: Float64Array.of(tag, tag + 0.5, tag + 0.25) },
    metrics: { tag, worker },
    doses: [],
    agonistDoses: [],
    stats: { steps: 0, rejected: 0, rhsEvals: 0, jacEvals: 0, decompositions: 0 },
  };
}

/** The api a fake worker exposes (same method names as workers/protocol.ts EngineWorkerApi). */
export function scriptedEngine(worker: number) {
  return {
    ping: () => ({ protocol: PROTOCOL_VERSION, at_ms: 0 }),
    async simulate(s: Script): Promise<SimulationResult> {
      switch (s.kind) {
        case 'answer':
          return answer(s.tag, worker);
        case 'slow':
          await sleep(s.ms);
          return answer(s.tag, worker);
        case 'hang':
          return new Promise<SimulationResult>(() => {}); // never settles: comlink would wait forever
        case 'throw':
          throw new Error(s.message);
      }
    },
  };
}
