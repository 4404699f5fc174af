import type { Integrator, SolverMethod } from './types';
import { createDopri5 } from './dopri5';
import { createRodas4 } from './rodas4';
import { createAutoIntegrator } from './createAutoIntegrator';

/**
 * The integrator for a method name. 'auto' (the default) lets the engine choose, so users never pick: it
 * starts with DOPRI5 and switches to RODAS4 while the problem is stiff (createAutoIntegrator).
 */
export function createIntegrator(method: SolverMethod = 'auto'): Integrator {
  switch (method) {
    case 'dopri5':
      return createDopri5();
    case 'rodas4':
      return createRodas4();
    default:
      return createAutoIntegrator();
  }
}
