import type { Scenario } from '../../engine/scenario/types';
import type { ValidateOptions, ValidationResult } from '../../engine/scenario/validateScenario';
import { decodeScenario, encodeScenario } from '../../engine/scenario/urlCodec';

/**
 * The whole view in the URL fragment, so a link reproduces it exactly (issue 5, item 7):
 *   #s=<scenario B>&a=<scenario A>&log=1&diff=1&zoom=<from_h>,<to_h>&present=1
 * Scenarios use the engine's link codec (src/engine/scenario/urlCodec.ts, "#s=1.<base64url JSON>"), which
 * validates on the way in, so a tampered link gives a clear INVALID_INPUT instead of a broken page.
 */
export interface UrlState {
  readonly current?: Scenario;
  readonly pinned?: Scenario;
  readonly log?: boolean;
  readonly diff?: boolean;
  readonly zoom?: readonly [number, number] | null;
  readonly present?: boolean;
}

export interface DecodedUrlState {
  readonly current?: ValidationResult;
  readonly pinned?: ValidationResult;
  readonly log: boolean;
  readonly diff: boolean;
  readonly zoom: readonly [number, number] | null;
  readonly present: boolean;
}

export function encodeUrlState(s: UrlState): string {
  const parts: string[] = [];
  if (s.current) parts.push(`s=${encodeScenario(s.current)}`);
  if (s.pinned) parts.push(`a=${encodeScenario(s.pinned)}`);
  if (s.log) parts.push('log=1');
  if (s.diff) parts.push('diff=1');
  if (s.zoom) parts.push(`zoom=${s.zoom.map((v) => String(Number(v.toFixed(3)))).join(',')}`);
  if (s.present) parts.push('present=1');
  return parts.length ? `#${parts.join('&')}` : '';
}

export function decodeUrlState(hash: string, options: ValidateOptions = {}): DecodedUrlState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(text);
  const s = params.get('s');
  const a = params.get('a');
  let zoom: [number, number] | null = null;
  const z = params.get('zoom');
  if (z) {
    const [z0, z1] = z.split(',').map(Number);
    if (Number.isFinite(z0) && Number.isFinite(z1) && z1 > z0 && z0 >= 0) zoom = [z0, z1];
  }
  return {
    current: s === null ? undefined : decodeScenario(s, options),
    pinned: a === null ? undefined : decodeScenario(a, options),
    log: params.get('log') === '1',
    diff: params.get('diff') === '1',
    zoom,
    present: params.get('present') === '1',
  };
}
