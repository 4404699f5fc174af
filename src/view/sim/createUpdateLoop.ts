import type { EngineClient } from '../client/types';
import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';
import { createLatestRunner } from '../client/createLatestRunner';

/**
 * Live re-simulation: every change submits the scenario to the latest-wins runner (one run in flight, at most one
 * waiting; a waiting input replaced by a newer one never runs; answers are drawn in order and the newest input's
 * answer is always drawn last), and each drawn update is measured from its input event to the moment
 * the charts have been redrawn, as a performance entry named `ldn:update` (issue 5, item 3) that any benchmark
 * can read with performance.getEntriesByName('ldn:update').
 */
export interface UpdateLoop {
  /** Submit a scenario; `inputTime` is the performance.now() of the input event that caused it. */
  request(scenario: Scenario, inputTime?: number): void;
  readonly busy: boolean;
  cancel(): void;
}

export interface UpdateLoopHandlers {
  /** Draw the result; called synchronously before the measure ends. */
  readonly draw: (result: SimulationResult, scenario: Scenario) => void;
  readonly fail: (error: unknown, scenario: Scenario) => void;
}

export const UPDATE_MEASURE = 'ldn:update';

export function createUpdateLoop(client: EngineClient, handlers: UpdateLoopHandlers): UpdateLoop {
  const started = new WeakMap<Scenario, number>();
  const runner = createLatestRunner(client, {
    // progressive: during a continuous drag whose inputs come faster than one run, a run overtaken by newer input is
    // still drawn (it is newer than what is on screen), so the chart follows the drag instead of freezing until the
    // drag pauses; inputs replaced while waiting never run, and the newest input is always drawn last.
    progressive: true,
    onResult(result, scenario) {
      const arrived = performance.now();
      handlers.draw(result, scenario);
      const end = performance.now();
      const start = started.get(scenario);
      if (start !== undefined) {
        performance.measure(UPDATE_MEASURE, { start, end });
        // the two parts, for finding where the time goes: worker round trip, then drawing on the page
        performance.measure(`${UPDATE_MEASURE}:simulate`, { start, end: arrived });
        performance.measure(`${UPDATE_MEASURE}:draw`, { start: arrived, end });
      }
    },
    onError(error, scenario) {
      handlers.fail(error, scenario);
    },
  });
  return {
    request(scenario, inputTime = performance.now()) {
      started.set(scenario, inputTime);
      void runner.submit(scenario);
    },
    get busy() {
      return runner.busy;
    },
    cancel() {
      runner.cancel();
    },
  };
}
