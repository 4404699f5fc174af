import { describe, expect, it } from 'vitest';
import { parseRegimen } from '../../../src/engine/regimen/parseRegimen';

/** Times of the doses a string expands to (every expectation below is hand-derived from the grammar). */
function times(text: string): number[] {
  const r = parseRegimen(text);
  if (!r.ok) throw new Error(r.status.message);
  return r.doses.map((d) => d.time_h);
}

function error(text: string): string {
  const r = parseRegimen(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  expect(r.status.code).toBe('INVALID_INPUT');
  expect(r.status.field).toBe('regimen');
  return r.status.message;
}

describe('parseRegimen', () => {
  it('expands "<amount> mg q<interval>h x <count>" into count doses interval apart from t = 0', () => {
    const r = parseRegimen('4.5 mg q24h x 3');
    expect(r.ok && r.doses).toEqual([
      { time_h: 0, amount_mg: 4.5 },
      { time_h: 24, amount_mg: 4.5 },
      { time_h: 48, amount_mg: 4.5 },
    ]);
  });

  it('starts each "then" step where the previous one ends (its start + count × interval)', () => {
    // 2 doses q12h at 0, 12 → next step starts at 24; 2 doses q8h at 24, 32.
    const r = parseRegimen('1 mg q12h x 2 then 2 mg q8h x 2');
    expect(r.ok && r.doses).toEqual([
      { time_h: 0, amount_mg: 1 }, { time_h: 12, amount_mg: 1 },
      { time_h: 24, amount_mg: 2 }, { time_h: 32, amount_mg: 2 },
    ]);
  });

  it('expands the titration of the brief into 14 + 14 + 28 = 56 nightly doses', () => {
    const r = parseRegimen('1.5 mg q24h x 14 then 3 mg q24h x 14 then 4.5 mg q24h x 28 at 22:00');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doses).toHaveLength(56);
    // Dose k (0-based) at 22 + 24k h; the switch to 3 mg is dose 14 (t = 22 + 336), to 4.5 mg dose 28.
    expect(r.doses[0]).toEqual({ time_h: 22, amount_mg: 1.5 });
    expect(r.doses[13]).toEqual({ time_h: 22 + 13 * 24, amount_mg: 1.5 });
    expect(r.doses[14]).toEqual({ time_h: 22 + 14 * 24, amount_mg: 3 });
    expect(r.doses[28]).toEqual({ time_h: 22 + 28 * 24, amount_mg: 4.5 });
    expect(r.doses[55]).toEqual({ time_h: 22 + 55 * 24, amount_mg: 4.5 });
  });

  it('reads "at HH:MM" as the clock time of the first dose, with t = 0 at midnight of day 1', () => {
    expect(times('4.5 mg q24h x 2 at 22:00')).toEqual([22, 46]);
    expect(times('4.5 mg q24h x 1 at 07:30')).toEqual([7.5]);
    expect(times('4.5 mg q24h x 1 at 00:00')).toEqual([0]);
  });

  it('accepts qd, daily, nightly and od as q24h, bid as q12h, tid as q8h, qid as q6h, weekly as q168h', () => {
    for (const w of ['qd', 'daily', 'nightly', 'od', 'q24h']) expect(times(`1 mg ${w} x 2`)).toEqual([0, 24]);
    expect(times('1 mg bid x 2')).toEqual([0, 12]);
    expect(times('1 mg tid x 2')).toEqual([0, 8]);
    expect(times('1 mg qid x 2')).toEqual([0, 6]);
    expect(times('1 mg weekly x 2')).toEqual([0, 168]);
  });

  it('accepts decimals, no spaces, capitals and the × sign', () => {
    const r = parseRegimen('1.5MG Q12H ×2');
    expect(r.ok && r.doses).toEqual([{ time_h: 0, amount_mg: 1.5 }, { time_h: 12, amount_mg: 1.5 }]);
    expect(times('4.5mg q24hours x3')).toEqual([0, 24, 48]);
  });

  it('reads "for N days" as the doses that fall strictly inside N days', () => {
    expect(times('4.5 mg daily for 3 days')).toHaveLength(3); // 0, 24, 48 (72 is day 4)
    expect(times('1 mg q8h for 1 day')).toEqual([0, 8, 16]);
    expect(times('1 mg q10h for 1 day')).toEqual([0, 10, 20]); // ceil(24/10) = 3
    expect(times('1 mg q24h for 2 weeks')).toHaveLength(14);
  });

  it('omits the dose numbers listed after "skip" (missed doses, counted from 1 over the whole regimen)', () => {
    expect(times('1 mg q24h x 5 skip 2,4')).toEqual([0, 48, 96]);
    expect(times('1 mg q24h x 2 then 2 mg q24h x 2 skip 3')).toEqual([0, 24, 72]);
    // Order and repeats in the list do not matter.
    expect(times('1 mg q24h x 5 skip 4,2,2')).toEqual([0, 48, 96]);
  });

  it('lets a regimen stop ("then stop") and leave a gap ("off 48h", "off 2d")', () => {
    expect(times('1 mg q24h x 2 then stop')).toEqual([0, 24]);
    expect(times('1 mg q24h x 2 at 08:00 then stop')).toEqual([8, 32]);
    expect(error('1 mg q24h x 2 at 08:00 then 2 mg q24h x 1')).toMatch(/column 24, found "then" after "at"\/"skip": write every step first/);
    expect(error('1 mg q24h x 2 then stop then 1 mg q24h x 1')).toMatch(/column 25, found "then" but expected the end .*no step may follow "then stop"/);
    // 2 doses end at 48; a 48 h gap → the next step starts at 96.
    expect(times('1 mg q24h x 2 then off 48h then 1 mg q24h x 1')).toEqual([0, 24, 96]);
    expect(times('1 mg q24h x 2 then off 2d then 1 mg q24h x 1')).toEqual([0, 24, 96]);
  });

  it('treats "once" as a single dose whose next step starts 24 h later', () => {
    expect(times('50 mg once then 25 mg q24h x 1')).toEqual([0, 24]);
  });

  it('reads "none" as a regimen without doses', () => {
    const r = parseRegimen('none');
    expect(r.ok && r.doses).toEqual([]);
  });

  it('names the column, the token found and what was expected', () => {
    expect(error('4.5 q24h x 3')).toMatch(/column 5, found "q" but expected "mg"/);
    expect(error('4.5 mg q24h')).toMatch(/column 12, found the end of the text but expected the number of doses/);
    expect(error('4.5 mg every day x 3')).toMatch(/column 8, found "every" but expected a dosing interval/);
    expect(error('4.5 mg q24h x 3 tomorrow')).toMatch(/column 17, found "tomorrow" but expected "then"/);
    expect(error('4.5 mg q24h x 2.5')).toMatch(/whole number/);
  });

  it('refuses negative, zero and absurd amounts, intervals and counts with the allowed range', () => {
    expect(error('-5 mg q24h x 3')).toMatch(/minus sign at column 1/);
    expect(error('0 mg q24h x 3')).toMatch(/dose 0 mg is out of range: allowed 0.001–1000 mg/);
    expect(error('5000 mg q24h x 3')).toMatch(/allowed 0.001–1000 mg/);
    expect(error('1 mg q0h x 3')).toMatch(/interval 0 h is out of range/);
    expect(error('1 mg q24h x 0')).toMatch(/number of doses 0 is out of range: allowed 1–20000/);
    expect(error('1 mg q1h x 20001')).toMatch(/allowed 1–20000/);
    expect(error('1 mg q1h x 15000 then 1 mg q1h x 15000')).toMatch(/30000 doses; at most 20000/);
    expect(error('1 mg q24h x 1 then off 800d')).toMatch(/gap 19200 h is out of range: allowed 0.01–17520 h/);
    expect(error('1 mg q24h x 1 then off 0h then 1 mg q24h x 1')).toMatch(/gap 0 h is out of range: allowed 0.01–17520 h/);
  });

  it('refuses clock times outside 00:00–23:59, repeated options and skips of doses that do not exist', () => {
    expect(error('1 mg q24h x 3 at 24:00')).toMatch(/00:00–23:59/);
    expect(error('1 mg q24h x 3 at 22:00 at 08:00')).toMatch(/a single "at HH:MM"/);
    expect(error('1 mg q24h x 3 skip 4')).toMatch(/"skip 4" names a dose that does not exist: the regimen has 3 doses/);
    expect(error('1 mg q24h x 3 skip 0')).toMatch(/start at 1/);
  });

  it('refuses empty, non-string and oversize input without throwing', () => {
    expect(error('')).toMatch(/empty/);
    expect(error('   ')).toMatch(/empty/);
    expect(error('1 mg q24h x 1 '.repeat(200))).toMatch(/at most 2000/);
    const r = parseRegimen(42 as unknown);
    expect(r.ok).toBe(false);
    expect(error('4.5 mg q24h x 3; drop table')).toMatch(/unexpected character ";" at column 16/);
  });

  it('reports the field path it is given (e.g. comedication.regimen)', () => {
    const r = parseRegimen('oops', 'comedication.regimen');
    expect(!r.ok && r.status.field).toBe('comedication.regimen');
    expect(!r.ok && r.status.message).toMatch(/^comedication\.regimen: /);
  });
});
