import type { Status } from '../status';
import type { DoseEvent } from '../scenario/types';
import type { DoseStep, RegimenPlan, RegimenStep } from './types';
import { REGIMEN_LIMITS as L } from './limits';
import { tokenizeRegimen, type RegimenToken } from './tokenizeRegimen';
import { countPlannedDoses, expandRegimen } from './expandRegimen';

/**
 * Regimen strings (doc/scenario.md has the grammar for users):
 *
 *   regimen := "none" | step ("then" step)* option*     ("then stop" may close the steps, before or after options)
 *   step    := <amount> "mg" interval count | "once"-step | "off" <n> ("h" | "d")
 *   interval:= "q" <n> "h" | "qd" | "daily" | "od" | "nightly" | "bid" | "tid" | "qid" | "weekly"
 *   count   := "x" <int> | "for" <n> ("d" | "days" | "h" | "hours" | "weeks")
 *   option  := "at" HH:MM | "skip" <int> ("," <int>)*
 *
 * e.g. "1.5 mg q24h x 14 then 3 mg q24h x 14 then 4.5 mg q24h x 28 at 22:00 skip 5,9".
 * Never throws: every failure is an INVALID_INPUT status whose message names the column, the token found and
 * what was expected there.
 */
export type ParseRegimenResult =
  | { readonly ok: true; readonly plan: RegimenPlan; readonly doses: DoseEvent[] }
  | { readonly ok: false; readonly status: Status };

/** Interval words and their length in hours. */
const INTERVAL_WORDS: Readonly<Record<string, number>> = {
  qd: 24, daily: 24, od: 24, nightly: 24, bid: 12, tid: 8, qid: 6, weekly: 168,
};
const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const DAY_UNITS = new Set(['d', 'day', 'days']);
const WEEK_UNITS = new Set(['w', 'wk', 'wks', 'week', 'weeks']);

class RegimenSyntaxError {
  constructor(readonly message: string) {}
}

function describe(tok: RegimenToken): string {
  return tok.kind === 'end' ? 'the end of the text' : `"${tok.text}"`;
}

