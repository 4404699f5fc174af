/**
 * Autosave of the last good scenarios (issue 5, item 7): written after every run that ended with status ok, read
 * when the page opens without state in its URL. Storage can be full, disabled or hold junk from an older version:
 * every failure here is silent and leaves the app on its defaults (the stored text is validated by the caller).
 */
export const AUTOSAVE_KEY = 'ldn-lab:last-good:v1';

export interface Saved {
  readonly current: unknown;
  readonly pinned?: unknown;
}

export function saveLastGood(saved: Saved, storage: Storage | null = safeStorage()): void {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(saved));
  } catch {
    /* quota or privacy mode: autosave is a convenience */
  }
}

export function loadLastGood(storage: Storage | null = safeStorage()): Saved | null {
  try {
    const text = storage?.getItem(AUTOSAVE_KEY);
    if (!text || text.length > 1_000_000) return null;
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && 'current' in v ? (v as Saved) : null;
  } catch {
    return null;
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
