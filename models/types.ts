/**
 * Model definitions: annotated data plus one in-place right-hand side over Float64Arrays.
 * Models know nothing of dosing, populations, solvers or views (mrgsolve keeps these four apart).
 * Units are stated on every parameter, state and observable; model time is hours.
 */

/** Which layer a parameter belongs to; the UI groups its sliders by this. */
export type ParameterGroup =
  | 'pk'            // naltrexone / 6β-naltrexol pharmacokinetics
  | 'binding'       // brain exposure and MOR binding
  | 'feedback'      // endogenous opioid system, receptor turnover, rebound
  | 'tlr4'          // TLR4 / microglia / cytokines
  | 'comedication'  // exogenous opioid agonist
  | 'outcome';      // conceptual outcome index (teaching only)

/** One parameter, annotated like mrgsolve's `$PARAM CL : 1 : Clearance (L/h)`. */
export interface ParameterSpec {
  /** Stable id: the key in `scenario.parameters`, `data-param` in the UI. snake_case. */
  readonly id: string;
  /** Default value (in `unit`). */
  readonly value: number;
  readonly unit: string;
  /** Plausible range: slider limits, and the bounds a scenario override is validated against. */
  readonly min: number;
  readonly max: number;
  /** Citation (author year, journal) or "assumed; explore it" — never empty. */
  readonly source: string;
  /** One line: what it means, for the tooltip and doc/model.md. */
  readonly meaning: string;
  readonly group: ParameterGroup;
  /** Slider scale; log for quantities spanning decades (potencies, rate constants). */
  readonly scale?: 'linear' | 'log';
  /** Short label for the UI (defaults to id). */
  readonly label?: string;
}

export interface StateSpec {
  readonly id: string;
  readonly unit: string;
  readonly meaning: string;
}

export interface ObservableSpec {
  /** Contract ids (architecture.md): naltrexone_ng_per_ml, naltrexol_ng_per_ml, mor_occupancy, ... */
  readonly id: string;
  readonly unit: string;
  /** Human label for legends. */
  readonly label: string;
  readonly meaning: string;
}

/** A place where a dose lands: an amount in mg is multiplied by `scale` and added to state `state`. */
export interface DoseTarget {
  readonly state: number;
  /** Conversion from the dosed unit (mg) to the state's unit (e.g. mg → µmol). */
  readonly scale: number;
}

/**
 * A compiled model: metadata plus numerics. `p` is a Float64Array in the order of `parameters`.
 * All functions work in place and must not allocate (they run millions of times).
 */
export interface Model {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  readonly states: readonly StateSpec[];
  readonly observables: readonly ObservableSpec[];
  /** Where doses go: at least `naltrexone`; `agonist` when co-medication is modelled. */
  readonly doseTargets: Readonly<Record<string, DoseTarget>>;
  /**
   * True when rhs does not depend on t (no clock-driven input inside the model): lets a Rosenbrock solver skip ∂f/∂t,
   * and the solvers then call rhs and jac with t = 0 (OdeSystem.autonomous).
   */
  readonly autonomous?: boolean;
  /**
   * How many leading states can change in a run with parameters p and doses to the targets `dosed`: every state
   * from this index on starts at 0, has a derivative of exactly 0 for these parameters and stays 0 (an optional
   * hypothesis or input that is switched off). The solver then skips them; the result is bit for bit the same.
   * Absent: all states are live.
   */
  liveStates?(p: Float64Array, dosed: readonly string[]): number;
  /**
   * How many constants derived from the parameters (rates from half-lives, CL/V, koff/KD…) follow them in p: every
   * function below takes p of length parameters.length + derivedCount, filled by derive() once per run
   * (withDerived in models/withDerived.ts), so the RHS does no per-call arithmetic on parameters alone. Absent: 0.
   */
  readonly derivedCount?: number;
  /** Compute p[parameters.length …] from p[0 … parameters.length − 1] (once per parameter vector). */
  derive?(p: Float64Array): void;
  /** Write the untreated (drug-free) steady state for parameters p into y. */
  init(p: Float64Array, y: Float64Array): void;
  /** dy/dt at (t, y) for parameters p, written into dy. t in hours. */
  rhs(t: number, y: Float64Array, p: Float64Array, dy: Float64Array): void;
  /** Optional analytic Jacobian ∂f/∂y, written row-major into J (n×n). */
  jac?(t: number, y: Float64Array, p: Float64Array, J: Float64Array): void;
  /** Observables at state y, in the order of `observables`, written into out. */
  observe(t: number, y: Float64Array, p: Float64Array, out: Float64Array): void;
}

/**
 * Structural choices, owned by the models (a scenario selects them).
 * Structural choices (shared/design/model.md, "Hypotheses researchers must be able to compare"). */
export interface Hypotheses {
  /** Why blockade outlasts plasma. */
  readonly persistence?: 'slow_dissociation' | 'deep_tissue' | 'metabolite';
  /** How receptor upregulation happens. */
  readonly upregulation?: 'synthesis' | 'chaperone';
  /** TLR4 potency: the published in-vitro value, or a user-set apparent IC50 / CNS accumulation. */
  readonly tlr4?: 'published' | 'apparent';
  /** Whether 6β-naltrexol contributes to MOR occupancy. */
  readonly metabolite_occupancy?: boolean;
}


/**
 * Optional mass-balance description (an extension of Model): for each dose target, the states (in that target's
 * unit) whose sum equals the cumulative dosed amount × the target's scale, including cumulative-eliminated states.
 */
export type MassBalance = Readonly<Record<string, readonly number[]>>;

/** A Model that also declares its mass balance and the hypotheses it was built for. */
export interface DescribedModel extends Model {
  readonly massBalance: MassBalance;
  readonly hypotheses: Required<Hypotheses>;
}
