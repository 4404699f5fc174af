/**
 * The only place where view, client and state meet (architecture.md): the engine runs in a supervised Web Worker
 * behind the client; the view gets model metadata (parameter names, units, ranges, sources) but never the engine.
 */
import { createModel } from '../models/index';
import type { Hypotheses, ParameterSpec } from '../models/types';
import { createEngineClient } from './view/client/createEngineClient';
import { App } from './view/App';
import { mountResearchPanel } from './view/research/ResearchPanel';
import { clientResearchBackend, type ResearchCapableClient } from './view/research/clientResearchBackend';

const specCache = new Map<string, readonly ParameterSpec[]>();
function parameterSpecs(h: Hypotheses | undefined): readonly ParameterSpec[] {
  const key = JSON.stringify(h ?? {});
  let specs = specCache.get(key);
  if (!specs) {
    specs = createModel(h).parameters;
    specCache.set(key, specs);
  }
  return specs;
}

const root = document.getElementById('app');
if (root) {
  // The worker starts loading at once, in parallel with building the page (its first curve is then ready sooner).
  const client = createEngineClient({ prestart: true });
  const app = new App(root, { client, parameterSpecs });
  try {
    // research tools (populations, sensitivity, fit): same client, the page's scenario B
    mountResearchPanel(app.researchHost, {
      backend: clientResearchBackend(client as unknown as ResearchCapableClient),
      getScenario: () => app.scenario(),
      onApplyParameters: (p) => app.applyParameters(p),
      parameterSpecs,
    });
  } catch (e) {
    app.researchHost.textContent = `The research tools could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
  // for the browser benchmark and for debugging from the console; holds no secrets
  (globalThis as { ldnLab?: unknown }).ldnLab = { app, client };
}
