import { describe, expect, it } from 'vitest';
import { migrateScenario, MIGRATIONS } from '../../../src/engine/scenario/migrateScenario';

describe('migrateScenario', () => {
  it('has no migrations yet: version 1 is the first format', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    const doc = { version: 1, duration_h: 1 };
    const r = migrateScenario(doc);
    expect(r.ok && r.doc).toBe(doc);
  });

  it('runs the chain of migrations from an old version up to the current one', () => {
    // A made-up version 0 that called the field "hours": the hook renames it and bumps the version.
    const migrations = { 0: ({ hours, ...rest }: Record<string, unknown>) => ({ ...rest, duration_h: hours, version: 1 }) };
    const r = migrateScenario({ version: 0, hours: 48 }, migrations);
    expect(r.ok && r.doc).toEqual({ version: 1, duration_h: 48 });
  });

  it('refuses a migration that does not move the version forward (it would loop forever)', () => {
    const r = migrateScenario({ version: 0 }, { 0: (d) => ({ ...d }) });
    expect(!r.ok && r.status.message).toMatch(/did not produce a newer version/);
  });

  it('refuses missing, non-integer, unknown and future versions with the reason, on field "version"', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /missing.*add "version": 1/],
      [{ version: 1.5 }, /whole number 1, got 1.5/],
      [{ version: null }, /whole number 1, got null/],
      [{ version: -3 }, /-3 is not a known scenario version/],
      [{ version: 7 }, /7 is newer than this version of LDN Lab understands \(1\)/],
    ];
    for (const [doc, pattern] of cases) {
      const r = migrateScenario(doc);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.status).toMatchObject({ code: 'INVALID_INPUT', field: 'version' });
      expect(r.status.message).toMatch(pattern);
    }
  });
});
