import { describe, expect, it } from 'vitest';
import { fromSliderPosition, SLIDER_STEPS, toSliderPosition } from '../../../../src/view/controls/sliderScale';

describe('slider scales', () => {
  const lin = { min: 10, max: 110, scale: 'linear' as const };
  const log = { min: 0.01, max: 100, scale: 'log' as const };
  it('maps the ends to min and max', () => {
    for (const s of [lin, log]) {
      expect(fromSliderPosition(s, 0)).toBe(s.min);
      expect(fromSliderPosition(s, SLIDER_STEPS)).toBe(s.max);
    }
  });
  it('puts the geometric mean in the middle of a log slider and the arithmetic mean on a linear one', () => {
    expect(fromSliderPosition(log, SLIDER_STEPS / 2)).toBe(1); // √(0.01·100)
    expect(fromSliderPosition(lin, SLIDER_STEPS / 2)).toBe(60);
  });
  it('round-trips every position through its value, so arrow keys always move the slider', () => {
    for (const s of [lin, log, { min: 1e-6, max: 1e6, scale: 'log' as const }, { min: 0, max: 0.003 }])
      for (let pos = 0; pos <= SLIDER_STEPS; pos++) expect(toSliderPosition(s, fromSliderPosition(s, pos))).toBe(pos);
  });
  it('clamps values outside the range to the ends', () => {
    expect(toSliderPosition(lin, -1e9)).toBe(0);
    expect(toSliderPosition(log, 1e9)).toBe(SLIDER_STEPS);
  });
});
