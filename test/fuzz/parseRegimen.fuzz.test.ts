import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegimen, type ParseRegimenResult } from '../../src/engine/regimen/parseRegimen';
import { formatRegimen } from '../../src/engine/regimen/formatRegimen';
import { countPlannedDoses } from '../../src/engine/regimen/expandRegimen';
import { REGIMEN_LIMITS } from '../../src/engine/regimen/limits';
import { regimenPlan, regimenSoup, RUNS, SEED, sugaredRegimen } from './arbitraries';

function guarded(text: unknown, stats: { thrown: number; maxMs: number }): ParseRegimenResult | undefined {
  const t0 = performance.now();
  try {
    return parseRegimen(text);
  } catch {
    stats.thrown++;
    return undefined;
  } finally {
    stats.maxMs = Math.max(stats.maxMs, performance.now() - t0);
  }
}

describe('parseRegimen under fuzzing (fast-check, seeded)', () => {
  it(`parses the canonical text of ${RUNS} generated plans back to the same plan, and formatting is stable`, () => {
    const stats = { thrown: 0, maxMs: 0 };
    let doses = 0;
    fc.assert(
      fc.property(regimenPlan, (plan) => {
        const text = formatRegimen(plan);
        const r = guarded(text, stats);
        if (!r) return false;
        if (!r.ok) throw new Error(`${text}: ${r.status.message}`);
        expect(r.plan).toEqual(plan);
        expect(formatRegimen(r.plan)).toBe(text);
        // Every planned dose is given except the skipped ones, in time order.
        expect(r.doses.length).toBe(countPlannedDoses(plan) - plan.skip.length);
        for (let i = 1; i < r.doses.length; i++) if (!(r.doses[i].time_h > r.doses[i - 1].time_h)) return false;
        doses += r.doses.length;
        return true;
      }),
      { seed: SEED + 10, numRuns: RUNS },
    );
    console.log(`fuzz parseRegimen plans: ${RUNS} canonical strings round-tripped, ${doses} doses, ${stats.thrown} exceptions, slowest ${stats.maxMs.toFixed(1)} ms`);
    expect(stats.thrown).toBe(0);
  });

  it(`reads ${RUNS} plans typed with synonyms, capitals, "for N days" and × as the same plan`, () => {
    fc.assert(
      fc.property(sugaredRegimen, ({ plan, text }) => {
        const r = parseRegimen(text);
        if (!r.ok) throw new Error(`${text}: ${r.status.message}`);
        expect(r.plan).toEqual(plan);
        return true;
      }),
      { seed: SEED + 12, numRuns: RUNS },
    );
    console.log(`fuzz parseRegimen typed: ${RUNS} sugared strings read as their plan`);
  });

  it(`never throws on ${RUNS} token soups and random strings; refusals point at a column, acceptances are canonical-stable`, () => {
    const stats = { thrown: 0, maxMs: 0 };
    let accepted = 0;
    fc.assert(
      fc.property(regimenSoup, (text) => {
        const r = guarded(text, stats);
        if (!r) return false;
        if (r.ok) {
          accepted++;
          expect(r.doses.length).toBeLessThanOrEqual(REGIMEN_LIMITS.maxDoses);
          const canon = formatRegimen(r.plan);
          const again = parseRegimen(canon);
          expect(again.ok && again.doses).toEqual(r.doses);
          expect(again.ok && formatRegimen(again.plan)).toBe(canon);
          return true;
        }
        expect(r.status.code).toBe('INVALID_INPUT');
        expect(r.status.field).toBe('regimen');
        // Every refusal says where (a column) or why the whole string is refused (empty, too long, too many doses).
        expect(r.status.message).toMatch(/column \d+|empty|characters long|doses; at most/);
        return true;
      }),
      { seed: SEED + 11, numRuns: RUNS },
    );
    console.log(`fuzz parseRegimen strings: ${RUNS} inputs, ${accepted} accepted, ${RUNS - accepted} refused, ${stats.thrown} exceptions, slowest ${stats.maxMs.toFixed(1)} ms`);
    expect(stats.thrown).toBe(0);
    expect(stats.maxMs).toBeLessThan(500);
  });
});
