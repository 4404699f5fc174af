import type { Status } from '../status';
import { OK } from '../status';
import { prepareSimulation, runPrepared } from '../simulate';
import { createRng } from './createRng';
import { sampleParameters, type VariabilitySpec } from './sampleParameters';
import { percentileBands } from './percentileBands';
import { createAutoIntegrator, type AutoHint } from '../solver/createAutoIntegrator';

/**
 * A virtual population (SciML's EnsembleProblem; mrgsolve's idata + IIV): one scenario, N subjects whose
 * parameters vary log-normally around the scenario's values, simulated one by one with the same doses and
 * grid, summarised as percentile bands per observable.
 */
export interface PopulationOptions {
  /** Number of virtual subjects, 1 … 10,000. */
  readonly subjects: number;
  /** Seed of the random generator: the same seed gives the same population, bit for bit. */
  readonly seed: number;
  /** Coefficient of variation (fraction, 0 … 2) per parameter id, e.g. { ntx_cl: 0.3 }. */
  readonly variability: Readonly<Record<string, number>>;
  /** Percentiles to report (0 … 100); default [5, 50, 95]. */
  readonly percentiles?: readonly number[];
  /**
   * Relative tolerance for each subject's solve, in (0, 0.01]. Default: the scenario's solver.rtol when it sets
   * one, else POPULATION_RTOL — bands of a population with CVs of 10–50 % move by far more than the 1e-6 a
   * single curve is drawn with, and the looser tolerance takes ~35 % fewer steps.
   */
  readonly rtol?: number;
  /** Observables to summarise (default: every observable of the model). Fewer → less memory and time. */
  readonly observables?: readonly string[];
}

export interface PopulationResult {
  /** ok when at least one subject succeeded (see failed / firstFailure); else the first subject's failure. */
  readonly status: Status;
  readonly time_h: Float64Array;
  /** bands[observableId][String(percentile)] = values over the grid. */
  readonly bands: Readonly<Record<string, Readonly<Record<string, Float64Array>>>>;
  readonly percentiles: readonly number[];
  /** Sampled values per varied parameter id, one per subject (in subject order, failures included). */
  readonly parameters: Readonly<Record<string, Float64Array>>;
  readonly subjects: number;
  /** Subjects whose simulation failed (excluded from the bands). */
  readonly failed: number;
  /** The first failure, when any subject failed: what, where and what to change. */
  readonly firstFailure?: Status;
  /** RHS evaluations over all subjects (for benchmarks). */
  readonly rhsEvals: number;
}

export const MAX_SUBJECTS = 10_000;
/**
 * Percentiles need every subject's value at each grid point, kept until the end: subjects × grid points ×
 * observables doubles. Above this many bytes the population is refused with a message saying what to reduce
 * (a worker that runs out of memory would just die).
 */
export const MAX_POPULATION_BYTES = 768 * 2 ** 20;
/** Default per-subject relative tolerance (see PopulationOptions.rtol). */
export const POPULATION_RTOL = 1e-4;
const DEFAULT_PERCENTILES = [5, 50, 95] as const;

function invalid(field: string, message: string): PopulationResult {
  return {
    status: { code: 'INVALID_INPUT', field, message },
    time_h: new Float64Array(0),
    bands: {},
    percentiles: [],
    parameters: {},
    subjects: 0,
    failed: 0,
    rhsEvals: 0,
  };
}

