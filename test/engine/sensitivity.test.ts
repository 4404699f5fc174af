import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { localSensitivity } from '../../src/engine/sensitivity';

describe('localSensitivity()', () => {
  const scenario = JSON.parse(readFileSync('scenarios/single-50mg-7d.json', 'utf8'));

  it('finds S = 1 for the naltrexone AUC with respect to oral bioavailability (AUC ∝ F in linear PK)', () => {
    const s = localSensitivity(scenario, { parameterIds: ['ntx_f_oral'], metricIds: ['ntx_auc_ng_h_per_ml', 'total_dose_mg'] });
    expect(s.status.code).toBe('ok');
    expect(s.coefficients[0]).toBeCloseTo(1, 4);
    expect(s.coefficients[1]).toBe(0); // the dose does not depend on F
  });

  it('refuses an unknown parameter id with INVALID_INPUT', () => {
    const s = localSensitivity(scenario, { parameterIds: ['no_such_parameter'] });
    expect(s.status.code).toBe('INVALID_INPUT');
    expect(s.status.message).toContain('no_such_parameter');
  });
});
