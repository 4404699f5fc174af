import type { SimulationResult } from '../src/engine/result';

/**
 * The distinct ArrayBuffers behind a result's Float64Arrays, for Comlink.transfer. Distinct matters: postMessage
 * throws a DataCloneError when the same buffer appears twice in a transfer list (two observables may be views of one
 * buffer). Empty buffers are skipped — transferring them is legal but pointless.
 */
export function transferablesOf(result: SimulationResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: Float64Array): void => {
    // A SharedArrayBuffer cannot be transferred (it is shared, not moved); the engine never makes one.
    if (a.buffer instanceof ArrayBuffer && a.buffer.byteLength > 0) buffers.add(a.buffer);
  };
  add(result.time_h);
  for (const id of Object.keys(result.observables)) add(result.observables[id]);
  return [...buffers];
}
