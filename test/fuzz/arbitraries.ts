/**
 * fast-check generators shared by the fuzz tests: valid scenarios and regimen plans (built inside every limit),
 * single invalid mutations of a valid scenario (with the field path the validator must name), and token soups.
 * Seeded from FUZZ_SEED so CI is deterministic; FUZZ_RUNS scales the run count.
 */
import fc from 'fast-check';
import type { ParameterSpec } from '../../models/types';
import type { RegimenPlan, RegimenStep } from '../../src/engine/regimen/types';
import { HYPOTHESIS_CHOICES } from '../../src/engine/scenario/validateScenario';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/** Runs per property; the brief asks for ≥ 10,000 per kind of input. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Parameter specs shaped like models/types.ts (the validator takes them as an option). */
export const SPECS: ParameterSpec[] = [
  { id: 'ka', value: 1, unit: '1/h', min: 0.1, max: 5, source: 'assumed; fuzz', meaning: 'absorption rate constant', group: 'pk' },
  { id: 'cl_l_per_h', value: 100, unit: 'L/h', min: 10, max: 1000, source: 'assumed; fuzz', meaning: 'clearance', group: 'pk' },
  { id: 'koff', value: 0.1, unit: '1/h', min: 1e-4, max: 10, source: 'assumed; fuzz', meaning: 'dissociation rate', group: 'binding' },
];

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Text without control characters or unpaired surrogates (the validator refuses those on purpose). */
const cleanText = (maxLength: number) =>
  fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));

/** A regimen plan inside every limit, so its canonical text must parse. */
export const regimenPlan: fc.Arbitrary<RegimenPlan> = fc
  .record({
    steps: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({
          kind: fc.constant('dose' as const),
          amount_mg: fc.oneof(fc.constantFrom(0.5, 1.5, 3, 4.5, 50), finite(0.001, 1000)),
          interval_h: fc.oneof(fc.constantFrom(4, 6, 8, 12, 24, 168), finite(0.01, 8760)),
          count: fc.integer({ min: 1, max: 60 }),
        }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('off' as const), duration_h: finite(0.01, 17520) }) },
      ) as fc.Arbitrary<RegimenStep>,
      { minLength: 1, maxLength: 6 },
    ),
    at_min: fc.option(fc.integer({ min: 0, max: 1439 }), { nil: undefined }),
    skipSeed: fc.array(fc.nat(), { maxLength: 5 }),
  })
  .map(({ steps, at_min, skipSeed }) => {
    const total = steps.reduce((n, s) => n + (s.kind === 'dose' ? s.count : 0), 0);
    const skip = total === 0 ? [] : [...new Set(skipSeed.map((k) => (k % total) + 1))].sort((a, b) => a - b);
    return at_min === undefined ? { steps, skip } : { steps, at_min, skip };
  });

const dose = fc.record({ time_h: finite(0, 17520), amount_mg: finite(0.001, 1000) });

const regimenField = (plans: fc.Arbitrary<string>) =>
  fc.oneof(plans, fc.record({ doses: fc.array(dose, { maxLength: 40 }) }));

