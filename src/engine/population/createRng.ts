/**
 * A seeded pseudo-random generator (mulberry32, Tommy Ettinger 2017: a 32-bit state, period 2^32, passes
 * PractRand to 2^32 bytes): enough for virtual subjects, deterministic on every JS engine because it uses only
 * 32-bit integer arithmetic (Math.imul), so a seed gives bit-identical populations in Node, workers and pages.
 */
import { log } from '../../../models/math/deterministicMath';

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method, both variates used). */
  normal(): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  let spare = 0;
  let hasSpare = false;
  function uniform(): number {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /**
   * Marsaglia's polar method (Marsaglia & Bray 1964): two normals from a point drawn uniformly in the unit disc,
   * using only +, ×, ÷, sqrt and the deterministic log — no sin/cos, whose last bit may differ between engines.
   */
  function normal(): number {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = 0, v = 0, s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  }
  return { uniform, normal };
}
