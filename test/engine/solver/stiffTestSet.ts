import type { OdeSystem } from '../../../src/engine/solver/types';

/**
 * Three problems of the Test Set for IVP Solvers (F. Mazzia, C. Magherini et al., University of Bari / INdAM,
 * release 2.4, February 2008, https://archimede.uniba.it/~testset/), with the reference solutions published
 * there (computed with RADAU5 in quadruple-like precision: uround 1.01e-19, rtol = atol = h0 = 1.1e-18).
 * The same values are carried by Hairer's testset pages (unige.ch/~hairer/testset) and its Fortran drivers.
 */
export interface TestProblem {
  readonly name: string;
  readonly sys: OdeSystem;
  readonly y0: readonly number[];
  readonly tEnd: number;
  readonly reference: readonly number[];
  /** atol as a multiple of rtol, as in the test set's runs for this problem. */
  readonly atolPerRtol: number;
}

/** ROBER: Robertson's chemical kinetics (Robertson 1966), t ∈ [0, 1e11] — the test set's rober.f, solut. */
export const ROBER: TestProblem = {
  name: 'ROBER',
  sys: {
    n: 3,
    autonomous: true,
    stateIds: ['y1', 'y2', 'y3'],
    rhs(_t, y, d) {
      d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      d[2] = 3e7 * y[1] * y[1];
      d[1] = -d[0] - d[2];
    },
    jac(_t, y, J) {
      J[0] = -0.04; J[1] = 1e4 * y[2]; J[2] = 1e4 * y[1];
      J[3] = 0.04; J[4] = -1e4 * y[2] - 6e7 * y[1]; J[5] = -1e4 * y[1];
      J[6] = 0; J[7] = 6e7 * y[1]; J[8] = 0;
    },
  },
  y0: [1, 0, 0],
  tEnd: 1e11,
  reference: [0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050],
  // y2 lives at 1e-13..1e-5: the test set scales its absolute tolerance far below rtol for ROBER.
  atolPerRtol: 1e-6,
};

/** HIRES: high irradiance responses of photomorphogenesis (Schäfer 1975), t ∈ [0, 321.8122] — hires.f. */
export const HIRES: TestProblem = {
  name: 'HIRES',
  sys: {
    n: 8,
    autonomous: true,
    rhs(_t, y, f) {
      f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
      f[1] = 1.71 * y[0] - 8.75 * y[1];
      f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
      f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
      f[4] = -1.745 * y[4] + 0.43 * (y[5] + y[6]);
      f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
      f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
      f[7] = -f[6];
    },
  },
  y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
  tEnd: 321.8122,
  reference: [
    0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
    0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
  ],
  atolPerRtol: 1,
};

/**
 * VDPOL: Van der Pol with μ = 1000 in the test set's scaling (ε = 1/μ² = 1e-6, time rescaled by μ):
 * y1' = y2, y2' = ((1 − y1²)·y2 − y1)/ε, y(0) = (2, 0), t ∈ [0, 2] — vdpol.f.
 */
export const VDPOL: TestProblem = {
  name: 'VDPOL',
  sys: {
    n: 2,
    autonomous: true,
    rhs(_t, y, d) {
      d[0] = y[1];
      d[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / 1e-6;
    },
  },
  y0: [2, 0],
  tEnd: 2,
  reference: [0.1706167732170483e1, -0.8928097010247975],
  atolPerRtol: 1,
};

/**
 * The test set's "mixed error significant correct digits": mescd = −log10 max_i |y_i − ref_i| / (atol/rtol + |ref_i|).
 */
export function mescd(y: ArrayLike<number>, p: TestProblem): number {
  let m = 0;
  for (let i = 0; i < p.reference.length; i++) {
    m = Math.max(m, Math.abs(y[i] - p.reference[i]) / (p.atolPerRtol + Math.abs(p.reference[i])));
  }
  return -Math.log10(m);
}
