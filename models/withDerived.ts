import type { Model } from './types';

/**
 * The parameter vector a model's functions take: p (in the order of model.parameters) followed by the model's
 * derived constants (Model.derive). Writes into `into` when it has the right length (no allocation: the engine
 * reuses one per model), else into a new array.
 */
export function withDerived(model: Model, p: Float64Array, into?: Float64Array): Float64Array {
  const np = model.parameters.length;
  const out = into !== undefined && into.length === np + (model.derivedCount ?? 0) ? into : new Float64Array(np + (model.derivedCount ?? 0));
  if (p.length !== np) throw new Error(`${model.id}: expected ${np} parameters, got ${p.length}`);
  out.set(p);
  model.derive?.(out);
  return out;
}
