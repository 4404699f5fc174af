/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998, SIAM J Optim 9:112: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5). Derivative-free, so it tolerates the small non-smoothness an adaptive ODE solver
 * puts into an objective. Deterministic: same start, same path.
 */
export interface NelderMeadOptions {
  /** Initial simplex edge, per coordinate or one for all (default 0.1). */
  readonly step?: number | readonly number[];
  readonly maxEvaluations?: number;
  /** Stop when the simplex's function values and coordinates both span less than these. */
  readonly fTolerance?: number;
  readonly xTolerance?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly fx: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const maxEval = options.maxEvaluations ?? 200 * n;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  let evaluations = 0;
  const F = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity; // a failed run is simply a bad point
  };
  const simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: F([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    const s = typeof options.step === 'number' || options.step === undefined ? (options.step ?? 0.1) : options.step[i];
    x[i] += s;
    simplex.push({ x, f: F(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  let converged = false;
  while (evaluations < maxEval) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0];
    const worst = simplex[n];
    const fSpan = worst.f - best.f;
    let xSpan = 0;
    for (const v of simplex) for (let i = 0; i < n; i++) xSpan = Math.max(xSpan, Math.abs(v.x[i] - best.x[i]));
    if (fSpan <= fTol && xSpan <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] += simplex[j].x[i] / n;
    const xr = combine(centroid, worst.x, -1);
    const fr = F(xr);
    if (fr < best.f) {
      const xe = combine(centroid, worst.x, -2);
      const fe = F(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[n - 1].f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      const outside = fr < worst.f;
      const xc = combine(centroid, outside ? xr : worst.x, 0.5);
      const fc = F(xc);
      if (fc < (outside ? fr : worst.f)) simplex[n] = { x: xc, f: fc };
      else {
        for (let j = 1; j <= n; j++) {
          const x = combine(best.x, simplex[j].x, 0.5);
          simplex[j] = { x, f: F(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0].x, fx: simplex[0].f, evaluations, converged };
}
