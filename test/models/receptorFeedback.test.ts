import { describe, expect, it } from 'vitest';
import { ALL_PERSISTENCE, ALL_UPREGULATION, at, daily, maxOver, meanOver, runDoses } from './simulateHelpers';

// Rodent data (pharmacology.md §4): 8 days of continuous naltrexone raise μ Bmax by +55 % to +81 % (Yoburn lab
// 1988–1995); intermittent blockade raises it less and the difference shows after the blockade ends (Zagon &
// McLaughlin 1983/1984/1989). Human-scale stand-in for "continuous": 50 mg every 8 h (occupancy > 95 % throughout).
const every8h = (mg: number, days: number) => Array.from({ length: days * 3 }, (_, i) => ({ time_h: 8 * i, amount_mg: mg }));

describe('rebound with the default hypotheses', () => {
  it('overshoots the baseline opioid signal by more than 5 % after the last of 14 daily 50 mg doses', () => {
    // The upregulated receptors and endorphin tone meet no antagonist once the blockade clears (Zagon & McLaughlin).
    const run = runDoses(daily(50, 14), 14 * 24 + 60 * 24, 1);
    expect(maxOver(run, 'opioid_signal_rel', 14 * 24, 74 * 24)).toBeGreaterThan(1.05);
  });
});

describe('receptor upregulation and rebound', () => {
  for (const persistence of ALL_PERSISTENCE) {
    for (const upregulation of ALL_UPREGULATION) {
      const hypotheses = { persistence, upregulation };
      it(`raises MOR density by 50–90 % after 8 days of sustained blockade (${persistence}, ${upregulation})`, () => {
        const run = runDoses(every8h(50, 8), 8 * 24, 1, { hypotheses });
        const rise = at(run, 'mor_density_rel', 8 * 24) - 1;
        expect(rise).toBeGreaterThanOrEqual(0.5);
        expect(rise).toBeLessThanOrEqual(0.9);
      });

      it(`raises it less with intermittent (LDN 4.5 mg nightly) than sustained blockade (${persistence}, ${upregulation})`, () => {
        const sustained = runDoses(every8h(50, 8), 8 * 24, 1, { hypotheses });
        const ldn = runDoses(daily(4.5, 8, 22), 8 * 24 + 22, 1, { hypotheses });
        expect(at(ldn, 'mor_density_rel', 8 * 24) - 1).toBeLessThan(at(sustained, 'mor_density_rel', 8 * 24) - 1);
      });

      it(`settles back to baseline within 60 days after stopping 50 mg daily (${persistence}, ${upregulation})`, () => {
        const run = runDoses(daily(50, 14), 14 * 24 + 60 * 24, 1, { hypotheses });
        const late = meanOver(run, 'opioid_signal_rel', 14 * 24 + 55 * 24, 14 * 24 + 60 * 24);
        expect(Math.abs(late - 1)).toBeLessThan(0.02);
        expect(Math.abs(at(run, 'mor_density_rel', 74 * 24) - 1)).toBeLessThan(0.05);
      });
    }
  }
});
