import { describe, expect, it } from 'vitest';
import { formatSignificant } from '../../../src/view/research/formatSignificant';
import { formatSensitivity } from '../../../src/view/research/formatSensitivity';

describe('formatSignificant()', () => {
  it('writes 4 significant digits without trailing zeros', () => {
    expect([94, 0.176026, 14000, 0.0278722, 4.31897, 0].map(formatSignificant)).toEqual(['94', '0.176', '14000', '0.02787', '4.319', '0']);
    expect(formatSignificant(NaN)).toBe('—');
  });
});

describe('formatSensitivity()', () => {
  it('keeps two decimals from 0.01 up and two significant digits below', () => {
    expect([1, -0.343, 0.01, -0.00998, 0.000838, 0].map(formatSensitivity)).toEqual(['1.00', '-0.34', '0.01', '-0.01', '0.00084', '0.00']);
    expect(formatSensitivity(Infinity)).toBe('—');
  });
});
