/**
 * simulate(scenario) → SimulationResult (architecture.md, contract 2).
 *
 * Problem → solve → solution, as SciML does it: the scenario is validated and resolved into dose events, the model is
 * built for the chosen hypotheses, parameters are layered (calibrated defaults → patient phenotype → co-medication
 * drug → the user's overrides), and the system is integrated segment by segment between doses so that the solver
 * stops exactly at each dose time and restarts with a fresh step size (a dose is a discontinuity in the depot).
 * Pure and synchronous: the same numbers in Node, in a worker and on the page.
 */
import type { Model } from '../../models/types';
import { AGONIST_PRESETS, PHENOTYPE_PRESETS, withDerived } from '../../models/index';
import type { SimulationResult } from './result';
import type { Status } from './status';
import { OK } from './status';
import type { DoseEvent, ResolvedScenario, Scenario } from './scenario/types';
import { validateScenario } from './scenario/validateScenario';
import { createIntegrator } from './solver/createIntegrator';
import type { Integrator, OdeSystem, SolveOptions, SolveStats, SolverMethod } from './solver/types';
import { newStats } from './solver/types';
import { computeMetrics } from './metrics';
import { modelFor } from './modelFor';
import { outputGrid } from './outputGrid';

/**
 * Defaults chosen so the PK (ng/mL) and the slow receptor states are both resolved to well below plotting precision.
 * atol 1e-8 with rtol 1e-6 is rxode2's default pairing. Every state is an amount (µmol), a brain concentration (nM)
 * or a fraction of the baseline receptor pool, so 1e-8 is ≥ 10⁵× below any value that shows on a chart; with 1e-10 the
 * solver kept following the emptied gut depot (13 µmol → 1e-4 µmol, ~8 h of short steps a day) for no visible gain.
 * Measured on LDN 4.5 mg and 0.5 mg nightly and 50 mg daily, 28 days, 0.1-h grid, against RODAS at rtol 1e-10: the worst
 * error of any observable, relative to its peak, is 2.9e-6 / 7.6e-7 / 5.5e-6 with 1e-8 and 4.2e-6 / 4.4e-7 / 6.3e-6
 * with 1e-10, for 12 % / 16 % / 0 % fewer steps.
 */
export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_ATOL = 1e-8;
/** Length of the agonist run-in that makes a patient opioid-dependent before t = 0 (h). 28 days ≫ the slowest
 * adaptation time constants of the feedback module, so the system starts near its on-agonist steady state. */
export const DEPENDENCE_RUN_IN_H = 28 * 24;

/** Everything needed to run a validated scenario; reusable across virtual subjects (only p changes). */
export interface PreparedSimulation {
  readonly scenario: Scenario;
  readonly resolved: ResolvedScenario;
  readonly model: Model;
  /** Parameter vector after presets and overrides (in the order of model.parameters). */
  readonly p: Float64Array;
  readonly grid: Float64Array;
  readonly options: SolveOptions;
}

export type Prepared = { ok: true; prepared: PreparedSimulation } | { ok: false; status: Status };

/** One dose event on a model state. */
interface Event {
  t: number;
  state: number;
  amount: number;
}

const EMPTY = new Float64Array(0);

function failure(status: Status, scenario?: Scenario): SimulationResult {
  return {
    status,
    time_h: EMPTY,
    observables: {},
    metrics: {},
    doses: [],
    agonistDoses: [],
    stats: newStats(),
    scenario,
  };
}

/** Validate, resolve and build everything a run needs; never throws. */
export function prepareSimulation(input: unknown): Prepared {
  // Parameter overrides are checked against the parameter table of the scenario's own hypothesis set; a set that
  // cannot be built (unknown hypothesis value) is refused by the validator with the model's message.
  const v = validateScenario(input, { parameterSpecs: (h) => modelFor(h).parameters });
  if (!v.ok) return { ok: false, status: v.status };
  const { scenario, resolved } = v;
  let model: Model;
  try {
    model = modelFor(scenario.hypotheses);
  } catch (e) {
    return {
      ok: false,
      status: { code: 'INVALID_INPUT', field: 'hypotheses', message: `These hypotheses cannot be combined: ${String(e)}` },
    };
  }
  const p = new Float64Array(model.parameters.length);
  const index = new Map<string, number>();
  model.parameters.forEach((spec, i) => {
    p[i] = spec.value;
    index.set(spec.id, i);
  });
  const layer = (values: Readonly<Record<string, number>> | undefined) => {
    if (!values) return;
    for (const [id, value] of Object.entries(values)) {
      const i = index.get(id);
      if (i !== undefined) p[i] = value;
    }
  };
  layer(PHENOTYPE_PRESETS[scenario.patient?.phenotype ?? 'normal']);
  if (scenario.comedication) layer(AGONIST_PRESETS[scenario.comedication.drug]);
  layer(scenario.parameters);

  const atol = scenario.solver?.atol ?? DEFAULT_ATOL;
  const options: SolveOptions = {
    rtol: scenario.solver?.rtol ?? DEFAULT_RTOL,
    atol,
    method: scenario.solver?.method ?? 'auto',
  };
  return {
    ok: true,
    prepared: { scenario, resolved, model, p, grid: outputGrid(scenario.duration_h, scenario.output_step_h), options },
  };
}

