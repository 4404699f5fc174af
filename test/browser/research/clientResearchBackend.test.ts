/**
 * The research panel on the real worker client (the way the app will run it): the comparison and the population go
 * through the engine worker; sensitivity and fit, whose worker endpoints do not exist yet, fail with a message that
 * says so instead of running on the page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../src/view/client/createEngineClient';
import { clientResearchBackend } from '../../../src/view/research/clientResearchBackend';
import { mountResearchPanel } from '../../../src/view/research/ResearchPanel';
import type { Scenario } from '../../../src/engine/scenario/types';

const short: Scenario = { version: 1, duration_h: 24, output_step_h: 0.5, regimen: { doses: [{ time_h: 0, amount_mg: 4.5 }] } };
const client = createEngineClient();
afterAll(() => client.dispose());

describe('clientResearchBackend() over the engine worker', () => {
  it('runs the hypothesis comparison and a population in the worker and draws them', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const panel = mountResearchPanel(host, { backend: clientResearchBackend(client), getScenario: () => short });
    try {
      expect(panel.element.querySelector('[data-tool="population"] [data-action="cancel"]')).not.toBeNull(); // a worker can stop
      panel.compare.select(['metabolite/chaperone', 'deep_tissue/synthesis']);
      await panel.compare.run();
      expect(panel.compare.results().map((r) => r.result.status.code)).toEqual(['ok', 'ok']);
      expect(panel.element.querySelectorAll('[data-comparison-table] tbody tr')).toHaveLength(2);
      panel.select('population');
      panel.population.setInputs({ subjects: 30, seed: 5 });
      await panel.population.run();
      expect(panel.population.result()!.subjects).toBe(30);
      expect(panel.element.querySelector('[data-population-chart] path[data-line="median"]')).not.toBeNull();
    } finally {
      panel.dispose();
      host.remove();
    }
  });

  it('rejects sensitivity and fit with a message naming the missing worker endpoint', async () => {
    // only today's endpoints, whatever the real client has gained since
    const backend = clientResearchBackend({ simulate: client.simulate, population: client.population, dispose: () => {} });
    await expect(backend.sensitivity(short, {})).rejects.toThrow('The engine worker has no "sensitivity" endpoint yet');
    await expect(backend.fit(short, [], { parameterIds: ['ntx_cl'] })).rejects.toThrow('no "fit" endpoint yet');
  });
});
