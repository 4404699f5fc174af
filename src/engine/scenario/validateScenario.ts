import type { ParameterSpec } from '../../../models/types';
import type { Status } from '../status';
import type {
  Comedication, DoseEvent, Hypotheses, Patient, Regimen, ResolvedScenario, Scenario, SolverSettings,
} from './types';
import { SCENARIO_VERSION } from './types';
import { SCENARIO_LIMITS as L } from './limits';
import { migrateScenario } from './migrateScenario';
import { parseRegimen } from '../regimen/parseRegimen';

/**
 * The one gate every scenario passes (app, URL, file import, CLI): strict, versioned, never throws.
 *
 * Strict means: only the keys of Scenario v1, each of the right type; numbers finite and within sane bounds
 * (SCENARIO_LIMITS); no `__proto__` / `constructor` / `prototype` keys anywhere; parameter overrides known to
 * the model and inside their [min, max]. The first problem found is reported as INVALID_INPUT with `field` set
 * to its path (e.g. "regimen.doses[2].amount_mg") and a message saying what is wrong and what is allowed.
 *
 * On success the scenario is a fresh, frozen copy holding only the known keys (so nothing the caller passed in
 * — getters, prototypes, extra properties — travels further), and `resolved` has both regimens expanded into
 * dose lists sorted by time, within [0, duration_h], with doses at the same instant combined.
 */
export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly resolved: ResolvedScenario }
  | { readonly ok: false; readonly status: Status };

export interface ValidateOptions {
  /**
   * The model's parameters (models/index.ts createModel(h).parameters): overrides are checked against them.
   * A function receives the scenario's validated hypotheses, for models whose parameter set depends on them
   * (e.g. `(h) => createModel(h).parameters`); if it throws, the hypotheses are refused with its message.
   */
  readonly parameterSpecs?: readonly ParameterSpec[] | ((hypotheses: Hypotheses) => readonly ParameterSpec[]);
}

/** Choices for each structural hypothesis (models/types.ts Hypotheses). Typed so a new hypothesis must be added here. */
export const HYPOTHESIS_CHOICES: { readonly [K in keyof Required<Hypotheses>]: readonly Required<Hypotheses>[K][] } = {
  persistence: ['slow_dissociation', 'deep_tissue', 'metabolite'],
  upregulation: ['synthesis', 'chaperone'],
  tlr4: ['published', 'apparent'],
  metabolite_occupancy: [true, false],
};

const PHENOTYPES: readonly NonNullable<Patient['phenotype']>[] = ['normal', 'inflamed'];
const DRUGS: readonly Comedication['drug'][] = ['morphine', 'oxycodone', 'tramadol'];
const METHODS: readonly NonNullable<SolverSettings['method']>[] = ['auto', 'dopri5', 'rodas4'];

const SCENARIO_KEYS = [
  'version', 'name', 'description', 'duration_h', 'output_step_h', 'regimen',
  'parameters', 'hypotheses', 'patient', 'comedication', 'solver',
] as const;
/** Keys that can reach Object.prototype when a document is merged naively elsewhere. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PARAMETER_ID = /^[a-z][a-z0-9_]{0,63}$/;
/** C0 control characters other than tab / newline / carriage return, and unpaired UTF-16 surrogates. */
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

class Invalid {
  constructor(readonly field: string, readonly message: string) {}
}

export function validateScenario(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return validate(input, options);
  } catch (e) {
    if (e instanceof Invalid) {
      // Problems with the document as a whole are reported against the field "scenario".
      const field = e.field || 'scenario';
      return { ok: false, status: { code: 'INVALID_INPUT', field, message: `${field}: ${e.message}` } };
    }
    // A hostile object (throwing getter, Proxy, …) must not escape as an exception.
    return { ok: false, status: { code: 'INVALID_INPUT', field: 'scenario', message: `scenario: could not be read (${safeString(e)}).` } };
  }
}

function safeString(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unreadable value';
  }
}

