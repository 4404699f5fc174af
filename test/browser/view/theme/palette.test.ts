import { describe, expect, it } from 'vitest';
import { BACKGROUND, INK, MUTED_INK, PALETTE } from '../../../../src/view/theme/palette';
import { contrastRatio } from '../../../../src/view/theme/contrastRatio';
import { ALL_PANELS } from '../../../../src/view/charts/panelSpecs';

describe('contrastRatio()', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself (WCAG 2.1 definition)', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072B2', '#0072B2')).toBeCloseTo(1, 12);
  });
  it('puts #767676 just above and #777777 just below 4.5:1 on white (the well-known WCAG threshold grey)', () => {
    // L(#767676) = ((0x76/255 + 0.055)/1.055)^2.4 = 0.18116 → (1.05)/(0.23116) = 4.542
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5);
  });
});

describe('the chart palette', () => {
  it('has every curve colour and text colour at ≥ 4.5:1 against the plot background', () => {
    for (const [name, c] of Object.entries({ ...PALETTE, INK, MUTED_INK }))
      expect(contrastRatio(c, BACKGROUND), name).toBeGreaterThanOrEqual(4.5);
  });
  it('never gives two series of one panel the same colour', () => {
    for (const p of ALL_PANELS) expect(new Set(p.series.map((s) => s.color)).size, p.id).toBe(p.series.length);
  });
});
