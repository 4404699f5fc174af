import type { RegimenPlan, RegimenStep } from '../../engine/regimen/types';

/**
 * "Stop" in the regimen editor: the plan with every dose scheduled at or after `stop_h` removed (steps shortened,
 * later steps dropped). Dose times follow expandRegimen: steps run back to back from the clock time `at`.
 * Missed-dose numbers beyond the doses that remain are dropped too.
 */
export function stopPlanAt(plan: RegimenPlan, stop_h: number): RegimenPlan {
  const steps: RegimenStep[] = [];
  let start = (plan.at_min ?? 0) / 60;
  let total = 0;
  for (const step of plan.steps) {
    if (start >= stop_h) break;
    if (step.kind === 'off') {
      steps.push(step);
      start += step.duration_h;
      continue;
    }
    // doses at start + j·interval < stop_h  ⇔  j < (stop_h − start) / interval
    const fit = Math.min(step.count, Math.ceil((stop_h - start) / step.interval_h - 1e-9));
    if (fit > 0) {
      steps.push({ ...step, count: fit });
      total += fit;
    }
    if (fit < step.count) break;
    start += step.count * step.interval_h;
  }
  // a trailing break changes nothing once dosing has stopped
  while (steps.length && steps[steps.length - 1].kind === 'off') steps.pop();
  return { steps, at_min: plan.at_min, skip: plan.skip.filter((n) => n <= total) };
}
