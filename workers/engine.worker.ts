/**
 * The engine's module Web Worker: exposes the pure engine through comlink. Spawned by the page's supervised client
 * (src/view/client/spawnEngineWorker.ts); message types in ./protocol.ts.
 */
import { expose } from 'comlink';
import { simulate } from '../src/engine/index';
import { simulatePopulation } from '../src/engine/population/simulatePopulation';
import { localSensitivity } from '../src/engine/sensitivity';
import { fitToData } from '../src/engine/fit/fitToData';
import { createEngineApi } from './createEngineApi';
import { holdLifeLock } from './holdLifeLock';

// Take the life lock before answering anything: the page asks for it only after a first answer, so it queues
// behind this request and is granted the lock only when this worker has ended.
expose(createEngineApi({ simulate, simulatePopulation, localSensitivity, fitToData }, holdLifeLock()));

// Warm the JIT on a short LDN run, so that the user's first curve does not pay all of the engine's cold start
// (a fixed JIT warm-up: in Node the first 28-day run takes 31–48 ms, later ones ~1.9 ms; doc/notes/solver.md).
// It runs before any message is handled.
simulate({ version: 1, duration_h: 48, output_step_h: 1, regimen: '4.5 mg q24h x 2 at 22:00' });
