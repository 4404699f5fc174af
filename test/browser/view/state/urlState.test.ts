import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../../../src/view/state/urlState';
import type { Scenario } from '../../../../src/engine/scenario/types';

const b: Scenario = { version: 1, name: 'Ünïcode “name” & <b>tags</b>', duration_h: 168, output_step_h: 0.1, regimen: '4.5 mg q24h x 7 at 22:00' };
const a: Scenario = { version: 1, duration_h: 168, output_step_h: 0.1, regimen: '50 mg q24h x 7 at 08:00' };

describe('URL state', () => {
  it('round-trips both scenarios and every view option', () => {
    const hash = encodeUrlState({ current: b, pinned: a, log: true, diff: true, zoom: [24, 72.5], present: true });
    const d = decodeUrlState(hash);
    expect(d.current?.ok && d.current.scenario).toEqual(b);
    expect(d.pinned?.ok && d.pinned.scenario).toEqual(a);
    expect(d).toMatchObject({ log: true, diff: true, zoom: [24, 72.5], present: true });
  });
  it('uses only URL-safe characters', () => {
    expect(encodeUrlState({ current: b })).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
  });
  it('reports a tampered scenario as INVALID_INPUT instead of throwing', () => {
    const hash = encodeUrlState({ current: b }).slice(0, -7) + '!!!';
    const d = decodeUrlState(hash);
    expect(d.current?.ok).toBe(false);
    expect(!d.current?.ok && d.current?.status.code).toBe('INVALID_INPUT');
  });
  it('ignores a malformed zoom', () => {
    for (const z of ['zoom=5,1', 'zoom=a,b', 'zoom=-3,4']) expect(decodeUrlState(`#${z}`).zoom).toBeNull();
  });
});
