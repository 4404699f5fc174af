import type { Model } from '../../models/types';
import { exp } from '../../models/math/deterministicMath';

/**
 * A one-compartment oral model with closed-form solution (Bateman), for testing the engine's event handling apart
 * from the LDN model. States: gut (mg), central (mg). Parameters: ka (1/h), k (1/h), V (L). Observable: C (mg/L).
 */
export function batemanModel(): Model {
  return {
    id: 'bateman',
    name: 'one-compartment oral (test)',
    parameters: [
      { id: 'ka', value: 1.2, unit: '1/h', min: 0.01, max: 10, source: 'test', meaning: 'absorption rate', group: 'pk' },
      { id: 'k', value: 0.17, unit: '1/h', min: 0.001, max: 5, source: 'test', meaning: 'elimination rate', group: 'pk' },
      { id: 'V', value: 10, unit: 'L', min: 1, max: 100, source: 'test', meaning: 'volume', group: 'pk' },
    ],
    states: [
      { id: 'gut', unit: 'mg', meaning: 'gut depot' },
      { id: 'central', unit: 'mg', meaning: 'central amount' },
    ],
    observables: [{ id: 'conc', unit: 'mg/L', label: 'C', meaning: 'concentration' }],
    doseTargets: { naltrexone: { state: 0, scale: 1 } },
    init: (_p, y) => y.fill(0),
    rhs: (_t, y, p, dy) => {
      dy[0] = -p[0] * y[0];
      dy[1] = p[0] * y[0] - p[1] * y[1];
    },
    observe: (_t, y, p, out) => {
      out[0] = y[1] / p[2];
    },
  };
}

/** Closed form: C(t) = Σ_doses D·ka/(V(ka−k))·(e^{−k(t−td)} − e^{−ka(t−td)}) for t > td. */
export function batemanConcentration(t: number, doses: readonly { time_h: number; amount_mg: number }[], ka: number, k: number, V: number): number {
  let c = 0;
  for (const d of doses) {
    const s = t - d.time_h;
    if (s <= 0) continue;
    c += ((d.amount_mg * ka) / (V * (ka - k))) * (exp(-k * s) - exp(-ka * s));
  }
  return c;
}
