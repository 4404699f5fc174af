/**
 * Patient phenotype presets: the TLR4 inflammatory drive. "inflamed" (elevated markers) is an assumption to explore:
 * a threefold drive raises untreated activated microglia from 10 % to 25 % and IL-6/TNF-α 2.5-fold (absolute
 * read-outs); the *_rel observables stay 1.0 at each patient's own untreated baseline.
 */
export const PHENOTYPE_PRESETS: Record<'normal' | 'inflamed', Record<string, number>> = {
  normal: { inflammatory_drive: 1 },
  inflamed: { inflammatory_drive: 3 },
};
