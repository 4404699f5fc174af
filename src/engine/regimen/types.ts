/**
 * The structure behind a regimen string ("1.5 mg q24h x 14 then 3 mg q24h x 14 at 22:00 skip 5").
 * Grammar and conventions: doc/scenario.md. Times are hours; t = 0 is midnight at the start of day 1.
 */

/** `<amount> mg q<interval>h x <count>`: `count` doses of `amount_mg`, `interval_h` apart. */
export interface DoseStep {
  readonly kind: 'dose';
  readonly amount_mg: number;
  readonly interval_h: number;
  readonly count: number;
}

/** `off <N>h`: a dose-free gap (drug holiday) before the next step. */
export interface OffStep {
  readonly kind: 'off';
  readonly duration_h: number;
}

export type RegimenStep = DoseStep | OffStep;

/** A parsed regimen. Steps run back to back; after the last step the regimen simply ends. */
export interface RegimenPlan {
  readonly steps: readonly RegimenStep[];
  /** Clock time of the first step in minutes after midnight (0–1439); absent = 00:00, i.e. t = 0. */
  readonly at_min?: number;
  /** 1-based numbers of doses to omit (missed doses), counted over the whole regimen, sorted, unique. */
  readonly skip: readonly number[];
}
