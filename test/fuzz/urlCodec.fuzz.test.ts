import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../src/engine/scenario/urlCodec';
import { validateScenario, type ValidationResult } from '../../src/engine/scenario/validateScenario';
import { formatRegimen } from '../../src/engine/regimen/formatRegimen';
import { RUNS, SEED, SPECS, validScenario } from './arbitraries';

const options = { parameterSpecs: SPECS };

describe('share links under fuzzing (fast-check, seeded)', () => {
  it(`round-trips ${RUNS} generated valid scenarios through a link exactly`, () => {
    let chars = 0;
    fc.assert(
      fc.property(validScenario(formatRegimen), (doc) => {
        const v = validateScenario(doc, options);
        if (!v.ok) return false;
        const token = encodeScenario(v.scenario);
        chars = Math.max(chars, token.length);
        const back = decodeScenario(`https://example.org/#s=${token}`, options);
        expect(back.ok && back.scenario).toEqual(v.scenario);
        // Canonical: encoding the decoded scenario gives the same link.
        expect(back.ok && encodeScenario(back.scenario)).toBe(token);
        return true;
      }),
      { seed: SEED + 20, numRuns: RUNS },
    );
    console.log(`fuzz urlCodec valid: ${RUNS} scenarios round-tripped through links (longest ${chars} characters)`);
  });

  it(`never throws on ${RUNS} broken links (truncated, altered, random) and refuses each with a named field`, () => {
    let thrown = 0, accepted = 0, maxMs = 0;
    const brokenLink = fc.oneof(
      // A valid link cut short, or with one character replaced, inserted or deleted.
      fc.tuple(validScenario(formatRegimen), fc.nat(), fc.constantFrom('cut', 'replace', 'insert', 'delete'), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([doc, at, how, ch]) => {
          const v = validateScenario(doc, options);
          const token = v.ok ? encodeScenario(v.scenario) : '1.';
          const i = 2 + (at % Math.max(1, token.length - 2));
          if (how === 'cut') return token.slice(0, i);
          if (how === 'replace') return token.slice(0, i) + ch + token.slice(i + 1);
          if (how === 'insert') return token.slice(0, i) + ch + token.slice(i);
          return token.slice(0, i) + token.slice(i + 1);
        }),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }).map((s) => `#s=1.${s}`),
      fc.base64String({ maxLength: 400 }).map((s) => `1.${s.replace(/\+/g, '-').replace(/\//g, '_')}`),
    );
    fc.assert(
      fc.property(brokenLink, (link) => {
        let r: ValidationResult | undefined;
        const t0 = performance.now();
        try { r = decodeScenario(link, options); } catch { thrown++; }
        maxMs = Math.max(maxMs, performance.now() - t0);
        if (!r) return false;
        if (r.ok) { accepted++; return true; } // an altered character can still decode to a valid scenario
        return r.status.code === 'INVALID_INPUT' && !!r.status.field && r.status.message.startsWith(`${r.status.field}: `);
      }),
      { seed: SEED + 21, numRuns: RUNS },
    );
    console.log(`fuzz urlCodec broken: ${RUNS} links, ${RUNS - accepted} refused with a field, ${accepted} still valid, ${thrown} exceptions, slowest ${maxMs.toFixed(1)} ms`);
    expect(thrown).toBe(0);
    expect(maxMs).toBeLessThan(500);
  });
});
