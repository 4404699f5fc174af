import { simulate } from '../../../src/engine/simulate';
import { simulatePopulation } from '../../../src/engine/population/simulatePopulation';
import { localSensitivity } from '../../../src/engine/sensitivity';
import { fitToData } from '../../../src/engine/fit/fitToData';
import type { ResearchBackend, ResearchCallOptions } from '../../../src/view/research/researchBackend';

/**
 * Test-only backend: calls the engine functions directly, on the page's main thread (the app gets a worker-backed
 * one). Each call yields to the event loop first and refuses an already aborted signal, so the panels' async flow
 * is the same as with a worker; it cannot stop a computation midway, hence cancellable: false.
 */
export function createDirectBackend(): ResearchBackend & { calls: string[] } {
  const calls: string[] = [];
  const run = async <T>(name: string, call: ResearchCallOptions | undefined, f: () => T): Promise<T> => {
    calls.push(name);
    await new Promise((r) => setTimeout(r, 0));
    if (call?.signal?.aborted) throw new Error('cancelled');
    return f();
  };
  return {
    calls,
    cancellable: false,
    simulate: (s, call) => run('simulate', call, () => simulate(s)),
    population: (s, o, call) => run('population', call, () => simulatePopulation(s, o)),
    sensitivity: (s, o, call) => run('sensitivity', call, () => localSensitivity(s, o)),
    fit: (s, d, o, call) => run('fit', call, () => fitToData(s, d, o)),
  };
}
