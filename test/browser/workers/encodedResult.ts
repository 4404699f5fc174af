/** A SimulationResult encoded for the trip from Node to the browser test: arrays as base64 of their raw bytes. */
export interface EncodedResult {
  readonly status: string;
  readonly message: string;
  readonly time_h: string;
  readonly observables: Readonly<Record<string, string>>;
  /** JSON of result.metrics (numbers round-trip exactly through JSON; NaN/-0 are not expected in metrics). */
  readonly metrics: string;
}
