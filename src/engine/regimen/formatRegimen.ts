import type { DoseEvent } from '../scenario/types';
import type { RegimenPlan, RegimenStep } from './types';
import { REGIMEN_LIMITS as L } from './limits';

/**
 * Writes a regimen in canonical form: `<amount> mg q<interval>h x <count>` steps joined by " then ", `off <n>h`
 * gaps, then " at HH:MM" and " skip a,b". Numbers use JavaScript's shortest round-trip form, so
 * parseRegimen(formatRegimen(plan)) gives the same plan and formatting is idempotent on parsed text.
 *
 * Given a dose list instead of a plan, it compresses runs of equal amount and equal spacing into steps
 * (best effort: times are reproduced up to rounding of start + j × interval).
 */
export function formatRegimen(input: RegimenPlan | readonly DoseEvent[]): string {
  const plan = Array.isArray(input) ? planFromDoses(input as readonly DoseEvent[]) : (input as RegimenPlan);
  if (plan.steps.length === 0) return 'none';
  let s = plan.steps.map(formatStep).join(' then ');
  if (plan.at_min !== undefined) s += ` at ${clock(plan.at_min)}`;
  if (plan.skip.length > 0) s += ` skip ${plan.skip.join(',')}`;
  return s;
}

function formatStep(step: RegimenStep): string {
  return step.kind === 'off'
    ? `off ${String(step.duration_h)}h`
    : `${String(step.amount_mg)} mg q${String(step.interval_h)}h x ${step.count}`;
}

function clock(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Compress a dose list into steps. Doses at the same time are combined (their amounts add). */
export function planFromDoses(doses: readonly DoseEvent[]): RegimenPlan {
  const sorted = [...doses].sort((a, b) => a.time_h - b.time_h);
  const merged: { time_h: number; amount_mg: number }[] = [];
  for (const d of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.time_h === d.time_h) last.amount_mg += d.amount_mg;
    else merged.push({ time_h: d.time_h, amount_mg: d.amount_mg });
  }
  if (merged.length === 0) return { steps: [], skip: [] };
  const steps: RegimenStep[] = [];
  const t0 = merged[0].time_h;
  const min = t0 * 60;
  let at_min: number | undefined;
  // A first dose on a whole minute of day 1 is an "at HH:MM"; anything else starts with an off gap.
  if (Number.isInteger(min) && min >= 0 && min < 1440 && min / 60 === t0) at_min = min;
  else if (t0 > 0) steps.push({ kind: 'off', duration_h: t0 });
  const gaps = merged.map((d, i) => (i + 1 < merged.length ? merged[i + 1].time_h - d.time_h : NaN));
  // The last dose has no successor: reuse the spacing before it, or a day.
  gaps[gaps.length - 1] = gaps.length > 1 ? gaps[gaps.length - 2] : 24;
  let i = 0;
  while (i < merged.length) {
    let j = i + 1;
    while (j < merged.length && merged[j].amount_mg === merged[i].amount_mg && gaps[j] === gaps[i]) j++;
    const gap = gaps[i];
    if (gap > L.maxIntervalH) {
      // Too long for one interval: dose, then a gap.
      for (let k = i; k < j; k++) {
        steps.push({ kind: 'dose', amount_mg: merged[k].amount_mg, interval_h: 24, count: 1 });
        steps.push({ kind: 'off', duration_h: gap - 24 });
      }
    } else {
      steps.push({ kind: 'dose', amount_mg: merged[i].amount_mg, interval_h: gap, count: j - i });
    }
    i = j;
  }
  return at_min === undefined ? { steps, skip: [] } : { steps, at_min, skip: [] };
}
