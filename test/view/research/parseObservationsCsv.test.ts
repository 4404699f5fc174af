import { describe, expect, it } from 'vitest';
import { parseObservationsCsv } from '../../../src/view/research/parseObservationsCsv';
import { FIT_EXAMPLE_CSV } from '../../../src/view/research/fitExample';

const OBS = ['naltrexone_ng_per_ml', 'mor_occupancy'];
const parse = (text: string, opts = {}) => parseObservationsCsv(text, { observableIds: OBS, ...opts });
const failure = (text: string, opts = {}) => {
  const r = parse(text, opts);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('parseObservationsCsv()', () => {
  it('reads rows with their file line numbers, skipping comments and blank lines', () => {
    const r = parse('# source: a paper\ntime_h,observable,value\n\n1,mor_occupancy,0.95\n  48 , mor_occupancy , 0.91 \r\n1.5e2,naltrexone_ng_per_ml,3e-1\n');
    expect(r).toEqual({
      ok: true,
      rows: [
        { time_h: 1, observable: 'mor_occupancy', value: 0.95, line: 4 },
        { time_h: 48, observable: 'mor_occupancy', value: 0.91, line: 5 },
        { time_h: 150, observable: 'naltrexone_ng_per_ml', value: 0.3, line: 6 },
      ],
    });
  });

  it('accepts the columns in any order', () => {
    const r = parse('value,time_h,observable\n0.5,2,mor_occupancy');
    expect(r.ok && r.rows[0]).toEqual({ time_h: 2, observable: 'mor_occupancy', value: 0.5, line: 2 });
  });

  it('parses the shipped Lee 1988 example into five occupancy points', () => {
    const r = parse(FIT_EXAMPLE_CSV);
    expect(r.ok && r.rows.map((x) => [x.time_h, x.value])).toEqual([[1, 0.95], [48, 0.91], [72, 0.8], [120, 0.46], [168, 0.3]]);
  });

  it('refuses a non-number value naming the line and the column', () => {
    const r = failure('time_h,observable,value\n1,mor_occupancy,0.9\n2,mor_occupancy,abc');
    expect(r).toEqual({ ok: false, line: 3, column: 'value', message: 'Line 3, column 3 (value): "abc" is not a number.' });
  });

  it('refuses what Number() would quietly accept: empty cells, hex, Infinity, decimal commas', () => {
    for (const [cell, col] of [['', 'value'], ['0x10', 'value'], ['Infinity', 'value'], ['NaN', 'value']] as const) {
      expect(failure(`time_h,observable,value\n1,mor_occupancy,${cell}`).column).toBe(col);
    }
    expect(failure('time_h,observable,value\n1,mor_occupancy,0,5').message).toBe('Line 2: expected 3 values (time_h, observable, value); found 4.');
    expect(failure('time_h,observable,value\n1e400,mor_occupancy,1').message).toMatch(/^Line 2, column 1 \(time_h\): time must be a finite number ≥ 0 h/);
  });

  it('refuses negative times and unknown observables, naming the column', () => {
    expect(failure('time_h,observable,value\n-1,mor_occupancy,0.5').message).toMatch(/^Line 2, column 1 \(time_h\)/);
    const r = failure('time_h,observable,value\n1,plasma,0.5');
    expect(r.column).toBe('observable');
    expect(r.message).toBe('Line 2, column 2 (observable): "plasma" is not an observable of the model; use one of naltrexone_ng_per_ml, mor_occupancy.');
    expect(failure('time_h,observable,value\n1,<img src=x>,0.5').message).toMatch(/is not an observable id/);
  });

  it('requires the header, and refuses quotes and empty files', () => {
    expect(failure('time,observable,value\n1,mor_occupancy,1').message).toBe('Line 1: the header must be "time_h,observable,value"; got "time,observable,value".');
    expect(failure('1,mor_occupancy,1').line).toBe(1);
    expect(failure('time_h,observable,value\n1,"mor_occupancy",1').message).toMatch(/^Line 2: quoted fields are not supported/);
    expect(failure('# only a comment\n\n').message).toMatch(/^The file is empty/);
    expect(failure('time_h,observable,value\n').message).toBe('The file has a header but no observations.');
  });

  it('enforces the size and row limits', () => {
    const big = 'time_h,observable,value\n' + '1,mor_occupancy,0.5\n'.repeat(20);
    expect(failure(big, { maxChars: 100 }).message).toMatch(/^The file has 424 characters; the limit is 100\./);
    expect(failure(big, { maxRows: 5 }).message).toBe('Line 7: more than 5 rows; keep fewer observations.');
  });

  it('clips a long cell when echoing it', () => {
    const r = failure(`time_h,observable,value\n1,mor_occupancy,${'9'.repeat(500)}x`);
    expect(r.message.length).toBeLessThan(120);
  });
});
