import type { Status } from './status';
import type { Metrics } from './result';
import { prepareSimulation, runPrepared } from './simulate';

/**
 * Local, normalised sensitivity of summary metrics to parameters:
 *   S(m, p) = (∂m / m) / (∂p / p) ≈ p/m · (m(p·(1+δ)) − m(p·(1−δ))) / (2δp)
 * by central differences (one-sided at a range limit). |S| = 1 means a 1 % change in the parameter moves the metric
 * by 1 %. Each parameter costs two runs of the prepared scenario; the scenario is validated once.
 */
export interface SensitivityOptions {
  /** Parameter ids to perturb (default: every parameter of the model). */
  readonly parameterIds?: readonly string[];
  /** Metric keys to report (default: every metric of the baseline run). */
  readonly metricIds?: readonly string[];
  /** Relative perturbation δ (default 1e-3: well above the solver's rtol of 1e-6, well below curvature effects). */
  readonly relativeStep?: number;
}

export interface SensitivityResult {
  readonly status: Status;
  readonly parameterIds: readonly string[];
  readonly metricIds: readonly string[];
  /** Row-major [parameter][metric]; NaN where the metric is 0 at baseline (undefined relative change). */
  readonly coefficients: Float64Array;
  readonly baseline: Metrics;
}

export function localSensitivity(scenario: unknown, options: SensitivityOptions = {}): SensitivityResult {
  const empty = (status: Status): SensitivityResult => ({
    status,
    parameterIds: [],
    metricIds: [],
    coefficients: new Float64Array(0),
    baseline: {},
  });
  const prep = prepareSimulation(scenario);
  if (!prep.ok) return empty(prep.status);
  const pr = prep.prepared;
  const specs = pr.model.parameters;
  const base = runPrepared(pr);
  if (base.status.code !== 'ok') return empty(base.status);

  const ids = options.parameterIds ?? specs.map((s) => s.id);
  const index = new Map(specs.map((s, i) => [s.id, i]));
  for (const id of ids) {
    if (!index.has(id)) {
      return empty({ code: 'INVALID_INPUT', field: 'parameterIds', message: `Unknown parameter "${id}": use an id from the parameter table.` });
    }
  }
  const metricIds = options.metricIds ?? Object.keys(base.metrics);
  const delta = options.relativeStep ?? 1e-3;
  const coefficients = new Float64Array(ids.length * metricIds.length);
  const p = new Float64Array(pr.p);

  for (let r = 0; r < ids.length; r++) {
    const i = index.get(ids[r])!;
    const spec = specs[i];
    const p0 = pr.p[i];
    // step inside the parameter's range: central where possible, one-sided at a limit
    const up = Math.min(p0 * (1 + delta), spec.max);
    const down = Math.max(p0 * (1 - delta), spec.min);
    p[i] = up;
    const hi = runPrepared(pr, p);
    p[i] = down;
    const lo = runPrepared(pr, p);
    p[i] = p0;
    for (const res of [hi, lo]) {
      if (res.status.code !== 'ok') {
        return empty({ ...res.status, message: `${res.status.message} (while perturbing ${spec.id})` });
      }
    }
    for (let c = 0; c < metricIds.length; c++) {
      const k = metricIds[c];
      const m0 = base.metrics[k];
      const dm = hi.metrics[k] - lo.metrics[k];
      const dp = up - down;
      coefficients[r * metricIds.length + c] = m0 === 0 || dp === 0 ? NaN : (dm / dp) * (p0 / m0);
    }
  }
  return { status: base.status, parameterIds: ids, metricIds, coefficients, baseline: base.metrics };
}
