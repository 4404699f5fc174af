/**
 * The engine's module Web Worker: exposes the pure engine through comlink. Spawned by the page's supervised client
 * (src/view/client/spawnEngineWorker.ts); message types in ./protocol.ts.
 */
import { expose } from 'comlink';
import { simulate } from '../src/engine/index';
import { simulatePopulation } from '../src/engine/population/simulatePopulation';
import { createEngineApi } from './createEngineApi';

expose(createEngineApi({ simulate, simulatePopulation }));
