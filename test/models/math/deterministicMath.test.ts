import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exp, log, pow } from '../../../models/math/deterministicMath';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

/** A seeded LCG so that the sample is the same on every run. */
function* samples(n: number, lo: number, hi: number): Generator<number> {
  let s = 12345;
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    yield lo + ((hi - lo) * s) / 2 ** 32;
  }
}

describe('deterministic exp/log/pow (fdlibm ports)', () => {
  it('exp() is within 1 ulp of Math.exp over [-700, 700] (fdlibm e_exp.c is < 1 ulp)', () => {
    let worst = 0;
    for (const x of samples(20000, -700, 700)) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    for (const x of samples(20000, -2, 2)) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('log() is within 1 ulp of Math.log from 1e-300 to 1e300, including subnormals', () => {
    let worst = 0;
    for (const e of samples(20000, -300, 300)) {
      const x = 10 ** e;
      worst = Math.max(worst, ulps(log(x), Math.log(x)));
    }
    for (const x of samples(5000, 0.5, 2)) worst = Math.max(worst, ulps(log(x), Math.log(x)));
    worst = Math.max(worst, ulps(log(5e-324), Math.log(5e-324)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('exact values: exp(0) = 1, log(1) = 0, log(e) within 1 ulp of 1, exp(1) within 1 ulp of e', () => {
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(ulps(log(Math.E), 1)).toBeLessThanOrEqual(1);
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1);
  });

  it('special values follow IEEE / Math', () => {
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, -1)).toBe(Infinity);
    expect(pow(-2, 3)).toBeCloseTo(-8, 13);
    expect(pow(-2, 0.5)).toBeNaN();
    expect(pow(4, 0.5)).toBe(2);
    expect(pow(7, 0)).toBe(1);
  });

  it('pow() is within 1e-14 relative of Math.pow for model-sized arguments', () => {
    let worst = 0;
    const ys = [...samples(200, -5, 5)];
    for (const x of samples(200, 1e-6, 1e3)) {
      for (const y of ys) worst = Math.max(worst, Math.abs(pow(x, y) / Math.pow(x, y) - 1));
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('models/ and src/engine/ use no Math function that may differ between JavaScript engines', () => {
    // Correctly rounded (IEEE) and therefore safe: sqrt, abs, min, max, floor, ceil, round, trunc, sign, imul, fround.
    const unsafe = /Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('deterministicMath.ts')) {
          readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
            const code = line.replace(/\/\/.*$/, '');
            if (unsafe.test(code)) offenders.push(`${p}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk('models');
    walk('src/engine');
    expect(offenders).toEqual([]);
  });
});