/** A valid scenario document (plain JSON data), built inside every limit. */
export function validScenario(formatPlan: (p: RegimenPlan) => string): fc.Arbitrary<Record<string, unknown>> {
  const regimenText = regimenPlan.map(formatPlan);
  return fc
    .record(
      {
        name: cleanText(60),
        description: cleanText(200),
        duration_h: fc.oneof(fc.constantFrom(24, 168, 336, 1344), finite(0.01, 17520)),
        points: fc.integer({ min: 1, max: 5000 }),
        regimen: regimenField(regimenText),
        parameters: fc.record(
          Object.fromEntries(SPECS.map((s) => [s.id, finite(s.min, s.max)])),
          { requiredKeys: [] },
        ),
        hypotheses: fc.record(
          Object.fromEntries(Object.entries(HYPOTHESIS_CHOICES).map(([k, v]) => [k, fc.constantFrom(...(v as unknown[]))])),
          { requiredKeys: [] },
        ),
        patient: fc.record({ phenotype: fc.constantFrom('normal', 'inflamed') }, { requiredKeys: [] }),
        comedication: fc.oneof(
          fc.constant(null),
          fc.record(
            { drug: fc.constantFrom('morphine', 'oxycodone', 'tramadol'), regimen: regimenField(regimenText), dependent: fc.boolean() },
            { requiredKeys: ['drug', 'regimen'] },
          ),
        ),
        solver: fc.record(
          { rtol: finite(1e-13, 1e-2), atol: finite(1e-20, 1), method: fc.constantFrom('auto', 'dopri5', 'rodas4') },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['duration_h', 'points', 'regimen'] },
    )
    .map(({ points, ...rest }) => {
      // The output step divides the duration into `points` intervals (≤ 5000, far inside the 200,000 limit).
      const doc: Record<string, unknown> = { version: 1, ...rest, output_step_h: (rest.duration_h as number) / points };
      return doc;
    });
}

/** Values no numeric field may hold. */
export const badNumber = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -1e-9, 1e300, '4.5', null, true, [], {}, -0.5);

/**
 * One invalid change to a valid scenario, and the field path the validator must name for it.
 * Each mutation breaks exactly one field, so the first error found is that field.
 */
export type Mutation = (doc: Record<string, unknown>) => string;

const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  badNumber.map((v): Mutation => (d) => { d.duration_h = v; return 'duration_h'; }),
  badNumber.filter((v) => typeof v !== 'number' || v <= 0 || !Number.isFinite(v) || v > 17520)
    .map((v): Mutation => (d) => { d.output_step_h = v; return 'output_step_h'; }),
  fc.constantFrom<unknown>(0, 2, '1', null, 1.5, -1).map((v): Mutation => (d) => { d.version = v; return 'version'; }),
  fc.constant<Mutation>((d) => { delete d.version; return 'version'; }),
  fc.constant<Mutation>((d) => { delete d.regimen; return 'regimen'; }),
  key.filter((k) => k !== '__proto__' && !['version', 'name', 'description', 'duration_h', 'output_step_h', 'regimen', 'parameters', 'hypotheses', 'patient', 'comedication', 'solver'].includes(k))
    .map((k): Mutation => (d) => { d[k] = 1; return k; }),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k): Mutation => (d) => {
    Object.defineProperty(d, k, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    return k;
  }),
  fc.tuple(badNumber, fc.nat(), fc.constantFrom('time_h', 'amount_mg')).map(([v, i, f]): Mutation => (d) => {
    const doses = Array.from({ length: (i % 5) + 1 }, (_, k) => ({ time_h: k, amount_mg: 1 }));
    const j = i % doses.length;
    (doses[j] as Record<string, unknown>)[f] = v;
    d.regimen = { doses };
    return `regimen.doses[${j}].${f}`;
  }),
  fc.constantFrom('-5 mg q24h x 3', '4.5 mg q24h', '4.5 mg x 3', 'mg', '4.5 mg q24h x 3 at 25:00', '', '1 mg q1h x 99999')
    .map((s): Mutation => (d) => { d.regimen = s; return 'regimen'; }),
  fc.tuple(fc.constantFrom(...SPECS), fc.boolean()).map(([s, above]): Mutation => (d) => {
    d.parameters = { [s.id]: above ? s.max * 2 + 1 : s.min / 2 - 1 };
    return `parameters.${s.id}`;
  }),
  key.filter((k) => !SPECS.some((s) => s.id === k)).map((k): Mutation => (d) => { d.parameters = { [k]: 1 }; return `parameters.${k}`; }),
  fc.constantFrom('persistence', 'upregulation', 'tlr4', 'metabolite_occupancy').map((k): Mutation => (d) => {
    d.hypotheses = { [k]: 'nonsense' };
    return `hypotheses.${k}`;
  }),
  fc.constant<Mutation>((d) => { d.comedication = { drug: 'heroin', regimen: 'none' }; return 'comedication.drug'; }),
  fc.constant<Mutation>((d) => { d.comedication = { drug: 'morphine', regimen: '10 mg q4h x 0' }; return 'comedication.regimen'; }),
  fc.constant<Mutation>((d) => { d.patient = { phenotype: 'x' }; return 'patient.phenotype'; }),
  fc.constantFrom(0, 1, 1e-15).map((v): Mutation => (d) => { d.solver = { rtol: v }; return 'solver.rtol'; }),
  fc.constant<Mutation>((d) => { d.name = 'a\u0000b'; return 'name'; }),
);