export function parseRegimen(text: unknown, field = 'regimen'): ParseRegimenResult {
  const fail = (message: string): ParseRegimenResult => ({
    ok: false,
    status: { code: 'INVALID_INPUT', field, message: `${field}: ${message}` },
  });
  if (typeof text !== 'string') return fail(`expected a regimen string such as "4.5 mg q24h x 14", got ${typeof text}.`);
  if (text.length > L.maxLength) return fail(`the regimen string is ${text.length} characters long; at most ${L.maxLength} are allowed.`);
  if (text.trim() === '') return fail('the regimen string is empty: write e.g. "4.5 mg q24h x 14", or "none" for no doses.');
  const lexed = tokenizeRegimen(text);
  if (!lexed.ok) {
    if (lexed.char === '-') return fail(`a minus sign at column ${lexed.col}: amounts, intervals, counts and gaps must be positive numbers.`);
    return fail(`unexpected character "${lexed.char}" at column ${lexed.col}: use numbers, words, "HH:MM" times and commas, e.g. "4.5 mg q24h x 14 at 22:00".`);
  }
  try {
    const plan = new Parser(lexed.tokens).regimen();
    return { ok: true, plan, doses: expandRegimen(plan) };
  } catch (e) {
    if (e instanceof RegimenSyntaxError) return fail(e.message);
    return fail(`could not be read (${String(e)}).`);
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly RegimenToken[]) {}

  private peek(): RegimenToken { return this.tokens[this.i]; }
  private next(): RegimenToken { return this.tokens[this.i++]; }
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'word' && words.includes(t.text);
  }
  private error(expected: string, tok: RegimenToken = this.peek()): never {
    throw new RegimenSyntaxError(`at column ${tok.col}, found ${describe(tok)} but expected ${expected}.`);
  }

  private number(what: string): { value: number; tok: RegimenToken } {
    const tok = this.peek();
    if (tok.kind !== 'num') this.error(what);
    this.i++;
    const value = Number(tok.text);
    if (!Number.isFinite(value)) this.error(`${what} (a finite number)`, tok);
    return { value, tok };
  }

  private integer(what: string): { value: number; tok: RegimenToken } {
    const r = this.number(what);
    if (!/^\d+$/.test(r.tok.text)) this.error(`${what} (a whole number)`, r.tok);
    return r;
  }

  private range(tok: RegimenToken, value: number, lo: number, hi: number, what: string, unit: string): void {
    if (!(value >= lo && value <= hi)) {
      const u = unit ? ` ${unit}` : '';
      const allowed = `${lo}–${hi}${u}`;
      // Show the value in the unit of the range (an "off 3d" gap is checked in hours).
      const shown = Number(tok.text) === value ? tok.text : String(value);
      throw new RegimenSyntaxError(`at column ${tok.col}, ${what} ${shown}${u} is out of range: allowed ${allowed}.`);
    }
  }

  regimen(): RegimenPlan {
    if (this.isWord('none')) {
      this.next();
      if (this.peek().kind !== 'end') this.error('nothing after "none"');
      return { steps: [], skip: [] };
    }
    const steps: RegimenStep[] = [this.step()];
    let stopped = false;
    while (this.isWord('then')) {
      this.next();
      if (this.isWord('stop')) {
        // Stopping: the regimen ends here and the simulation goes on without doses.
        this.next();
        stopped = true;
        break;
      }
      steps.push(this.step());
    }
    let at_min: number | undefined;
    let skipTok: RegimenToken | undefined;
    let skip: number[] = [];
    for (;;) {
      if (this.isWord('at')) {
        const atTok = this.next();
        if (at_min !== undefined) this.error('a single "at HH:MM"', atTok);
        at_min = this.clock();
      } else if (this.isWord('skip')) {
        const tok = this.next();
        if (skipTok) this.error('a single "skip" list (write all dose numbers in one list: "skip 5,9")', tok);
        skipTok = tok;
        skip = this.skipList();
      } else if (this.isWord('then') && !stopped && this.tokens[this.i + 1]?.kind === 'word' && this.tokens[this.i + 1].text === 'stop') {
        // "… at 22:00 then stop" reads naturally too.
        this.i += 2;
        stopped = true;
      } else if (this.isWord('then') && !stopped) {
        throw new RegimenSyntaxError(`at column ${this.peek().col}, found "then" after "at"/"skip": write every step first and "at HH:MM" / "skip N,M" at the end (they apply to the whole regimen).`);
      } else {
        break;
      }
    }
    if (this.peek().kind !== 'end') {
      this.error(stopped
        ? 'the end of the regimen, "at HH:MM" or "skip N,M": no step may follow "then stop"'
        : '"then" and another step, "at HH:MM", "skip N,M" or the end of the regimen');
    }
    const total = countPlannedDoses({ steps });
    if (total > L.maxDoses) {
      throw new RegimenSyntaxError(`the regimen schedules ${total} doses; at most ${L.maxDoses} are allowed.`);
    }
    const unique = [...new Set(skip)].sort((a, b) => a - b);
    const beyond = unique.find((n) => n > total);
    if (beyond !== undefined && skipTok) {
      throw new RegimenSyntaxError(`at column ${skipTok.col}, "skip ${beyond}" names a dose that does not exist: the regimen has ${total} doses (numbered 1–${total}).`);
    }
    const plan: RegimenPlan = at_min === undefined ? { steps, skip: unique } : { steps, at_min, skip: unique };
    return plan;
  }

  private step(): RegimenStep {
    if (this.isWord('off')) {
      this.next();
      const { value, tok } = this.number('the length of the dose-free gap, e.g. "off 72h" or "off 3d"');
      const hours = value * this.durationUnit('"h" or "d" after the gap length');
      this.range(tok, hours, L.minOffH, L.maxOffH, 'the gap', 'h');
      return { kind: 'off', duration_h: hours };
    }
    const amount = this.number('a dose amount in mg, e.g. "4.5 mg"');
    if (!this.isWord('mg')) this.error('"mg" after the amount (doses are in milligrams)');
    this.next();
    this.range(amount.tok, amount.value, L.minAmountMg, L.maxAmountMg, 'the dose', 'mg');
    if (this.isWord('once')) {
      // A single dose; the next step (if any) starts 24 h later.
      this.next();
      return { kind: 'dose', amount_mg: amount.value, interval_h: 24, count: 1 };
    }
    const interval_h = this.interval();
    const count = this.count(interval_h);
    const step: DoseStep = { kind: 'dose', amount_mg: amount.value, interval_h, count };
    return step;
  }

  private interval(): number {
    const tok = this.peek();
    if (tok.kind === 'word' && tok.text in INTERVAL_WORDS) {
      this.next();
      return INTERVAL_WORDS[tok.text];
    }
    if (tok.kind === 'word' && tok.text === 'q') {
      this.next();
      const { value, tok: numTok } = this.number('the interval in hours after "q", e.g. "q24h"');
      if (!this.isWord(...HOUR_UNITS)) this.error('"h" after the interval, e.g. "q24h"');
      this.next();
      this.range(numTok, value, L.minIntervalH, L.maxIntervalH, 'the interval', 'h');
      return value;
    }
    if (tok.kind === 'word' && tok.text === 'qh') {
      this.next();
      return 1;
    }
    return this.error('a dosing interval: "q<hours>h" (e.g. "q24h", "q12h"), "qd"/"daily", "bid", "tid", "qid", "weekly" or "once"');
  }

  private count(interval_h: number): number {
    if (this.isWord('x')) {
      this.next();
      const { value, tok } = this.integer('the number of doses after "x", e.g. "x 14"');
      this.range(tok, value, 1, L.maxDoses, 'the number of doses', '');
      return value;
    }
    if (this.isWord('for')) {
      this.next();
      const { value, tok } = this.number('a length after "for", e.g. "for 14 days"');
      const hours = value * this.durationUnit('"days", "hours" or "weeks" after the length');
      // Doses at start, start + interval, … strictly before start + length (14 days of q24h = 14 doses).
      const n = Math.ceil(hours / interval_h - 1e-9);
      if (!(n >= 1 && n <= L.maxDoses)) {
        throw new RegimenSyntaxError(`at column ${tok.col}, "for ${tok.text}" gives ${n} doses at this interval; allowed 1–${L.maxDoses}.`);
      }
      return n;
    }
    return this.error('the number of doses: "x <count>" (e.g. "x 14") or "for <n> days"');
  }

  private durationUnit(expected: string): number {
    const tok = this.peek();
    if (tok.kind !== 'word') this.error(expected);
    let f = 0;
    if (HOUR_UNITS.has(tok.text)) f = 1;
    else if (DAY_UNITS.has(tok.text)) f = 24;
    else if (WEEK_UNITS.has(tok.text)) f = 168;
    else this.error(expected);
    this.next();
    return f;
  }

  private clock(): number {
    const tok = this.peek();
    if (tok.kind !== 'time') this.error('a clock time "HH:MM" after "at", e.g. "at 22:00"');
    this.next();
    const [h, m] = tok.text.split(':').map(Number);
    if (!(h <= 23 && m <= 59)) {
      throw new RegimenSyntaxError(`at column ${tok.col}, "${tok.text}" is not a clock time: use 00:00–23:59.`);
    }
    return h * 60 + m;
  }

  private skipList(): number[] {
    const out: number[] = [];
    for (;;) {
      const { value, tok } = this.integer('a dose number to skip, e.g. "skip 5" or "skip 5,9"');
      if (value < 1) throw new RegimenSyntaxError(`at column ${tok.col}, dose numbers start at 1.`);
      out.push(value);
      if (out.length > L.maxDoses) this.error('fewer skipped doses');
      if (this.peek().kind !== 'comma') break;
      this.next();
    }
    return out;
  }
}
