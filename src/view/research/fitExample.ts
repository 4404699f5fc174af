import type { Scenario } from '../../engine/scenario/types';
import type { Hypotheses } from '../../../models/types';

/**
 * The "load example" data of the Fit tool: human brain MOR blockade after one oral 50 mg dose (Lee 1988), the
 * time course every hypothesis set is calibrated to. Fitting it again from the calibrated defaults should change
 * little — that is the point of the example: it shows what a good fit looks like before users bring their own data.
 * Same numbers as public/data/lee1988_occupancy_50mg.csv (the caveat about single points is repeated here).
 */
export const FIT_EXAMPLE_CSV = [
  '# Human brain MOR blockade after one oral 50 mg naltrexone dose (11C-carfentanil PET, n = 5).',
  '# Lee MC, Wagner HN, Tanada S, Frost JJ, Bice AN, Dannals RF 1988, J Nucl Med 29:1207-1211 (PMID 2839637).',
  '# Means per time point as cited in secondary literature; verify against the paper before relying on one point.',
  'time_h,observable,value',
  '1,mor_occupancy,0.95',
  '48,mor_occupancy,0.91',
  '72,mor_occupancy,0.80',
  '120,mor_occupancy,0.46',
  '168,mor_occupancy,0.30',
].join('\n');

/** The dosing of the example data: one 50 mg dose, followed for a week, under the page's hypotheses. */
export function fitExampleScenario(hypotheses: Hypotheses | undefined): Scenario {
  return {
    version: 1,
    name: 'Lee 1988: single 50 mg dose',
    duration_h: 168,
    output_step_h: 0.5,
    regimen: { doses: [{ time_h: 0, amount_mg: 50 }] },
    ...(hypotheses ? { hypotheses } : {}),
  };
}

/** Parameters that carry each persistence hypothesis's blockade duration (what the example suggests fitting). */
export function exampleParameters(hypotheses: Hypotheses | undefined): string[] {
  switch (hypotheses?.persistence) {
    case 'slow_dissociation':
      return ['ntx_kd_nm', 'ntx_k_rev'];
    case 'deep_tissue':
      return ['ntx_kd_nm', 'ntx_deep_ke'];
    default:
      return ['bn_kd_nm', 'bn_ke0'];
  }
}
