/**
 * Splits a regimen string into tokens with their positions, so every parse error can point at a column.
 * "4.5mg q24h x14" → num 4.5, word mg, word q, num 24, word h, word x, num 14. Case-insensitive.
 */

export type RegimenTokenKind = 'num' | 'word' | 'time' | 'comma' | 'end';

export interface RegimenToken {
  readonly kind: RegimenTokenKind;
  /** Lower-cased source text of the token ("" at the end). */
  readonly text: string;
  /** 1-based column of the first character. */
  readonly col: number;
}

export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly RegimenToken[] }
  | { readonly ok: false; readonly col: number; readonly char: string };

const TIME = /^\d{1,2}:\d{2}(?![\d:])/;
const NUM = /^\d+(?:\.\d+)?/;
const WORD = /^[a-z]+/;

export function tokenizeRegimen(input: string): TokenizeResult {
  // ASCII-only lower-casing keeps every column equal to the position in the original string.
  const text = input.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const tokens: RegimenToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const rest = text.slice(i, i + 32);
    let m: RegExpExecArray | null;
    if (c === ',') {
      tokens.push({ kind: 'comma', text: ',', col: i + 1 });
      i++;
    } else if (c === '×') {
      // The multiplication sign reads the same as "x" ("4.5 mg qd × 14").
      tokens.push({ kind: 'word', text: 'x', col: i + 1 });
      i++;
    } else if ((m = TIME.exec(rest)) !== null) {
      tokens.push({ kind: 'time', text: m[0], col: i + 1 });
      i += m[0].length;
    } else if ((m = NUM.exec(text.slice(i, i + 64))) !== null) {
      tokens.push({ kind: 'num', text: m[0], col: i + 1 });
      i += m[0].length;
    } else if ((m = WORD.exec(rest)) !== null) {
      tokens.push({ kind: 'word', text: m[0], col: i + 1 });
      i += m[0].length;
    } else {
      return { ok: false, col: i + 1, char: input[i] };
    }
  }
  tokens.push({ kind: 'end', text: '', col: text.length + 1 });
  return { ok: true, tokens };
}
