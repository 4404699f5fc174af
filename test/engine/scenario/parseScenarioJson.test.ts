import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../../src/engine/scenario/parseScenarioJson';
import { SCENARIO_LIMITS } from '../../../src/engine/scenario/limits';

const good = '{"version":1,"duration_h":24,"output_step_h":1,"regimen":"4.5 mg q24h x 1 at 22:00"}';

describe('parseScenarioJson', () => {
  it('parses and validates scenario JSON text (a byte-order mark is tolerated)', () => {
    const r = parseScenarioJson(good);
    expect(r.ok && r.resolved.doses).toEqual([{ time_h: 22, amount_mg: 4.5 }]);
    expect(parseScenarioJson('\ufeff' + good).ok).toBe(true);
  });

  it('reports a JSON syntax error with its position under field "json"', () => {
    const r = parseScenarioJson('{"version":1,');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status.field).toBe('json');
    expect(r.status.message).toMatch(/^json: not valid JSON \(.*position 13/);
  });

  it('refuses documents over 1 MB before parsing them', () => {
    const big = good.replace('}', `,"description":"${'x'.repeat(SCENARIO_LIMITS.maxJsonChars)}"}`);
    const r = parseScenarioJson(big);
    expect(!r.ok && r.status.message).toMatch(/at most 1000000 are accepted/);
  });

  it('refuses empty text and non-text input', () => {
    expect(!parseScenarioJson('  ').ok && true).toBe(true);
    const r = parseScenarioJson(undefined);
    expect(!r.ok && r.status.field).toBe('json');
  });

  it('passes validation errors through with their field path', () => {
    const r = parseScenarioJson('{"version":1,"duration_h":24,"output_step_h":1,"regimen":{"doses":[{"time_h":0,"amount_mg":-5}]}}');
    expect(!r.ok && r.status.field).toBe('regimen.doses[0].amount_mg');
  });

  it('does not let "__proto__" in the text pollute Object.prototype', () => {
    const r = parseScenarioJson('{"__proto__":{"polluted":true},"version":1,"duration_h":1,"output_step_h":1,"regimen":"none"}');
    expect(!r.ok && r.status.field).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deeply nested JSON without throwing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseScenarioJson(deep);
    expect(r.ok).toBe(false);
  });
});
