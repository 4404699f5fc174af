import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The page's Content-Security-Policy (issue 6, part 5). A meta tag works for the static build without server
 * configuration (CSP Level 3 §3.3; frame-ancestors, report-uri and sandbox are not available in meta).
 */
const html = readFileSync(join(__dirname, '../../index.html'), 'utf8');

function csp(): Map<string, string[]> {
  const m = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2/i.exec(html);
  if (!m) throw new Error('index.html has no <meta http-equiv="Content-Security-Policy" content="…">');
  const map = new Map<string, string[]>();
  for (const part of m[3].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('index.html Content-Security-Policy', () => {
  it('is declared in a meta tag before any script', () => {
    const metaAt = html.search(/http-equiv=["']Content-Security-Policy/i);
    const scriptAt = html.search(/<script/i);
    expect(metaAt).toBeGreaterThan(0);
    if (scriptAt >= 0) expect(metaAt).toBeLessThan(scriptAt);
  });

  it("allows no 'unsafe-inline', 'unsafe-eval' or 'unsafe-hashes' anywhere", () => {
    for (const [name, values] of csp()) {
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"]) {
        expect(values, `${name} must not contain ${bad}`).not.toContain(bad);
      }
    }
  });

  it("runs scripts only from the app's own origin and blocks plugins and <base> rewriting", () => {
    const p = csp();
    expect(p.get('default-src')).toEqual(["'self'"]);
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    // Workers from the app (or a blob: URL it made) only; no wildcard or data: source for code.
    expect(p.get('worker-src')?.every((v) => v === "'self'" || v === 'blob:')).toBe(true);
    for (const name of ['default-src', 'script-src', 'worker-src', 'connect-src']) {
      for (const v of p.get(name) ?? []) expect(['*', 'data:', 'http:', 'https:'], `${name} ${v}`).not.toContain(v);
    }
  });

  it('has no inline scripts, event-handler attributes or style attributes the policy would block', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
