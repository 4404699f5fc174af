/**
 * Bounds for regimen strings. They keep every expansion small and finite (a string cannot ask for a billion
 * doses) while leaving room for any realistic oral regimen. doc/scenario.md lists them for users.
 */
export const REGIMEN_LIMITS = Object.freeze({
  /** Longest regimen string accepted (characters). */
  maxLength: 2000,
  /** Smallest single dose (mg): 1 µg; below it a number would print in exponent form. */
  minAmountMg: 0.001,
  /** Largest single dose (mg); 50 mg is the standard naltrexone dose, 1000 mg is far beyond any use. */
  maxAmountMg: 1000,
  /** Shortest and longest dosing interval (h). */
  minIntervalH: 0.01,
  maxIntervalH: 8760,
  /** Shortest and longest dose-free gap of an `off` step (h). The lower bounds keep every number printable
   * without an exponent, so formatted text always parses again. */
  minOffH: 0.01,
  maxOffH: 17520,
  /** Most doses one regimen may produce (before skips). */
  maxDoses: 20000,
});
