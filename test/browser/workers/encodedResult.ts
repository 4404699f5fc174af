/** A SimulationResult encoded for the trip from Node to the browser test: arrays as base64 of their raw bytes. */
export interface EncodedResult {
  readonly status: string;
  readonly message: string;
  readonly time_h: string;
  readonly observables: Readonly<Record<string, string>>;
  /** JSON of result.metrics (numbers round-trip exactly through JSON; NaN/-0 are not expected in metrics). */
  readonly metrics: string;
}

/** What the Node run sends back: one result per scenario, and Node's Math probe (see mathProbe.ts). */
export interface NodeRun {
  readonly results: readonly EncodedResult[];
  /** base64 of mathProbe()'s bytes as Node computed them. */
  readonly mathProbe: string;
  /** Node's V8 version, for the report. */
  readonly v8: string;
}