/** Doses → events on model states, sorted by time (stable: naltrexone before agonist at equal times). */
function toEvents(model: Model, doses: readonly DoseEvent[], agonist: readonly DoseEvent[]): Event[] {
  const events: Event[] = [];
  const add = (list: readonly DoseEvent[], target: string) => {
    const d = model.doseTargets[target];
    if (!d) return;
    for (const dose of list) events.push({ t: dose.time_h, state: d.state, amount: dose.amount_mg * d.scale });
  };
  add(doses, 'naltrexone');
  add(agonist, 'agonist');
  events.sort((a, b) => a.t - b.t);
  return events;
}

/**
 * Integrates from tStart to tEnd over the events, writing grid outputs through `sink`. Returns the status;
 * y holds the state at the end (or at the failure).
 */
function integrateOver(
  integrator: Integrator,
  sys: OdeSystem,
  y: Float64Array,
  tStart: number,
  tEnd: number,
  events: readonly Event[],
  grid: Float64Array,
  sink: (k: number, t: number, y: Float64Array) => void,
  options: SolveOptions,
  stats: SolveStats,
): Status {
  let t = tStart;
  let k = 0; // first grid index not yet written
  while (k < grid.length && grid[k] <= t) k++;
  let e = 0;
  integrator.reset();
  while (true) {
    // Doses due now land before the next segment starts (several at the same time add up).
    while (e < events.length && events[e].t <= t) {
      y[events[e].state] += events[e].amount;
      e++;
      integrator.reset();
    }
    const tNext = e < events.length ? Math.min(events[e].t, tEnd) : tEnd;
    if (tNext > t) {
      let kEnd = k;
      while (kEnd < grid.length && grid[kEnd] <= tNext) kEnd++;
      const status = integrator.integrate(sys, y, t, tNext, grid, k, kEnd, sink, options, stats);
      if (status.code !== 'ok') return status;
      k = kEnd;
      t = tNext;
    }
    if (t >= tEnd) return OK;
  }
}

/** What a run computes besides the curves (a population needs no per-subject metrics). */
export interface RunOptions {
  /** Compute the summary metrics (default true). */
  readonly metrics?: boolean;
  /** The integrator to use instead of a new one for options.method (a population passes 'auto' with a hint). */
  readonly integrator?: Integrator;
  /**
   * Integrate every state, also those the model reports as constant for this run (Model.liveStates). The results
   * are the same bit for bit (tested); only slower. Default false.
   */
  readonly allStates?: boolean;
}

/** The data of the run in progress, read by the model's cached system and sink (runnerFor). */
interface RunContext {
  /** This run's parameters followed by the model's derived constants (withDerived, into a buffer kept per model). */
  p: Float64Array;
  series: Float64Array[] | null;
  written: number;
  bad: Status | null;
}

interface Runner {
  /** `live` is set per run (Model.liveStates). */
  readonly sys: OdeSystem & { live: number };
  readonly ctx: RunContext;
  readonly sink: (k: number, t: number, y: Float64Array) => void;
}

const runners = new WeakMap<Model, Runner>();
const integrators = new Map<string, Integrator>();

/** One integrator per method for every run, restarted (as good as new, bit for bit) at the start of each run. */
function integratorFor(method: SolverMethod): Integrator {
  let integ = integrators.get(method);
  if (!integ) {
    integ = createIntegrator(method);
    integrators.set(method, integ);
  }
  integ.restart();
  return integ;
}

/** One OdeSystem and one output sink per model, for every run of it (see runPrepared). Runs are synchronous. */
function runnerFor(model: Model): Runner {
  const cached = runners.get(model);
  if (cached) return cached;
  const nObs = model.observables.length;
  const ctx: RunContext = { p: EMPTY, series: null, written: 0, bad: null };
  const out = new Float64Array(nObs);
  const sys: OdeSystem & { live: number } = {
    n: model.states.length,
    live: model.states.length,
    rhs: (t, y, dy) => model.rhs(t, y, ctx.p, dy),
    jac: model.jac ? (t, y, J) => model.jac!(t, y, ctx.p, J) : undefined,
    stateIds: model.states.map((s) => s.id),
    autonomous: model.autonomous === true,
  };
  const sink = (k: number, t: number, yk: Float64Array): void => {
    const series = ctx.series;
    if (series === null || ctx.bad) return;
    model.observe(t, yk, ctx.p, out);
    for (let j = 0; j < nObs; j++) {
      const v = out[j];
      if (!Number.isFinite(v)) {
        ctx.bad = {
          code: 'NONFINITE',
          t,
          variable: model.observables[j].id,
          message: `${model.observables[j].id} became ${v} at t = ${t.toFixed(3)} h. A parameter is probably outside the range where the model is meaningful: reset the last parameter you changed.`,
        };
        return;
      }
      series[j][k] = v;
    }
    ctx.written = k + 1;
  };
  const runner = { sys, ctx, sink };
  runners.set(model, runner);
  return runner;
}

