/**
 * Lets the page notice this worker's death even when nothing is said: a worker that closes itself or is killed
 * fires no event on the page, and comlink would wait forever. The worker takes a Web Lock named after itself and
 * never releases it; the browser releases it when the worker's thread ends, however it ends, and the page's
 * supervisor — queued for the same lock — is then granted it: that grant is the death notice.
 *
 * `held` resolves once the lock is really held. The worker must not name the lock to the page before that: lock
 * requests travel to the browser's lock manager over separate channels, so a page that asked right after the
 * worker could still be served first, and would take a live worker for dead (seen in Chromium).
 * Returns null where Web Locks or a worker name are unavailable (then only timeouts catch a silent death).
 */
export interface LifeLock {
  readonly name: string;
  readonly held: Promise<void>;
}

export function holdLifeLock(): LifeLock | null {
  const scope = globalThis as { name?: unknown; navigator?: { locks?: LockManager } };
  const locks = scope.navigator?.locks;
  const name = scope.name;
  if (!locks || typeof name !== 'string' || name === '') return null;
  let granted!: () => void;
  const held = new Promise<void>((resolve) => (granted = resolve));
  void locks.request(name, () => {
    granted();
    return new Promise<never>(() => {}); // never released while this thread lives
  });
  return { name, held };
}
