import type { Status } from '../status';
import { SCENARIO_VERSION } from './types';

/**
 * The migration hook for old scenario versions. Each entry upgrades a document from version n to n + 1; the
 * validator then checks the result as the current version. Version 1 is the first, so the table is empty:
 * anything else is refused with a reason. When version 2 arrives, add `1: (doc) => ({ ...doc, version: 2, … })`.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};

export type MigrationResult =
  | { readonly ok: true; readonly doc: Record<string, unknown> }
  | { readonly ok: false; readonly status: Status };

/** `migrations` is a parameter so the hook itself can be tested before any real migration exists. */
export function migrateScenario(doc: Record<string, unknown>, migrations: typeof MIGRATIONS = MIGRATIONS): MigrationResult {
  const refuse = (message: string): MigrationResult => ({
    ok: false,
    status: { code: 'INVALID_INPUT', field: 'version', message: `version: ${message}` },
  });
  if (!Object.prototype.hasOwnProperty.call(doc, 'version')) {
    return refuse(`missing. Every scenario states its format version: add "version": ${SCENARIO_VERSION}.`);
  }
  const given = doc.version;
  if (typeof given !== 'number' || !Number.isInteger(given)) {
    const shown = typeof given === 'string' && given.length <= 20 ? JSON.stringify(given) : typeof given === 'number' ? String(given) : given === null ? 'null' : typeof given;
    return refuse(`must be the whole number ${SCENARIO_VERSION}, got ${shown}.`);
  }
  let v: number = given;
  if (v > SCENARIO_VERSION) {
    return refuse(`${v} is newer than this version of LDN Lab understands (${SCENARIO_VERSION}); update the app or re-export the scenario as version ${SCENARIO_VERSION}.`);
  }
  let current = doc;
  while (v < SCENARIO_VERSION) {
    const step = Object.prototype.hasOwnProperty.call(migrations, v) ? migrations[v] : undefined;
    if (!step) return refuse(`${v} is not a known scenario version and cannot be migrated; the current version is ${SCENARIO_VERSION}.`);
    current = step(current);
    const next = current.version;
    // A migration must move forward, or the loop would never end.
    if (typeof next !== 'number' || !(next > v)) return refuse(`the migration from version ${v} did not produce a newer version.`);
    v = next;
  }
  return { ok: true, doc: current };
}
