/**
 * Colours for curves: the Okabe–Ito colour-blind-safe hues (Okabe & Ito 2008, "Color Universal Design"),
 * darkened where needed so that every colour reaches a contrast of at least 4.5:1 against the white plot
 * background (WCAG 2.1 §1.4.3, checked in test/browser/view/theme/palette.test.ts). Hue order is kept, so
 * the colours stay distinguishable for deuteranopes, protanopes and tritanopes.
 */
export const PALETTE = Object.freeze({
  blue: '#0072B2', // Okabe–Ito blue, unchanged (5.2:1)
  vermillion: '#B34D00', // Okabe–Ito #D55E00 darkened (3.9:1 → 5.3:1)
  green: '#00785A', // Okabe–Ito bluish green #009E73 darkened (3.4:1 → 5.5:1)
  purple: '#A8557F', // Okabe–Ito reddish purple #CC79A7 darkened (3.1:1 → 4.9:1)
  ochre: '#986400', // Okabe–Ito orange #E69F00 darkened (2.3:1 → 5.1:1)
  black: '#1F1F1F',
});

/** Page and plot background, text and muted text (all text ≥ 4.5:1 on BACKGROUND). */
export const BACKGROUND = '#FFFFFF';
export const INK = '#1F1F1F';
export const MUTED_INK = '#5C5C5C';
/** Sleep-window shading and grid lines: decoration only, not information carriers. */
export const SLEEP_FILL = '#E8EEF6';
export const GRID = '#E4E4E4';
