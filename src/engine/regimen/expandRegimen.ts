import type { DoseEvent } from '../scenario/types';
import type { RegimenPlan } from './types';

/**
 * Turns a plan into dose events. Steps run back to back from the clock time `at` (t = 0 is midnight of day 1):
 * step k starts where step k−1 ends (its start + count × interval, or + the off gap). Skipped dose numbers are
 * counted over all doses of the plan, 1-based. Times are computed as start + j × interval (not by repeated
 * addition) so they carry no accumulated rounding.
 */
export function expandRegimen(plan: RegimenPlan): DoseEvent[] {
  const skip = new Set(plan.skip);
  const doses: DoseEvent[] = [];
  let start = (plan.at_min ?? 0) / 60;
  let n = 0;
  for (const step of plan.steps) {
    if (step.kind === 'off') {
      start += step.duration_h;
      continue;
    }
    for (let j = 0; j < step.count; j++) {
      n++;
      if (!skip.has(n)) doses.push({ time_h: start + j * step.interval_h, amount_mg: step.amount_mg });
    }
    start += step.count * step.interval_h;
  }
  return doses;
}

/** Number of doses a plan schedules before skips (for validating `skip`). */
export function countPlannedDoses(plan: Pick<RegimenPlan, 'steps'>): number {
  let n = 0;
  for (const step of plan.steps) if (step.kind === 'dose') n += step.count;
  return n;
}
