import type { WorkerLike } from './workerLike';

/**
 * The real engine worker: a module worker, so Vite bundles workers/engine.worker.ts and its imports (the engine, the
 * models) into a separate chunk. The `new URL(…, import.meta.url)` literal must stay inline for Vite to see it.
 */
export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ldn-engine',
  });
}
