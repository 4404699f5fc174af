import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// architecture.md: the view may use model metadata and the worker client, never the engine itself, so heavy work
// cannot land on the main thread. Type-only imports are erased at build time and are allowed.
const dir = join(import.meta.dirname, '../../../src/view/research');

describe('src/view/research', () => {
  it('imports the engine only as types', () => {
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        if (m[2].includes('/engine/') && !m[1]) offenders.push(`${f}: ${m[0].replace(/\s+/g, ' ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never writes markup from strings (innerHTML, insertAdjacentHTML, d3 .html())', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|\.html\(/);
    }
  });
});
