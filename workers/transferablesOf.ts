import type { SimulationResult } from '../src/engine/result';
import type { PopulationResult } from '../src/engine/population/simulatePopulation';

/** Collects distinct, non-empty ArrayBuffers. */
function collector(): { add(a: Float64Array): void; list(): ArrayBuffer[] } {
  const buffers = new Set<ArrayBuffer>();
  return {
    add(a) {
      // Empty buffers are skipped: pointless to move, and the engine returns a shared empty constant on failure —
      // transferring (detaching) a buffer the engine keeps would break its next call.
      // A SharedArrayBuffer cannot be transferred (it is shared, not moved); the engine never makes one.
      if (a.buffer instanceof ArrayBuffer && a.buffer.byteLength > 0) buffers.add(a.buffer);
    },
    list: () => [...buffers],
  };
}

/**
 * The distinct ArrayBuffers behind a result's Float64Arrays, for Comlink.transfer. Distinct matters: postMessage
 * throws a DataCloneError when the same buffer appears twice in a transfer list (two observables may be views of one
 * buffer).
 */
export function transferablesOf(result: SimulationResult): ArrayBuffer[] {
  const c = collector();
  c.add(result.time_h);
  for (const id of Object.keys(result.observables)) c.add(result.observables[id]);
  return c.list();
}

/** The same for a population summary: the grid, every percentile band and every sampled-parameter column. */
export function populationTransferables(result: PopulationResult): ArrayBuffer[] {
  const c = collector();
  c.add(result.time_h);
  for (const id of Object.keys(result.bands)) for (const q of Object.keys(result.bands[id])) c.add(result.bands[id][q]);
  for (const id of Object.keys(result.parameters)) c.add(result.parameters[id]);
  return c.list();
}
