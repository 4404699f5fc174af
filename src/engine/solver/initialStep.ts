import type { OdeSystem, SolveStats } from './types';
import { pow } from '../../../models/math/deterministicMath';

/**
 * Hairer's starting step (HINIT in dopri5.f; Hairer, Nørsett & Wanner, Solving ODEs I, §II.4): first h such
 * that an explicit Euler step changes y by about 1 % of its scale, then refined with a second-derivative
 * estimate so that h^order · max(‖f′‖, ‖f‖) ≈ 0.01. Uses y1 and f1 as scratch; one RHS evaluation.
 */
export function initialStep(
  sys: OdeSystem,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  atolv: Float64Array,
  rtol: number,
  hmax: number,
  order: number,
  y1: Float64Array,
  f1: Float64Array,
  stats: SolveStats,
): number {
  const n = sys.n;
  let dnf = 0, dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atolv[i] + rtol * Math.abs(y[i]);
    const a = f0[i] / sk, b = y[i] / sk;
    dnf += a * a; dny += b * b;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hmax);
  for (let i = 0; i < n; i++) y1[i] = y[i] + h * f0[i];
  if (sys.autonomous === true) sys.rhs(0, y1, f1); // OdeSystem.autonomous: t = 0
  else sys.rhs(t + h, y1, f1);
  stats.rhsEvals++;
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atolv[i] + rtol * Math.abs(y[i]);
    const d = (f1[i] - f0[i]) / sk;
    der2 += d * d;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : pow(0.01 / der12, 1 / order);
  const hh = Math.min(100 * h, h1, hmax);
  return Number.isFinite(hh) && hh > 0 ? hh : Math.min(1e-6, hmax);
}
