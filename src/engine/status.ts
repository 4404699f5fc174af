/**
 * Every result carries a status instead of throwing (SciML return codes), so a chart can explain a failure.
 * Messages say what happened, where (t and the variable) and what to change (CVODE / mrgsolve style).
 */
export type StatusCode =
  | 'ok'
  | 'INVALID_INPUT'
  | 'NONFINITE'
  | 'STEP_UNDERFLOW'
  | 'MAX_STEPS'
  | 'STIFFNESS_SUSPECTED'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'WORKER_CRASH';

export interface Status {
  readonly code: StatusCode;
  /** Plain-language message: what, where, and what to change. Empty when ok. */
  readonly message: string;
  /** Model time (h) at which the failure happened, when it happened during integration. */
  readonly t?: number;
  /** State or observable id involved, when known. */
  readonly variable?: string;
  /** Field path in the scenario (e.g. "regimen.doses[2].amount_mg") for INVALID_INPUT. */
  readonly field?: string;
}

export const OK: Status = Object.freeze({ code: 'ok', message: '' });
