import type { WorkerLike } from './workerLike';

/**
 * The real engine worker: a module worker, so Vite bundles workers/engine.worker.ts and its imports (the engine, the
 * models) into a separate chunk. The `new URL(…, import.meta.url)` literal must stay inline for Vite to see it.
 */
export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    // Unique per worker: the worker names its life lock after itself (workers/holdLifeLock.ts), and several pages
    // or clients of the same origin share the lock namespace.
    name: uniqueWorkerName('ldn-engine'),
  });
}

let counter = 0;
/** A name no other worker of this origin uses (random part: other tabs count from 0 too). */
export function uniqueWorkerName(prefix: string): string {
  counter++;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}
