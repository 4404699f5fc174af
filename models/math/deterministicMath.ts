/**
 * exp, log and pow computed with IEEE-754 basic arithmetic only, so that they give the same bits everywhere.
 *
 * Why: the engine promises bitwise-identical results in Node, in a worker and on the page (architecture.md,
 * contract 2). `Math.exp/log/pow` are not required to be correctly rounded, and V8's own versions changed between
 * Node 20 (V8 11.3) and current Chromium: the last bit differs for some arguments, the solver then takes a different
 * (equally valid) step sequence, and the curves differ at the level of the tolerance. +, −, ×, ÷ and sqrt are
 * correctly rounded by IEEE-754 and JavaScript never contracts them into FMAs, so functions built only from them are
 * reproducible. These are ports of Sun's fdlibm (e_exp.c, e_log.c; error < 1 ulp); `pow` is exp(y·log x) with exact
 * shortcuts for the common integer and half exponents (relative error ≈ |y·ln x|·2⁻⁵³, ample for a model).
 *
 * Models and the solver must use these instead of Math.exp/log/pow (test/models/math checks the sources).
 */

// Access to the two 32-bit halves of a double. Every JS engine we run on is little-endian; checked at load.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1; // 0x3ff00000_00000000
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}
function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO] | 0;
}
function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi >>> 0;
  return f64[0];
}
/** 2^k exactly, for −1022 ≤ k ≤ 1023. */
function pow2(k: number): number {
  u32[LO] = 0;
  u32[HI] = ((k + 1023) << 20) >>> 0;
  return f64[0];
}

// e_exp.c constants
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;

/** e^x (fdlibm e_exp.c). */
export function exp(x: number): number {
  if (x !== x) return x; // NaN
  if (x > O_THRESHOLD) return Infinity;
  if (x < U_THRESHOLD) return 0;
  const ax = x < 0 ? -x : x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > 0.5 * LN2_HI * 1.0000000001) {
    // argument reduction: x = k·ln2 + r, |r| ≤ 0.5·ln2
    if (ax < 1.5 * LN2_HI) {
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zeros
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return k > 1023 ? y * 2 * pow2(k - 1) : y * pow2(k);
  return y * pow2(k + 1000) * pow2(-1000);
}

// e_log.c constants
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // Inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // normalise x or x/2 into [sqrt(2)/2, sqrt(2))
  k += i0 >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** x^y for the cases a model or a step-size controller needs (IEEE special cases follow Math.pow). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0.5 && x >= 0) return x === Infinity ? Infinity : Math.sqrt(x) + 0; // +0 for -0 → 0 as Math.pow does
  if (y === -1) return 1 / x;
  if (x === 0) {
    const oddInt = Number.isInteger(y) && Math.abs(y % 2) === 1;
    if (y > 0) return oddInt ? x : 0;
    return oddInt && Object.is(x, -0) ? -Infinity : Infinity;
  }
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const m = pow(-x, y);
    return Math.abs(y % 2) === 1 ? -m : m;
  }
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (x === 1) return 1;
  return exp(y * log(x));
}
