import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario, type ValidationResult } from '../../src/engine/scenario/validateScenario';
import { parseScenarioJson } from '../../src/engine/scenario/parseScenarioJson';
import { formatRegimen } from '../../src/engine/regimen/formatRegimen';
import { mutation, RUNS, SEED, SPECS, validScenario } from './arbitraries';

const options = { parameterSpecs: SPECS };
const KNOWN = new Set(['version', 'name', 'description', 'duration_h', 'output_step_h', 'regimen', 'parameters', 'hypotheses',
  'patient', 'comedication', 'solver', '__proto__', 'constructor', 'prototype']);

/** Call the validator, recording exceptions and the slowest call instead of letting them escape. */
function guarded(input: unknown, stats: { thrown: number; maxMs: number }): ValidationResult | undefined {
  const t0 = performance.now();
  try {
    return validateScenario(input, options);
  } catch {
    stats.thrown++;
    return undefined;
  } finally {
    stats.maxMs = Math.max(stats.maxMs, performance.now() - t0);
  }
}

/** A refusal must say INVALID_INPUT, name a field and start its message with that field. */
function namesAField(r: ValidationResult): boolean {
  return !r.ok && r.status.code === 'INVALID_INPUT' && !!r.status.field && r.status.message.startsWith(`${r.status.field}: `) && r.status.message.length > r.status.field.length + 10;
}

describe('validateScenario under fuzzing (fast-check, seeded)', () => {
  it(`accepts ${RUNS} generated valid scenarios, and each round-trips through JSON text exactly`, () => {
    const stats = { thrown: 0, maxMs: 0, doses: 0 };
    fc.assert(
      fc.property(validScenario(formatRegimen), (doc) => {
        const r = guarded(doc, stats);
        if (!r?.ok) return false;
        stats.doses += r.resolved.doses.length;
        // Resolved doses are sorted and inside [0, duration_h].
        const d = r.resolved.doses;
        for (let i = 0; i < d.length; i++) {
          if (d[i].time_h < 0 || d[i].time_h > r.scenario.duration_h) return false;
          if (i > 0 && !(d[i].time_h > d[i - 1].time_h)) return false;
        }
        const back = parseScenarioJson(JSON.stringify(r.scenario), options);
        expect(back.ok && back.scenario).toEqual(r.scenario);
        expect(back.ok && back.resolved).toEqual(r.resolved);
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fuzz validateScenario valid: ${RUNS} scenarios accepted, ${stats.doses} doses resolved, ${stats.thrown} exceptions, slowest ${stats.maxMs.toFixed(1)} ms`);
    expect(stats.thrown).toBe(0);
  });

  it(`refuses ${RUNS} single-field mutations of valid scenarios, naming exactly the broken field`, () => {
    const stats = { thrown: 0, maxMs: 0 };
    const fields = new Map<string, number>();
    fc.assert(
      fc.property(validScenario(formatRegimen), mutation, (doc, mutate) => {
        const field = mutate(doc);
        const r = guarded(doc, stats);
        if (!r || r.ok) return false;
        const head = field.replace(/[.[].*$/, '');
        const top = KNOWN.has(head) ? head : '(unknown key)';
        fields.set(top, (fields.get(top) ?? 0) + 1);
        expect(r.status.field).toBe(field);
        return namesAField(r);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    console.log(`fuzz validateScenario mutations: ${RUNS} refused, ${stats.thrown} exceptions, slowest ${stats.maxMs.toFixed(1)} ms; by field: ${[...fields].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(stats.thrown).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`never throws on ${RUNS} arbitrary values and JSON texts, and every refusal names a field`, () => {
    const stats = { thrown: 0, maxMs: 0 };
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
          fc.json().map((t) => ({ text: t })),
          fc.string({ maxLength: 200 }).map((t) => ({ text: t })),
        ),
        (input) => {
          let r: ValidationResult | undefined;
          if (input && typeof input === 'object' && 'text' in input && Object.keys(input).length === 1 && typeof (input as { text: unknown }).text === 'string') {
            const t0 = performance.now();
            try { r = parseScenarioJson((input as { text: string }).text, options); } catch { stats.thrown++; }
            stats.maxMs = Math.max(stats.maxMs, performance.now() - t0);
          } else {
            r = guarded(input, stats);
          }
          if (!r) return false;
          if (r.ok) { accepted++; return true; }
          return namesAField(r);
        },
      ),
      { seed: SEED + 2, numRuns: RUNS },
    );
    console.log(`fuzz validateScenario arbitrary: ${RUNS} inputs, ${accepted} accepted, ${RUNS - accepted} refused with a field, ${stats.thrown} exceptions, slowest ${stats.maxMs.toFixed(1)} ms`);
    expect(stats.thrown).toBe(0);
    expect(stats.maxMs).toBeLessThan(500);
  });
});
