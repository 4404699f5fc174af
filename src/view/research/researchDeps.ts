import type { Scenario } from '../../engine/scenario/types';
import type { Hypotheses, ObservableSpec, ParameterSpec } from '../../../models/types';
import { createModel, OBSERVABLE_SPECS } from '../../../models/index';
import type { ResearchBackend } from './researchBackend';
import { downloadBlob } from '../export/downloadBlob';

/** What every research tool gets from the page: the engine door, the current scenario, and model metadata. */
export interface ResearchDeps {
  readonly backend: ResearchBackend;
  /** The scenario being edited on the page, read when a tool runs (never cached). */
  readonly getScenario: () => Scenario;
  /** Put estimated values into the page's scenario (the Fit tool's "apply" button appears only when given). */
  readonly onApplyParameters?: (p: Record<string, number>) => void;
  /** Parameter metadata for a hypothesis set (default: createModel(h).parameters — metadata, nothing is run). */
  readonly parameterSpecs?: (hypotheses: Hypotheses | undefined) => readonly ParameterSpec[];
  /** Where exported files go (tests capture them); default: a browser download. */
  readonly download?: (filename: string, blob: Blob) => void;
}

export function saveFile(deps: ResearchDeps, filename: string, text: string, type: string): void {
  (deps.download ?? downloadBlob)(filename, new Blob([text], { type }));
}

const cache = new Map<string, readonly ParameterSpec[]>();

export function parameterSpecsFor(deps: ResearchDeps, hypotheses: Hypotheses | undefined): readonly ParameterSpec[] {
  if (deps.parameterSpecs) return deps.parameterSpecs(hypotheses);
  const key = JSON.stringify(hypotheses ?? {});
  let specs = cache.get(key);
  if (!specs) {
    specs = createModel(hypotheses).parameters;
    cache.set(key, specs);
  }
  return specs;
}

export function observableSpec(id: string): ObservableSpec | undefined {
  return OBSERVABLE_SPECS.find((o) => o.id === id);
}

/** "ng/mL", "%" for fractions shown ×100, "relative to baseline" for _rel. */
export function displayUnit(spec: ObservableSpec | undefined): { unit: string; factor: number } {
  if (!spec) return { unit: '', factor: 1 };
  if (spec.unit === 'fraction') return { unit: '%', factor: 100 };
  if (spec.unit === 'rel') return { unit: 'relative to baseline', factor: 1 };
  return { unit: spec.unit, factor: 1 };
}
