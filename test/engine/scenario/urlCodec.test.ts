import { describe, expect, it } from 'vitest';
import {
  base64urlDecode, base64urlEncode, decodeScenario, encodeScenario, utf8Decode, utf8Encode,
} from '../../../src/engine/scenario/urlCodec';
import { validateScenario } from '../../../src/engine/scenario/validateScenario';
import type { Scenario } from '../../../src/engine/scenario/types';

function valid(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.status.message);
  return r.scenario;
}

const ldn = valid({
  version: 1, name: 'LDN 4.5 mg ☾ nightly 😴', duration_h: 336, output_step_h: 0.25,
  regimen: '4.5 mg q24h x 14 at 22:00', hypotheses: { persistence: 'slow_dissociation' },
  comedication: { drug: 'morphine', regimen: { doses: [{ time_h: 1.5, amount_mg: 10 }] }, dependent: false },
});

describe('urlCodec', () => {
  it('encodes a scenario as "1." + base64url text (URL-safe: letters, digits, "-", "_", ".")', () => {
    const token = encodeScenario(ldn);
    expect(token.startsWith('1.')).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('decodes the token, a "#s=" fragment or a whole URL back to the same scenario', () => {
    const token = encodeScenario(ldn);
    for (const link of [token, `#s=${token}`, `https://example.org/ldn/?x=1#s=${token}&v=2`, `?s=${token}`]) {
      const r = decodeScenario(link);
      expect(r.ok && r.scenario).toEqual(ldn);
    }
  });

  it('gives equal links for equal scenarios whatever the key order of the input', () => {
    const reordered = valid({ regimen: '4.5 mg q24h x 14 at 22:00', output_step_h: 0.25, duration_h: 336, version: 1 });
    const ordered = valid({ version: 1, duration_h: 336, output_step_h: 0.25, regimen: '4.5 mg q24h x 14 at 22:00' });
    expect(encodeScenario(reordered)).toBe(encodeScenario(ordered));
  });

  it('answers a broken link with INVALID_INPUT on field "url" and says what to do, never a throw', () => {
    const token = encodeScenario(ldn);
    const cases: [string, RegExp][] = [
      ['', /holds no scenario/],
      ['https://example.org/#s=', /holds no scenario/],
      ['2.abcd', /should start with "1\."/],
      ['1.ab$d', /invalid character "\$" at position 3/],
      ['1.abcde', /impossible length/],
      [token.slice(0, token.length - 7), /cut short/],
      ['1.' + base64urlEncode(Uint8Array.from([0xff, 0xfe])), /not valid UTF-8/],
    ];
    for (const [link, pattern] of cases) {
      const r = decodeScenario(link);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.status.code).toBe('INVALID_INPUT');
      expect(r.status.field).toBe('url');
      expect(r.status.message).toMatch(pattern);
    }
    expect(decodeScenario(undefined).ok).toBe(false);
  });

  it('passes a link that decodes to an invalid scenario through the validator (field path kept)', () => {
    const bad = '1.' + base64urlEncode(utf8Encode('{"version":1,"duration_h":-1,"output_step_h":1,"regimen":"none"}'));
    const r = decodeScenario(bad);
    expect(!r.ok && r.status.field).toBe('duration_h');
  });

  it('base64url matches RFC 4648 test vectors (§10, without padding)', () => {
    const enc = (s: string) => base64urlEncode(utf8Encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy']);
    // 0xfb 0xff → "+/8=" in standard base64, "-_8" in base64url.
    expect(base64urlEncode(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect(Array.from(base64urlDecode('-_8') as Uint8Array)).toEqual([0xfb, 0xff]);
  });

  it('UTF-8 encodes 1- to 4-byte characters as the standard says and refuses malformed bytes', () => {
    // "€" is U+20AC → E2 82 AC; "😀" is U+1F600 → F0 9F 98 80 (RFC 3629 encoding table).
    expect(Array.from(utf8Encode('a€😀'))).toEqual([0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8Decode(utf8Encode('a€😀'))).toBe('a€😀');
    expect(utf8Decode(Uint8Array.from([0xc0, 0x80]))).toBeUndefined(); // overlong NUL
    expect(utf8Decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeUndefined(); // encoded surrogate
    expect(utf8Decode(Uint8Array.from([0xe2, 0x82]))).toBeUndefined(); // truncated
  });
});