/** Runs a prepared simulation, optionally with another parameter vector (a virtual subject). */
export function runPrepared(prep: PreparedSimulation, pOverride?: Float64Array, run: RunOptions = {}): SimulationResult {
  const { model, grid, options, resolved, scenario } = prep;
  const p = pOverride ?? prep.p;
  const n = model.states.length;
  const stats = newStats();
  const integrator = run.integrator ?? integratorFor(options.method ?? 'auto');
  // The system and the output sink are made once per model and read this run's data from a mutable context:
  // fresh closures per run made V8 throw away the solver's optimised code at the start of the next run ("wrong
  // call target": it had inlined the previous run's closures), so runs 2–4 of a session took 20–40 ms instead of ~5.
  const { sys, ctx, sink } = runnerFor(model);
  ctx.p = withDerived(model, p, ctx.p);
  const y = new Float64Array(n);
  model.init(ctx.p, y);
  const dosed: string[] = [];
  if (resolved.doses.length > 0) dosed.push('naltrexone');
  if (resolved.agonistDoses.length > 0) dosed.push('agonist');
  sys.live = run.allStates || !model.liveStates ? n : model.liveStates(ctx.p, dosed);

  // An opioid-dependent patient: the agonist has been taken, in the pattern the scenario starts with, for
  // DEPENDENCE_RUN_IN_H hours before t = 0, so receptors and endorphin tone have adapted to it.
  if (scenario.comedication?.dependent && resolved.agonistDoses.length > 0) {
    const pre = toEvents(model, [], dependenceRunIn(resolved.agonistDoses));
    ctx.series = null;
    const status = integrateOver(integrator, sys, y, -DEPENDENCE_RUN_IN_H, 0, pre, EMPTY, sink, options, stats);
    if (status.code !== 'ok') return failure(withContext(status, 'during the opioid run-in before t = 0'), scenario);
  }

  const series = model.observables.map(() => new Float64Array(grid.length));
  ctx.series = series;
  ctx.written = 0;
  ctx.bad = null;
  if (grid.length > 0 && grid[0] === 0) sink(0, 0, y);
  const events = toEvents(model, resolved.doses, resolved.agonistDoses);
  let status = integrateOver(integrator, sys, y, 0, scenario.duration_h, events, grid, sink, options, stats);
  if (ctx.bad) status = ctx.bad;
  const written = ctx.written;
  ctx.series = null; // do not keep the arrays alive through the cache

  // On failure keep the valid prefix only, so a chart never receives NaN.
  const valid = status.code === 'ok' ? grid.length : written;
  const time_h = valid === grid.length ? grid : grid.slice(0, valid);
  const observables: Record<string, Float64Array> = {};
  model.observables.forEach((o, j) => {
    observables[o.id] = valid === grid.length ? series[j] : series[j].slice(0, valid);
  });
  return {
    status,
    time_h,
    observables,
    metrics: run.metrics === false ? {} : computeMetrics(time_h, observables, resolved.doses),
    doses: resolved.doses,
    agonistDoses: resolved.agonistDoses,
    stats,
    scenario,
  };
}

/**
 * The run-in doses of a dependent patient: the first agonist dose repeated at the regimen's first interval
 * (24 h when there is only one dose) backwards from the first dose, over DEPENDENCE_RUN_IN_H hours before t = 0.
 * It does not depend on the scenario's duration: a 48-h scenario gets the same 28 days of run-in as a 90-day one.
 */
export function dependenceRunIn(agonist: readonly DoseEvent[]): DoseEvent[] {
  const first = agonist[0];
  const tau = agonist.length > 1 && agonist[1].time_h > first.time_h ? agonist[1].time_h - first.time_h : 24;
  const doses: DoseEvent[] = [];
  for (let k = Math.floor((first.time_h + DEPENDENCE_RUN_IN_H) / tau); k >= 1; k--) {
    doses.push({ time_h: first.time_h - k * tau, amount_mg: first.amount_mg });
  }
  return doses;
}

function withContext(status: Status, where: string): Status {
  return { ...status, message: `${status.message} (${where})` };
}

/**
 * simulate(scenario): validate, build and run. Never throws: a bad scenario gives status INVALID_INPUT naming the
 * field; a numerical failure gives its code with t and the variable, and the arrays up to that point.
 */
export function simulate(input: unknown): SimulationResult {
  const prep = prepareSimulation(input);
  if (!prep.ok) return failure(prep.status);
  try {
    return runPrepared(prep.prepared);
  } catch (e) {
    // A model or solver bug must still come back as a result the chart can explain.
    return failure({ code: 'NONFINITE', message: `The simulation failed unexpectedly: ${String(e)}` }, prep.prepared.scenario);
  }
}
