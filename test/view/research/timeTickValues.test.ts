import { describe, expect, it } from 'vitest';
import { timeTickValues } from '../../../src/view/research/renderLineChart';

describe('timeTickValues()', () => {
  it('puts ticks on whole days for runs of several days', () => {
    expect(timeTickValues([0, 72], 800)).toEqual([0, 24, 48, 72]);
  });

  it('widens the step to keep ticks ≥ 55 px apart (a 4-week run on 300 px: weekly ticks)', () => {
    // 300 px / 55 px → at most 5 ticks; 672 h / 168 h = 4 intervals
    expect(timeTickValues([0, 672], 300)).toEqual([0, 168, 336, 504, 672]);
  });

  it('uses ordinary ticks under two days', () => {
    expect(timeTickValues([0, 8], 600)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
