import type { Scenario } from './types';
import { SCENARIO_LIMITS } from './limits';
import { parseScenarioJson } from './parseScenarioJson';
import type { ValidateOptions, ValidationResult } from './validateScenario';

/**
 * Scenario ⇄ URL-safe text, for share links (`#s=<token>`). Pure: no DOM, no TextEncoder, no atob (the engine
 * layer has only ES2022), so UTF-8 and base64url are done by hand here.
 *
 * Token = "1." + base64url(UTF-8(JSON.stringify(scenario))). The "1." names the codec, not the scenario
 * version (the JSON carries that), so a future compressed codec can coexist. A validated scenario has a fixed
 * key order, so its token is canonical: equal scenarios give equal links.
 */
export const URL_CODEC_PREFIX = '1.';

export function encodeScenario(scenario: Scenario): string {
  return URL_CODEC_PREFIX + base64urlEncode(utf8Encode(JSON.stringify(scenario)));
}

/**
 * Token, fragment ("#s=…"), query or whole URL → validated scenario. A broken or tampered link gives
 * INVALID_INPUT (field "url") saying what is wrong; never throws.
 */
export function decodeScenario(text: unknown, options: ValidateOptions = {}): ValidationResult {
  const fail = (message: string): ValidationResult => ({ ok: false, status: { code: 'INVALID_INPUT', field: 'url', message: `url: ${message}` } });
  if (typeof text !== 'string') return fail(`expected the link text, got ${text === null ? 'null' : typeof text}.`);
  // base64 of the largest accepted JSON (UTF-8 at up to 3 bytes per character), plus room for a URL around it.
  const maxChars = Math.ceil((SCENARIO_LIMITS.maxJsonChars * 3 * 4) / 3) + 4096;
  if (text.length > maxChars) return fail(`the link is ${text.length} characters long; at most ${maxChars} are accepted.`);
  const token = extractToken(text.trim());
  if (token === '') return fail('the link holds no scenario: expected "#s=1.<data>" or a token starting with "1.".');
  if (!token.startsWith(URL_CODEC_PREFIX)) {
    return fail(`the scenario data should start with "${URL_CODEC_PREFIX}" (the link format); this link may be from another app or cut short.`);
  }
  const bytes = base64urlDecode(token.slice(URL_CODEC_PREFIX.length));
  if (typeof bytes === 'string') return fail(`${bytes} The link may have been cut short or altered: copy it again.`);
  const json = utf8Decode(bytes);
  if (json === undefined) return fail('the scenario data is not valid UTF-8 text. The link may have been altered: copy it again.');
  const r = parseScenarioJson(json, options);
  if (!r.ok && r.status.field === 'json') {
    return fail(`the decoded scenario is ${r.status.message.replace(/^json: /, '').replace(/\.$/, '')}. The link may have been cut short: copy it again.`);
  }
  return r;
}

/** The token from "…#s=TOKEN&…", "?s=TOKEN", "s=TOKEN" or a bare token. */
function extractToken(text: string): string {
  const m = /(?:^|[#?&])s=([^&#\s]*)/.exec(text);
  if (m) return m[1];
  return text.replace(/^[#?]/, '');
}

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    // An unpaired surrogate is encoded as U+FFFD (the validator refuses such text anyway).
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Strict UTF-8 → string; undefined on any malformed, overlong or surrogate sequence. */
export function utf8Decode(b: Uint8Array): string | undefined {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let cp: number;
    let n: number;
    if (c < 0x80) { cp = c; n = 0; }
    else if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; n = 1; }
    else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; n = 2; }
    else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; n = 3; }
    else return undefined;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((n === 2 && cp < 0x800) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    i += n + 1;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      chunk.push(cp);
    }
    if (chunk.length >= 8192) { parts.push(String.fromCharCode(...chunk)); chunk = []; }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: Readonly<Record<string, number>> = Object.fromEntries([...ALPHABET].map((ch, i) => [ch, i]));

/** base64url without padding (RFC 4648 §5). */
export function base64urlEncode(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    s += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (b !== undefined) s += ALPHABET[(n >> 6) & 63];
    if (c !== undefined) s += ALPHABET[n & 63];
  }
  return s;
}

/** base64url → bytes, or a message naming the first bad character. Accepts and ignores trailing "=" padding. */
export function base64urlDecode(text: string): Uint8Array | string {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return `the scenario data has an impossible length (${s.length} characters).`;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const len = Math.min(4, s.length - i);
    for (let k = 0; k < 4; k++) {
      let v = 0;
      if (k < len) {
        const ch = s[i + k];
        const idx = Object.prototype.hasOwnProperty.call(INDEX, ch) ? INDEX[ch] : undefined;
        if (idx === undefined) return `the scenario data has an invalid character ${JSON.stringify(ch)} at position ${i + k + 1}.`;
        v = idx;
      }
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (len > 2) out[o++] = (n >> 8) & 255;
    if (len > 3) out[o++] = n & 255;
  }
  return out;
}
