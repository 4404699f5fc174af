import type { EngineClient } from '../client/types';
import type { ResearchBackend, ResearchCallOptions } from './researchBackend';
import type { Scenario } from '../../engine/scenario/types';
import type { SensitivityOptions, SensitivityResult } from '../../engine/sensitivity';
import type { FitOptions, FitResult, Observation } from '../../engine/fit/fitToData';

/**
 * The engine client as the research panel needs it: simulate and population exist today; sensitivity and fit are
 * expected as worker endpoints with the same shape (scenario, options, { signal }) — until they exist, those two
 * calls reject with a message that says so instead of running on the main thread.
 */
export type ResearchCapableClient = EngineClient & {
  sensitivity?(scenario: Scenario, options: SensitivityOptions, call?: ResearchCallOptions): Promise<SensitivityResult>;
  fit?(scenario: Scenario, data: readonly Observation[], options: FitOptions, call?: ResearchCallOptions): Promise<FitResult>;
};

export function clientResearchBackend(client: ResearchCapableClient): ResearchBackend {
  const missing = (what: string) =>
    Promise.reject(new Error(`The engine worker has no "${what}" endpoint yet; add it to workers/ (see doc/notes/research.md).`));
  return {
    cancellable: true,
    simulate: (s, call) => client.simulate(s, call),
    population: (s, o, call) => (client.population ? client.population(s, o, call) : missing('population')),
    sensitivity: (s, o, call) => (client.sensitivity ? client.sensitivity(s, o, call) : missing('sensitivity')),
    fit: (s, d, o, call) => (client.fit ? client.fit(s, d, o, call) : missing('fit')),
  };
}
