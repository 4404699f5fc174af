import type { Endpoint } from 'comlink';

/**
 * What the supervisor needs from a worker: comlink's endpoint (postMessage + message listeners) plus terminate().
 * A real `Worker` is one; tests pass a fake built on a MessageChannel, which can also dispatch 'error' to play a crash.
 * The supervisor listens for 'error' and 'messageerror' on it.
 */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

/** Makes a fresh worker; called once at first use and again after every crash, hang, cancel or restart. */
export type WorkerFactory = () => WorkerLike;