/** A short, safe description of a value for messages. */
function show(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character string` : JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function join(path: string, key: string): string {
  const k = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
  if (!path) return k;
  return /^[A-Za-z_]/.test(k) ? `${path}.${k}` : `${path}[${k}]`;
}

/** Check an object's keys: no prototype keys, none outside `allowed` (when given). Returns its own keys. */
function object(v: unknown, path: string, allowed: readonly string[] | null, what: string): Record<string, unknown> {
  if (!isPlainObject(v)) throw new Invalid(path, `expected ${what} (a JSON object), got ${show(v)}.`);
  const keys = Object.keys(v);
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      throw new Invalid(join(path, key), `the key "${key}" is not allowed (it could alter object prototypes); remove it.`);
    }
    if (allowed && !allowed.includes(key)) {
      throw new Invalid(join(path, key), `unknown key "${key}"${path ? ` in ${path}` : ''}; allowed keys: ${allowed.join(', ')}.`);
    }
  }
  return v;
}

function has(o: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** min itself is not allowed (a strict "> min"). */
  readonly exclusiveMin?: boolean;
  readonly unit?: string;
}

function number(v: unknown, path: string, rule: NumberRule, what: string): number {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const allowed = rule.exclusiveMin
    ? `more than ${rule.min} and at most ${rule.max}${unit}`
    : `from ${rule.min} to ${rule.max}${unit}`;
  if (typeof v !== 'number') throw new Invalid(path, `expected ${what} as a number (${allowed}), got ${show(v)}.`);
  if (!Number.isFinite(v)) throw new Invalid(path, `${show(v)} is not a finite number; ${what} must be ${allowed}.`);
  const tooLow = rule.exclusiveMin ? v <= rule.min : v < rule.min;
  if (tooLow || v > rule.max) throw new Invalid(path, `${show(v)} is out of range; ${what} must be ${allowed}.`);
  return v === 0 ? 0 : v; // normalise -0 so JSON round trips are exact
}

function text(v: unknown, path: string, maxChars: number, what: string): string {
  if (typeof v !== 'string') throw new Invalid(path, `expected ${what} as text, got ${show(v)}.`);
  if (v.length > maxChars) throw new Invalid(path, `${what} is ${v.length} characters long; at most ${maxChars} are allowed.`);
  if (BAD_TEXT.test(v)) throw new Invalid(path, `${what} contains a control character or an invalid (unpaired surrogate) character; remove it.`);
  return v;
}

function choice<T>(v: unknown, path: string, choices: readonly T[], what: string): T {
  if (!choices.includes(v as T)) {
    throw new Invalid(path, `${show(v)} is not a valid ${what}; choose one of ${choices.map((c) => JSON.stringify(c)).join(', ')}.`);
  }
  return v as T;
}

function validate(input: unknown, options: ValidateOptions): ValidationResult {
  const top = object(input, '', null, 'a scenario');
  // Version first: a document from a newer app should be refused for that reason, not for its new keys.
  const migrated = migrateScenario(top);
  if (!migrated.ok) return migrated;
  const doc = object(migrated.doc, '', SCENARIO_KEYS, 'a scenario');

  for (const key of ['duration_h', 'output_step_h', 'regimen'] as const) {
    if (!has(doc, key)) {
      const hint = key === 'regimen' ? ' (a string such as "4.5 mg q24h x 14", or {"doses": []} for none)' : ' (hours, a number > 0)';
      throw new Invalid(key, `missing; every scenario needs ${key}${hint}.`);
    }
  }

  const duration_h = number(doc.duration_h, 'duration_h', { min: 0, max: L.maxDurationH, exclusiveMin: true, unit: 'h' }, 'the simulation length');
  const output_step_h = number(doc.output_step_h, 'output_step_h', { min: 0, max: duration_h, exclusiveMin: true, unit: 'h' }, 'the output step (no longer than duration_h)');
  const points = Math.ceil(duration_h / output_step_h) + 1;
  if (points > L.maxOutputPoints) {
    throw new Invalid('output_step_h', `${show(output_step_h)} h gives ${points} output points over ${duration_h} h; at most ${L.maxOutputPoints} are allowed: use an output step of at least ${Math.ceil((duration_h / (L.maxOutputPoints - 1)) * 1e6) / 1e6} h.`);
  }

  const out: Record<string, unknown> = { version: SCENARIO_VERSION };
  if (has(doc, 'name')) out.name = text(doc.name, 'name', L.maxNameChars, 'the name');
  if (has(doc, 'description')) out.description = text(doc.description, 'description', L.maxDescriptionChars, 'the description');
  out.duration_h = duration_h;
  out.output_step_h = output_step_h;

  const reg = regimen(doc.regimen, 'regimen');
  out.regimen = reg.regimen;

  // Hypotheses first: the parameter set may depend on them.
  const hyp = has(doc, 'hypotheses') ? hypotheses(doc.hypotheses) : undefined;
  if (has(doc, 'parameters')) out.parameters = parameters(doc.parameters, specsFor(options.parameterSpecs, hyp ?? {}));
  if (hyp) out.hypotheses = hyp;
  if (has(doc, 'patient')) out.patient = patient(doc.patient);

  let agonistDoses: DoseEvent[] = [];
  if (has(doc, 'comedication')) {
    if (doc.comedication === null) {
      out.comedication = null;
    } else {
      const c = object(doc.comedication, 'comedication', ['drug', 'regimen', 'dependent'], 'the co-medication');
      if (!has(c, 'drug')) throw new Invalid('comedication.drug', `missing; choose one of ${DRUGS.join(', ')}.`);
      if (!has(c, 'regimen')) throw new Invalid('comedication.regimen', 'missing; give the opioid regimen, e.g. "10 mg q4h x 42".');
      const drug = choice(c.drug, 'comedication.drug', DRUGS, 'co-medication drug');
      const cr = regimen(c.regimen, 'comedication.regimen');
      const com: Record<string, unknown> = { drug, regimen: cr.regimen };
      if (has(c, 'dependent')) {
        if (typeof c.dependent !== 'boolean') throw new Invalid('comedication.dependent', `expected true or false, got ${show(c.dependent)}.`);
        com.dependent = c.dependent;
      }
      out.comedication = com;
      agonistDoses = cr.doses;
    }
  }
  if (has(doc, 'solver')) out.solver = solver(doc.solver);

  const scenario = deepFreeze(out) as unknown as Scenario;
  const resolved: ResolvedScenario = deepFreeze({
    scenario,
    doses: within(reg.doses, duration_h),
    agonistDoses: within(agonistDoses, duration_h),
  });
  return { ok: true, scenario, resolved };
}

function regimen(v: unknown, path: string): { regimen: Regimen; doses: DoseEvent[] } {
  if (typeof v === 'string') {
    const r = parseRegimen(v, path);
    if (!r.ok) throw new Invalid(r.status.field ?? path, r.status.message.replace(/^[^:]*: /, ''));
    return { regimen: v, doses: r.doses };
  }
  if (!isPlainObject(v)) {
    throw new Invalid(path, `expected a regimen string (e.g. "4.5 mg q24h x 14 at 22:00") or {"doses": [{"time_h": 0, "amount_mg": 4.5}]}, got ${show(v)}.`);
  }
  const o = object(v, path, ['doses'], 'a regimen');
  if (!has(o, 'doses')) throw new Invalid(`${path}.doses`, 'missing; give a list of {"time_h", "amount_mg"} (it may be empty).');
  const list = o.doses;
  if (!Array.isArray(list)) throw new Invalid(`${path}.doses`, `expected a list of doses, got ${show(list)}.`);
  if (list.length > L.maxDoses) throw new Invalid(`${path}.doses`, `${list.length} doses listed; at most ${L.maxDoses} are allowed.`);
  const doses: DoseEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = `${path}.doses[${i}]`;
    const d = object(list[i], p, ['time_h', 'amount_mg'], 'a dose {"time_h", "amount_mg"}');
    if (!has(d, 'time_h')) throw new Invalid(`${p}.time_h`, 'missing; the dose time in hours from the start (t = 0 is midnight of day 1).');
    if (!has(d, 'amount_mg')) throw new Invalid(`${p}.amount_mg`, `missing; the dose in mg (${L.minAmountMg}–${L.maxAmountMg}).`);
    const time_h = number(d.time_h, `${p}.time_h`, { min: 0, max: L.maxDurationH, unit: 'h' }, 'the dose time');
    const amount_mg = number(d.amount_mg, `${p}.amount_mg`, { min: L.minAmountMg, max: L.maxAmountMg, unit: 'mg' }, 'a dose');
    doses.push({ time_h, amount_mg });
  }
  return { regimen: { doses }, doses };
}

/** Sorted by time, inside [0, duration_h], doses at the same instant combined (the solver stops once per time). */
function within(doses: readonly DoseEvent[], duration_h: number): DoseEvent[] {
  const sorted = doses.filter((d) => d.time_h >= 0 && d.time_h <= duration_h).sort((a, b) => a.time_h - b.time_h);
  const out: DoseEvent[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.time_h === d.time_h) out[out.length - 1] = { time_h: d.time_h, amount_mg: last.amount_mg + d.amount_mg };
    else out.push({ time_h: d.time_h, amount_mg: d.amount_mg });
  }
  return out;
}

function specsFor(option: ValidateOptions['parameterSpecs'], h: Hypotheses): readonly ParameterSpec[] | undefined {
  if (typeof option !== 'function') return option;
  try {
    return option(h);
  } catch (e) {
    throw new Invalid('hypotheses', `these hypotheses cannot be combined: ${safeString(e)}.`);
  }
}

function parameters(v: unknown, specs: readonly ParameterSpec[] | undefined): Record<string, number> {
  const o = object(v, 'parameters', null, 'parameter overrides {"id": value}');
  const keys = Object.keys(o);
  if (keys.length > L.maxParameters) throw new Invalid('parameters', `${keys.length} overrides; at most ${L.maxParameters} are allowed.`);
  const byId = specs ? new Map(specs.map((s) => [s.id, s])) : undefined;
  const out: Record<string, number> = {};
  for (const key of keys.sort()) {
    const path = join('parameters', key);
    const value = o[key];
    if (byId) {
      const spec = byId.get(key);
      if (!spec) {
        const hint = nearest(key, [...byId.keys()]);
        throw new Invalid(path, `"${key}" is not a parameter of this model${hint ? ` (did you mean "${hint}"?)` : ''}; see the parameter table in doc/model.md.`);
      }
      out[key] = number(value, path, { min: spec.min, max: spec.max, unit: spec.unit }, `${spec.id} (${spec.meaning})`);
    } else {
      if (!PARAMETER_ID.test(key)) throw new Invalid(path, `"${key}" is not a parameter id (snake_case, e.g. "ka").`);
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(path, `expected a finite number, got ${show(value)}.`);
      out[key] = value === 0 ? 0 : value;
    }
  }
  return out;
}

/** The closest id by edit distance, when it is close enough to be a likely typo. */
function nearest(key: string, ids: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const id of ids) {
    const d = editDistance(key, id);
    if (d < bestD) { bestD = d; best = id; }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function hypotheses(v: unknown): Hypotheses {
  const keys = Object.keys(HYPOTHESIS_CHOICES) as (keyof Hypotheses)[];
  const o = object(v, 'hypotheses', keys, 'the hypotheses');
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (has(o, key)) out[key] = choice(o[key], `hypotheses.${key}`, HYPOTHESIS_CHOICES[key] as readonly unknown[], `choice for ${key}`);
  }
  return out as Hypotheses;
}

function patient(v: unknown): Patient {
  const o = object(v, 'patient', ['phenotype'], 'the patient');
  const out: Record<string, unknown> = {};
  if (has(o, 'phenotype')) out.phenotype = choice(o.phenotype, 'patient.phenotype', PHENOTYPES, 'phenotype');
  return out as Patient;
}

function solver(v: unknown): SolverSettings {
  const o = object(v, 'solver', ['rtol', 'atol', 'method'], 'solver settings');
  const out: Record<string, unknown> = {};
  if (has(o, 'rtol')) out.rtol = number(o.rtol, 'solver.rtol', { min: L.minRtol, max: L.maxRtol }, 'the relative tolerance');
  if (has(o, 'atol')) out.atol = number(o.atol, 'solver.atol', { min: L.minAtol, max: L.maxAtol }, 'the absolute tolerance');
  if (has(o, 'method')) out.method = choice(o.method, 'solver.method', METHODS, 'solver method');
  return out as SolverSettings;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
