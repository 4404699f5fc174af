/** Small helpers shared by the model tests: run the project engine on a dose list and read observables. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../../src/engine/index';
import type { Hypotheses } from '../../models/types';

export interface Run {
  t: Float64Array;
  o: Record<string, Float64Array>;
  step: number;
}

export function runDoses(
  doses: { time_h: number; amount_mg: number }[], duration_h: number, step = 0.25,
  extra: { hypotheses?: Hypotheses; parameters?: Record<string, number>; patient?: { phenotype: 'normal' | 'inflamed' }; comedication?: unknown } = {},
): Run {
  const r = simulate({ version: 1, duration_h, output_step_h: step, regimen: { doses }, ...extra });
  if (r.status.code !== 'ok') throw new Error(`simulate: ${r.status.code} ${r.status.message}`);
  return { t: r.time_h, o: r.observables as Record<string, Float64Array>, step };
}

/** Value of an observable at time t (nearest grid point). */
export function at(run: Run, id: string, t: number): number {
  return run.o[id][Math.round(t / run.step)];
}

export function maxOver(run: Run, id: string, from: number, to: number): number {
  let m = -Infinity;
  for (let k = Math.round(from / run.step); k <= Math.round(to / run.step); k++) m = Math.max(m, run.o[id][k]);
  return m;
}

export function minOver(run: Run, id: string, from: number, to: number): number {
  let m = Infinity;
  for (let k = Math.round(from / run.step); k <= Math.round(to / run.step); k++) m = Math.min(m, run.o[id][k]);
  return m;
}

/** Time average over [from, to) on the grid. */
export function meanOver(run: Run, id: string, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let k = Math.round(from / run.step); k < Math.round(to / run.step); k++) {
    s += run.o[id][k];
    n++;
  }
  return s / n;
}

export function daily(amount: number, days: number, hour = 0): { time_h: number; amount_mg: number }[] {
  return Array.from({ length: days }, (_, i) => ({ time_h: hour + 24 * i, amount_mg: amount }));
}

/** Rows of a CSV in public/data (comment lines start with #). */
export function readData(file: string): Record<string, number>[] {
  const text = readFileSync(join(__dirname, '../../public/data', file), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [head[i], Number(c)])));
}

export const ALL_PERSISTENCE = ['slow_dissociation', 'deep_tissue', 'metabolite'] as const;
export const ALL_UPREGULATION = ['synthesis', 'chaperone'] as const;