export function simulatePopulation(scenario: unknown, options: PopulationOptions): PopulationResult {
  const { subjects, seed, variability } = options;
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  if (!Number.isInteger(subjects) || subjects < 1 || subjects > MAX_SUBJECTS) {
    return invalid('population.subjects', `population.subjects must be a whole number from 1 to ${MAX_SUBJECTS}; got ${String(subjects)}.`);
  }
  if (!Number.isFinite(seed)) return invalid('population.seed', `population.seed must be a finite number; got ${String(seed)}.`);
  for (const p of percentiles) {
    if (!(Number.isFinite(p) && p >= 0 && p <= 100)) {
      return invalid('population.percentiles', `population.percentiles must lie in [0, 100]; got ${String(p)}.`);
    }
  }
  if (options.rtol !== undefined && !(Number.isFinite(options.rtol) && options.rtol > 0 && options.rtol <= 0.01)) {
    return invalid('population.rtol', `population.rtol must be a number in (0, 0.01], e.g. 1e-4; got ${String(options.rtol)}.`);
  }
  if (variability === null || typeof variability !== 'object') {
    return invalid('population.variability', 'population.variability must be an object of { parameterId: CV }.');
  }

  const prep = prepareSimulation(scenario);
  if (!prep.ok) return { ...invalid(prep.status.field ?? 'scenario', prep.status.message), status: prep.status };
  const { model, p: base, grid } = prep.prepared;
  const rtol = options.rtol ?? prep.prepared.scenario.solver?.rtol ?? POPULATION_RTOL;
  const prepared = rtol === prep.prepared.options.rtol ? prep.prepared : { ...prep.prepared, options: { ...prep.prepared.options, rtol } };

  const specs: VariabilitySpec[] = [];
  for (const [id, cv] of Object.entries(variability)) {
    const index = model.parameters.findIndex((s) => s.id === id);
    if (index < 0) {
      return invalid(`population.variability.${id}`, `population.variability names "${id}", which is not a parameter of the model; use a parameter id such as "ntx_cl".`);
    }
    if (!(typeof cv === 'number' && Number.isFinite(cv) && cv >= 0 && cv <= 2)) {
      return invalid(`population.variability.${id}`, `population.variability.${id} must be a CV between 0 and 2 (e.g. 0.3 for 30 %); got ${String(cv)}.`);
    }
    specs.push({ index, id, cv });
  }

  const m = specs.length;
  const sampled = new Float64Array(subjects * m);
  sampleParameters(base, model.parameters, specs, subjects, createRng(seed), sampled);

  const T = grid.length;
  const allIds = model.observables.map((o) => o.id);
  const ids = options.observables ?? allIds;
  for (const id of ids) {
    if (!allIds.includes(id)) {
      return invalid('population.observables', `population.observables names "${String(id)}", which is not an observable; use ids such as "mor_occupancy".`);
    }
  }
  const nObs = ids.length;
  const bytes = T * subjects * nObs * 8;
  if (bytes > MAX_POPULATION_BYTES) {
    return invalid(
      'population.subjects',
      `${subjects} subjects × ${T} output points × ${nObs} observables need ${Math.round(bytes / 2 ** 20)} MB of percentile data; ` +
        `the limit is ${MAX_POPULATION_BYTES / 2 ** 20} MB. Use fewer subjects, a larger output_step_h, or fewer observables.`,
    );
  }
  // Time-major per observable so that each grid point's subjects are contiguous for the percentile selection.
  const values = ids.map(() => new Float64Array(T * subjects));
  const p = new Float64Array(base.length);
  // 'auto' learns per run whether stiff trials pay; a failed trial costs ~60 RODAS steps in a 28-day LDN run at
  // rtol 1e-4 (12 % of it). The typical subject (the base parameters) is run first and what it learned starts every
  // subject, so the subjects stay independent of each other (each depends only on the base parameters) and none
  // repeats the trials. A subject much stiffer than the typical one (|λ| above the learned floor) still switches.
  const auto = (prepared.options.method ?? 'auto') === 'auto';
  let hint: AutoHint | null = null;
  // One integrator for the pilot and every subject, restarted before each (a new one per subject would give V8 a
  // new closure to compile for the first subjects).
  const integrator = auto ? createAutoIntegrator() : undefined;
  let rhsEvals = 0; // the pilot's included: it is part of the population's cost
  if (integrator) {
    rhsEvals += runPrepared(prepared, base, { metrics: false, integrator }).stats.rhsEvals;
    hint = integrator.learned;
  }
  let ok = 0;
  let failed = 0;
  let firstFailure: Status | null = null;
  for (let s = 0; s < subjects; s++) {
    p.set(base);
    for (let j = 0; j < m; j++) p[specs[j].index] = sampled[s * m + j];
    integrator?.restart(hint);
    const r = runPrepared(prepared, p, integrator ? { metrics: false, integrator } : { metrics: false });
    rhsEvals += r.stats.rhsEvals;
    if (r.status.code !== 'ok') {
      failed++;
      firstFailure ??= r.status;
      continue;
    }
    for (let o = 0; o < nObs; o++) {
      const series = r.observables[ids[o]];
      const dst = values[o];
      for (let k = 0; k < T; k++) dst[k * subjects + ok] = series[k];
    }
    ok++;
  }

  const parameters: Record<string, Float64Array> = {};
  specs.forEach((spec, j) => {
    const col = new Float64Array(subjects);
    for (let s = 0; s < subjects; s++) col[s] = sampled[s * m + j];
    parameters[spec.id] = col;
  });

  if (ok === 0) {
    return { status: firstFailure ?? OK, time_h: grid, bands: {}, percentiles, parameters, subjects, failed, rhsEvals };
  }
  const bands: Record<string, Record<string, Float64Array>> = {};
  for (let o = 0; o < nObs; o++) {
    // Only the first `ok` subjects of each grid point hold values: compact when some failed.
    let src = values[o];
    if (ok < subjects) {
      const c = new Float64Array(T * ok);
      for (let k = 0; k < T; k++) c.set(src.subarray(k * subjects, k * subjects + ok), k * ok);
      src = c;
    }
    const b = percentileBands(src, T, ok, percentiles);
    const entry: Record<string, Float64Array> = {};
    percentiles.forEach((q, i) => { entry[String(q)] = b[i]; });
    bands[ids[o]] = entry;
  }
  const result: PopulationResult = { status: OK, time_h: grid, bands, percentiles, parameters, subjects, failed, rhsEvals };
  return firstFailure ? { ...result, firstFailure } : result;
}