/** Regimen vocabulary for token soups that reach deep into the parser. */
const TOKENS = [
  'mg', 'q', 'h', 'x', '×', 'then', 'at', 'skip', 'off', 'none', 'once', 'stop', 'daily', 'qd', 'bid', 'tid', 'qid',
  'weekly', 'nightly', 'for', 'days', 'd', 'weeks', 'hours', ',', ':', '-', '.', 'q24h', '4.5', '0', '1', '14',
  '20000', '99999999999999999999', '22:00', '24:00', '7:5', '1e5', 'mgq', '  ', '\n', 'é', '😀',
];


/**
 * The same plan written the way people type it: synonyms (qd, daily, bid…), "for N days", no spaces, capitals,
 * the × sign. Parsing it must give the plan back.
 */
export const sugaredRegimen: fc.Arbitrary<{ plan: RegimenPlan; text: string }> = regimenPlan.chain((plan) =>
  fc.array(fc.nat({ max: 7 }), { minLength: plan.steps.length + 3, maxLength: plan.steps.length + 3 }).map((r) => {
    const word: Record<number, string[]> = { 24: ['qd', 'daily', 'nightly', 'od', 'Q24H'], 12: ['bid', 'q12h'], 8: ['tid'], 6: ['qid'], 168: ['weekly'] };
    const steps = plan.steps.map((st, i) => {
      const k = r[i];
      if (st.kind === 'off') return k % 2 ? `off ${st.duration_h} h` : `OFF ${st.duration_h}hours`;
      const amount = k % 3 === 0 ? `${st.amount_mg}mg` : `${st.amount_mg} MG`;
      const w = word[st.interval_h];
      const interval = w && k % 2 === 0 ? w[k % w.length] : `q${st.interval_h}h`;
      const count = st.interval_h === 24 && k % 4 === 1 ? `for ${st.count} days` : k % 4 === 2 ? `×${st.count}` : `x ${st.count}`;
      return `${amount} ${interval} ${count}`;
    });
    const n = plan.steps.length;
    let text = steps.join(r[n] % 2 ? ' then ' : '  THEN ');
    const at = plan.at_min === undefined ? '' : ` at ${String(Math.floor(plan.at_min / 60)).padStart(r[n + 1] % 2 ? 1 : 2, '0')}:${String(plan.at_min % 60).padStart(2, '0')}`;
    const skip = plan.skip.length ? ` skip ${plan.skip.join(r[n + 2] % 2 ? ', ' : ',')}` : '';
    text += r[n + 2] % 3 === 0 ? skip + at : at + skip;
    return { plan, text };
  }),
);

/** A typed regimen with one token dropped, repeated or replaced: near misses that reach every parser branch. */
export const nearMissRegimen: fc.Arbitrary<string> = fc
  .tuple(sugaredRegimen, fc.nat(), fc.constantFrom('drop', 'repeat', 'replace'), fc.constantFrom(...TOKENS))
  .map(([{ text }, at, how, tok]) => {
    const parts = text.split(' ');
    const i = at % parts.length;
    if (how === 'drop') parts.splice(i, 1);
    else if (how === 'repeat') parts.splice(i, 0, parts[i]);
    else parts[i] = tok;
    return parts.join(' ');
  });

/** Regimen-like text: near misses of typed regimens, token soups and random strings. */
export const regimenSoup: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: nearMissRegimen },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.nat({ max: 100000 }).map(String), finite(0, 2000).map(String)), { maxLength: 20 })
    .chain((parts) => fc.constantFrom(' ', '').map((sep) => parts.join(sep))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);
