import type { Scenario } from '../engine/scenario/types';

/**
 * Built-in scenarios (issue 5, "Presets"). Times: t = 0 is midnight at the start of day 1; regimen strings use the
 * grammar of doc/scenario.md. Output every 0.1 h resolves the ~1 h absorption peak to a few percent.
 */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly scenario: Scenario;
}

const base = { version: 1 as const, output_step_h: 0.1 };

export const PRESETS: readonly Preset[] = [
  {
    id: 'ldn-4.5-nightly',
    label: 'LDN 4.5 mg nightly (7 days)',
    scenario: { ...base, name: 'LDN 4.5 mg nightly', duration_h: 7 * 24, regimen: '4.5 mg q24h x 7 at 22:00' },
  },
  {
    id: 'ntx-50-daily',
    label: 'Naltrexone 50 mg daily (7 days)',
    scenario: { ...base, name: '50 mg daily', duration_h: 7 * 24, regimen: '50 mg q24h x 7 at 08:00' },
  },
  {
    id: 'ldn-titration',
    label: 'LDN titration 0.5 → 4.5 mg (28 days)',
    scenario: {
      ...base,
      name: 'LDN titration 0.5 → 4.5 mg',
      duration_h: 28 * 24,
      regimen: '0.5 mg q24h x 7 then 1.5 mg q24h x 7 then 3 mg q24h x 7 then 4.5 mg q24h x 7 at 22:00',
    },
  },
  {
    id: 'stop-after-50',
    label: 'Stopping after 50 mg daily (14 days, stop on day 8)',
    scenario: { ...base, name: 'Stop after 50 mg daily', duration_h: 14 * 24, regimen: '50 mg q24h x 7 at 08:00' },
  },
  {
    id: 'ldn-28-days',
    label: 'LDN 4.5 mg nightly (28 days)',
    scenario: { ...base, name: 'LDN 4.5 mg nightly, 28 days', duration_h: 28 * 24, regimen: '4.5 mg q24h x 28 at 22:00' },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The opening view (issue 2): LDN 4.5 mg nightly (B, being edited) against 50 mg daily (A, pinned), 7 days. */
export const DEFAULT_CURRENT = PRESETS[0].scenario;
export const DEFAULT_PINNED = PRESETS[1].scenario;
