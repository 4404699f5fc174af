import type { Scenario } from '../../engine/scenario/types';
import type { Hypotheses } from '../../../models/types';

/**
 * The structural alternatives a researcher compares (shared/design/model.md): why blockade outlasts plasma
 * (persistence) × how receptors upregulate (upregulation). createModel(h) calibrates each set's binding parameters
 * to the same human PET data, so the sets agree where data exist and differ where they do not.
 */
export type Persistence = NonNullable<Hypotheses['persistence']>;
export type Upregulation = NonNullable<Hypotheses['upregulation']>;

export interface HypothesisSet {
  readonly id: string;
  readonly persistence: Persistence;
  readonly upregulation: Upregulation;
  readonly label: string;
}

export const PERSISTENCE_LABELS: Readonly<Record<Persistence, string>> = {
  slow_dissociation: 'slow dissociation',
  deep_tissue: 'deep tissue pool',
  metabolite: '6β-naltrexol metabolite',
};
export const UPREGULATION_LABELS: Readonly<Record<Upregulation, string>> = {
  synthesis: 'synthesis feedback',
  chaperone: 'chaperone (bound-receptor protection)',
};

export const HYPOTHESIS_SETS: readonly HypothesisSet[] = (['slow_dissociation', 'deep_tissue', 'metabolite'] as const).flatMap((p) =>
  (['synthesis', 'chaperone'] as const).map((u) => ({
    id: `${p}/${u}`,
    persistence: p,
    upregulation: u,
    label: `${PERSISTENCE_LABELS[p]} · ${UPREGULATION_LABELS[u].split(' ')[0]}`,
  })),
);

/**
 * The scenario run for one set: the user's scenario with the set's two structural choices. Parameter overrides are
 * dropped unless asked for, because an override of a calibrated parameter (e.g. ntx_kd_nm) would undo that set's
 * calibration and the comparison would no longer be "same data, different mechanism".
 */
export function scenarioForSet(base: Scenario, set: HypothesisSet, keepOverrides: boolean): Scenario {
  const { parameters, ...rest } = base;
  const s: Scenario = { ...rest, hypotheses: { ...base.hypotheses, persistence: set.persistence, upregulation: set.upregulation } };
  return keepOverrides && parameters ? { ...s, parameters } : s;
}
