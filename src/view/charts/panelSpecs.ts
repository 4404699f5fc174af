import { PALETTE } from '../theme/palette';

/**
 * What each linked chart panel shows. A panel is a plain options object (as in Observable Plot): the chart code
 * knows nothing about pharmacology, and the observable ids here are the contract ids (architecture.md, contract 3).
 */
export interface SeriesSpec {
  /** Observable id in SimulationResult.observables; also the line's data-observable attribute. */
  readonly observable: string;
  readonly label: string;
  readonly color: string;
  /** Multiply values by this for display (100 turns a fraction into %). */
  readonly factor?: number;
}

export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  /** Axis unit, shown in the y-axis label. */
  readonly unit: string;
  readonly series: readonly SeriesSpec[];
  /** Fixed y domain (display units); otherwise fitted to the data, starting at 0 on a linear scale. */
  readonly yDomain?: readonly [number, number];
  /** A log scale is offered (concentrations spanning decades). */
  readonly logAllowed?: boolean;
  readonly referenceLines?: readonly ReferenceLine[];
  /** Value every series sits at with no drug (1.0 for the `_rel` observables): drawn as a faint baseline. */
  readonly baseline?: number;
  /** Number of decimals in the read-out. */
  readonly digits?: number;
  /**
   * Smallest y span shown on a linear axis (display units), centred on the baseline (or 0 for differences), so a
   * negligible change looks negligible instead of being stretched over the whole panel.
   */
  readonly minSpan?: number;
  /** Shown only when the scenario has an opioid co-medication. */
  readonly requiresComedication?: boolean;
}

export const PLASMA_PANEL: PanelSpec = {
  id: 'plasma',
  title: 'Plasma concentration',
  unit: 'ng/mL',
  logAllowed: true,
  digits: 2,
  series: [
    { observable: 'naltrexone_ng_per_ml', label: 'Naltrexone', color: PALETTE.blue },
    { observable: 'naltrexol_ng_per_ml', label: '6β-naltrexol', color: PALETTE.vermillion },
  ],
};

export const OCCUPANCY_PANEL: PanelSpec = {
  id: 'occupancy',
  title: 'μ-opioid receptor occupancy by naltrexone + 6β-naltrexol',
  unit: '%',
  yDomain: [0, 100],
  digits: 1,
  series: [{ observable: 'mor_occupancy', label: 'MOR occupancy', color: PALETTE.purple, factor: 100 }],
  referenceLines: [
    { value: 50, label: '50 %' },
    { value: 90, label: '90 % blockade' },
  ],
};

export const OPIOID_SYSTEM_PANEL: PanelSpec = {
  id: 'opioid-system',
  title: 'Endogenous opioid system (1 = untreated baseline)',
  unit: 'relative',
  baseline: 1,
  minSpan: 0.1,
  digits: 3,
  series: [
    { observable: 'mor_density_rel', label: 'Receptor density', color: PALETTE.green },
    { observable: 'endorphin_rel', label: 'Endorphin', color: PALETTE.ochre },
    { observable: 'opioid_signal_rel', label: 'Opioid signal', color: PALETTE.black },
  ],
};

export const MICROGLIA_PANEL: PanelSpec = {
  id: 'microglia',
  title: 'Microglia activation (TLR4 pathway)',
  unit: '%',
  minSpan: 5,
  digits: 2,
  series: [
    { observable: 'microglia_activation', label: 'Microglia activation', color: PALETTE.green, factor: 100 },
    { observable: 'tlr4_inhibition', label: 'TLR4 inhibition', color: PALETTE.ochre, factor: 100 },
  ],
};

export const CYTOKINE_PANEL: PanelSpec = {
  id: 'cytokines',
  title: 'Cytokines (1 = the patient’s untreated baseline)',
  unit: 'relative',
  baseline: 1,
  minSpan: 0.1, // ±5 % around baseline: LDN's cytokine change with the published TLR4 potency is ~0.1 %, and looks it
  digits: 4,
  series: [
    { observable: 'il6_rel', label: 'IL-6', color: PALETTE.vermillion },
    { observable: 'tnf_rel', label: 'TNF-α', color: PALETTE.blue },
  ],
};

export const COMEDICATION_PANEL: PanelSpec = {
  id: 'comedication',
  title: 'Opioid co-medication: analgesic signal and withdrawal indicator',
  unit: 'baseline signal units',
  digits: 3,
  requiresComedication: true,
  series: [
    { observable: 'agonist_signal_rel', label: 'Co-medication signal', color: PALETTE.blue },
    { observable: 'withdrawal_index', label: 'Withdrawal indicator', color: PALETTE.vermillion },
  ],
};

export const ALL_PANELS: readonly PanelSpec[] = [
  PLASMA_PANEL, OCCUPANCY_PANEL, OPIOID_SYSTEM_PANEL, MICROGLIA_PANEL, CYTOKINE_PANEL, COMEDICATION_PANEL,
];
