import type { Hypotheses, Model } from '../../models/types';
import { createModel } from '../../models/index';

/**
 * Models are immutable once built, so one per hypothesis set is enough: building them once per run would repeat
 * work (and, for a population of 1,000 subjects, a thousand times).
 */
const cache = new Map<string, Model>();

export function modelFor(hypotheses: Hypotheses | undefined): Model {
  const h = hypotheses ?? {};
  const key = `${h.persistence ?? ''}|${h.upregulation ?? ''}|${h.tlr4 ?? ''}|${h.metabolite_occupancy ?? ''}`;
  let m = cache.get(key);
  if (!m) {
    m = createModel(hypotheses);
    cache.set(key, m);
  }
  return m;
}
