import type { Page } from 'playwright-core';

export interface UpdateMeasures {
  /** `ldn:update` durations (ms): input event → charts redrawn. */
  readonly total: number[];
  /** `ldn:update:simulate`: input event → the worker's answer on the page. */
  readonly simulate: number[];
  /** `ldn:update:draw`: answer → charts redrawn. */
  readonly draw: number[];
}
export function keyMoves(page: Page, param: string, n: number): Promise<UpdateMeasures>;
export function dragMoves(page: Page, param: string, n: number): Promise<UpdateMeasures>;
export function quantile(xs: number[], p: number): number;
