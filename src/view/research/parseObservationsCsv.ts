import type { Observation } from '../../engine/fit/fitToData';

/**
 * Strict parser for observation files `time_h,observable,value` (one observation per row). Strict because a
 * silently skipped or mis-read row changes a fit without anyone noticing: any bad row refuses the whole file with
 * a message that names the line, the column and what to change. Lines starting with # are comments (the place for
 * the data's source), blank lines are ignored, the header is required and may list the three columns in any order.
 */
export interface ParsedObservation extends Observation {
  /** 1-based line of the file the row came from (to point at it when the engine refuses a value). */
  readonly line: number;
}

export type ParseObservationsResult =
  | { readonly ok: true; readonly rows: readonly ParsedObservation[] }
  | { readonly ok: false; readonly line: number; readonly column: string | null; readonly message: string };

export interface ParseObservationsOptions {
  /** Largest accepted text, in characters (default 200,000: ~5,000 rows). */
  readonly maxChars?: number;
  /** Largest number of data rows (default 5,000). */
  readonly maxRows?: number;
  /** When given, every observable must be one of these ids. */
  readonly observableIds?: readonly string[];
}

export const OBSERVATION_COLUMNS = ['time_h', 'observable', 'value'] as const;

// A plain decimal number: optional sign, digits with optional fraction, optional exponent. Refuses hex, "Infinity",
// "1,5", "", " " — everything Number() would quietly turn into a value or 0.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ID = /^[a-z][a-z0-9_]*$/;

export function parseObservationsCsv(text: string, options: ParseObservationsOptions = {}): ParseObservationsResult {
  const maxChars = options.maxChars ?? 200_000;
  const maxRows = options.maxRows ?? 5_000;
  const fail = (line: number, column: string | null, message: string): ParseObservationsResult => ({ ok: false, line, column, message });
  if (text.length > maxChars) {
    return fail(0, null, `The file has ${text.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')}. Split it or keep fewer rows.`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let header: string[] | null = null;
  let order: number[] = [];
  const rows: ParsedObservation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    if (raw.includes('"')) return fail(n, null, `Line ${n}: quoted fields are not supported; write plain values separated by commas.`);
    const cells = raw.split(',').map((c) => c.trim());
    if (!header) {
      const missing = OBSERVATION_COLUMNS.filter((c) => !cells.includes(c));
      const extra = cells.filter((c) => !(OBSERVATION_COLUMNS as readonly string[]).includes(c));
      if (missing.length || extra.length || cells.length !== 3) {
        return fail(n, null, `Line ${n}: the header must be "time_h,observable,value"; got "${clip(raw)}".`);
      }
      header = cells;
      order = OBSERVATION_COLUMNS.map((c) => cells.indexOf(c));
      continue;
    }
    if (cells.length !== 3) {
      return fail(n, null, `Line ${n}: expected 3 values (time_h, observable, value); found ${cells.length}.`);
    }
    if (rows.length >= maxRows) return fail(n, null, `Line ${n}: more than ${maxRows.toLocaleString('en')} rows; keep fewer observations.`);
    const [tCell, oCell, vCell] = order.map((k) => cells[k]);
    const col = (name: string) => `column ${order[OBSERVATION_COLUMNS.indexOf(name as (typeof OBSERVATION_COLUMNS)[number])] + 1} (${name})`;
    if (!NUMBER.test(tCell)) return fail(n, 'time_h', `Line ${n}, ${col('time_h')}: "${clip(tCell)}" is not a number of hours.`);
    const t = Number(tCell);
    if (!Number.isFinite(t) || t < 0) return fail(n, 'time_h', `Line ${n}, ${col('time_h')}: time must be a finite number ≥ 0 h; got ${clip(tCell)}.`);
    if (!ID.test(oCell)) return fail(n, 'observable', `Line ${n}, ${col('observable')}: "${clip(oCell)}" is not an observable id (lower-case letters, digits, _).`);
    if (options.observableIds && !options.observableIds.includes(oCell)) {
      return fail(n, 'observable', `Line ${n}, ${col('observable')}: "${clip(oCell)}" is not an observable of the model; use one of ${options.observableIds.join(', ')}.`);
    }
    if (!NUMBER.test(vCell)) return fail(n, 'value', `Line ${n}, ${col('value')}: "${clip(vCell)}" is not a number.`);
    const v = Number(vCell);
    if (!Number.isFinite(v)) return fail(n, 'value', `Line ${n}, ${col('value')}: ${clip(vCell)} is too large.`);
    rows.push({ time_h: t, observable: oCell, value: v, line: n });
  }
  if (!header) return fail(1, null, 'The file is empty: start with the header "time_h,observable,value", then one observation per line.');
  if (rows.length === 0) return fail(lines.length, null, 'The file has a header but no observations.');
  return { ok: true, rows };
}

/** Echo user text in a message without letting a megabyte-long cell through. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
