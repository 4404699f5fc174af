import { describe, expect, it } from 'vitest';
import { CALIBRATION } from '../../models/calibration';
import { daily, maxOver, meanOver, runDoses } from './simulateHelpers';

// Published TLR4 potency is micromolar (Kd ~14 µM, IC50 ~100 µM; Hutchinson 2008 Eur J Neurosci 28:20, [S]) while
// LDN plasma naltrexone is ~nM (pharmacology.md §1, §5). The model must show the effect is negligible at that
// potency, and compute the apparent potency a 20 % IL-6 reduction would need.
const LDN = daily(4.5, 28, 22);
const DURATION = 28 * 24 + 24;
const day28Il6 = (parameters: Record<string, number>, hypotheses = {}) =>
  meanOver(runDoses(LDN, DURATION, 0.25, { parameters, hypotheses }), 'il6_rel', 27 * 24, 28 * 24);

/** Bisection in log IC50 for the day-28 daily-mean IL-6 = 0.8 (IL-6 rises monotonically with IC50). */
function ic50For20PercentIl6(): number {
  let lo = Math.log(1e-3);
  let hi = Math.log(1e5);
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (day28Il6({ tlr4_ic50_nm: Math.exp(mid) }) < 0.8) lo = mid; else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

describe('TLR4 → microglia → cytokines under LDN', () => {
  it('with the published micromolar potency, LDN 4.5 mg nightly changes IL-6 by less than 0.1 % at day 28', () => {
    const run = runDoses(LDN, DURATION, 0.25, { hypotheses: { tlr4: 'published' } });
    expect(1 - meanOver(run, 'il6_rel', 27 * 24, 28 * 24)).toBeLessThan(0.001);
    expect(maxOver(run, 'tlr4_inhibition', 0, DURATION)).toBeLessThan(0.001);
  });

  it('needs an apparent IC50 some thousand-fold below the published value for a 20 % IL-6 reduction', () => {
    const needed = ic50For20PercentIl6();
    // report it for doc/model.md
    console.log(`apparent TLR4 IC50 for a 20 % IL-6 reduction on LDN 4.5 mg nightly (day 28): ${needed.toPrecision(3)} nM`);
    expect(needed).toBeLessThan(14000 / 1000);
    expect(needed).toBeGreaterThan(0.01);
    // the committed 'apparent' hypothesis default is that value (scripts/calibrate.ts), within 10 %
    expect(Math.abs(CALIBRATION.tlr4Apparent.tlr4_ic50_nm / needed - 1)).toBeLessThan(0.1);
  });

  it("under the 'apparent' hypothesis, LDN lowers day-28 IL-6 by 20 % ± 2 points and TNF-α likewise", () => {
    const run = runDoses(LDN, DURATION, 0.25, { hypotheses: { tlr4: 'apparent' } });
    expect(Math.abs(meanOver(run, 'il6_rel', 27 * 24, 28 * 24) - 0.8)).toBeLessThan(0.02);
    expect(Math.abs(meanOver(run, 'tnf_rel', 27 * 24, 28 * 24) - 0.8)).toBeLessThan(0.03);
  });
});
