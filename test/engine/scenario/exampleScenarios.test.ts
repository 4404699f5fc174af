import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../../src/engine/scenario/parseScenarioJson';
import { decodeScenario, encodeScenario } from '../../../src/engine/scenario/urlCodec';

const dir = join(__dirname, '../../../scenarios');
const load = (file: string) => parseScenarioJson(readFileSync(join(dir, file), 'utf8'));

function doses(file: string) {
  const r = load(file);
  if (!r.ok) throw new Error(r.status.message);
  return r.resolved;
}

describe('example scenarios (scenarios/*.json)', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('are all valid and round-trip through a share link', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const r = load(f);
      if (!r.ok) throw new Error(`${f}: ${r.status.message}`);
      const back = decodeScenario(encodeScenario(r.scenario));
      expect(back.ok && back.scenario).toEqual(r.scenario);
    }
  });

  it('LDN 4.5 mg nightly: 14 doses of 4.5 mg at 22:00 (t = 22 + 24k h) over 336 h', () => {
    const r = doses('ldn-4.5mg-nightly-14d.json');
    expect(r.doses).toEqual(Array.from({ length: 14 }, (_, k) => ({ time_h: 22 + 24 * k, amount_mg: 4.5 })));
    expect(r.scenario.duration_h).toBe(14 * 24);
  });

  it('naltrexone 50 mg daily: 14 doses of 50 mg, 24 h apart', () => {
    const r = doses('naltrexone-50mg-daily-14d.json');
    expect(r.doses).toHaveLength(14);
    expect(r.doses.every((d, k) => d.amount_mg === 50 && d.time_h === 8 + 24 * k)).toBe(true);
  });

  it('single 50 mg: one dose at t = 0, followed for 168 h', () => {
    const r = doses('single-50mg-7d.json');
    expect(r.doses).toEqual([{ time_h: 0, amount_mg: 50 }]);
    expect(r.scenario.duration_h).toBe(168);
  });

  it('titration 1.5 → 3 → 4.5 mg: 14 + 14 + 28 nightly doses, totalling 14·1.5 + 14·3 + 28·4.5 = 189 mg', () => {
    const r = doses('titration-1.5-3-4.5.json');
    expect(r.doses).toHaveLength(56);
    expect(r.doses.reduce((s, d) => s + d.amount_mg, 0)).toBeCloseTo(189, 12);
  });

  it('LDN with morphine: 7 LDN doses and 42 morphine doses of 10 mg every 4 h', () => {
    const r = doses('ldn-with-morphine-7d.json');
    expect(r.doses).toHaveLength(7);
    expect(r.agonistDoses).toHaveLength(42); // 0, 4, …, 164 h all lie inside 168 h
    expect(r.scenario.comedication).toMatchObject({ drug: 'morphine', dependent: true });
  });

  it('LDN with missed doses: 28 planned nights minus doses 5, 12 and 13 = 25 doses, none at 22 + 24·4 h', () => {
    const r = doses('ldn-missed-doses-28d.json');
    expect(r.doses).toHaveLength(25);
    const times = r.doses.map((d) => d.time_h);
    for (const k of [4, 11, 12]) expect(times).not.toContain(22 + 24 * k); // dose n is at 22 + 24(n − 1) h
    expect(times).toContain(22 + 24 * 3);
  });

  it('50 mg stopped after 14 days: the last dose is at 8 + 24·13 = 320 h and the run goes on to 672 h', () => {
    const r = doses('naltrexone-50mg-stop-day14-28d.json');
    expect(r.doses).toHaveLength(14);
    expect(r.doses[13].time_h).toBe(320);
    expect(r.scenario.duration_h).toBe(672);
  });
});
