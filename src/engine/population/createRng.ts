/**
 * A seeded pseudo-random generator (mulberry32, Tommy Ettinger 2017: a 32-bit state, period 2^32, passes
 * PractRand to 2^32 bytes): enough for virtual subjects, deterministic on every JS engine because it uses only
 * 32-bit integer arithmetic (Math.imul), so a seed gives bit-identical populations in Node, workers and pages.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1) (Box–Muller, both variates used). */
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
  function normal(): number {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    // u1 in (0, 1] so that log(u1) is finite.
    const u1 = 1 - uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * u2);
  }
  return { uniform, normal };
}
