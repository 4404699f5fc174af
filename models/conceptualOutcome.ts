import { P } from './parameterSpecs';
import type { ReceptorScratch } from './receptorState';
import { S } from './stateLayout';

/**
 * CONCEPTUAL outcome index, for teaching only — never a clinical prediction. It combines the 24-h running mean of
 * the opioid signal (Sm' = (s − Sm)/24 h) and the cytokine level:
 *   outcome = w_s·(Sm − 1) − w_c·((il6_rel + tnf_rel)/2 − 1)
 * so 0 is the untreated baseline, positive means "more opioid tone and/or less inflammation" than before treatment.
 */
export const SIGNAL_MEAN_WINDOW_H = 24;

export function conceptualOutcomeRhs(y: Float64Array, dy: Float64Array, r: ReceptorScratch): void {
  dy[S.signalMean] = (r.signalRel - y[S.signalMean]) / SIGNAL_MEAN_WINDOW_H;
}

export function conceptualOutcome(y: Float64Array, p: Float64Array, il6Rel: number, tnfRel: number): number {
  return p[P.outcome_w_signal] * (y[S.signalMean] - 1) - p[P.outcome_w_cytokine] * ((il6Rel + tnfRel) / 2 - 1);
}
