import { expose } from 'comlink';
import type { WorkerLike } from '../../../src/view/client/workerLike';

/**
 * A stand-in for a Web Worker, built on a MessageChannel as comlink's own tests do: `api` is exposed on one port in
 * this same thread, the client talks to the other. It can play every fault the supervisor must survive:
 * crash() fires an 'error' event (an uncaught exception in a worker), an api method that never settles plays a hang,
 * and `terminated` records that the supervisor killed it.
 */
export class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  /** comlink message types posted to this worker, including after termination (then swallowed). */
  readonly sent: string[] = [];
  private readonly port: MessagePort;
  private readonly inner: MessagePort;

  constructor(api: object) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    expose(api, port2);
    port1.addEventListener('message', (e: MessageEvent) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: e.data }));
    });
    port1.start();
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.sent.push(String((message as { type?: unknown } | null)?.type));
    if (this.terminated) return; // a terminated worker swallows messages, as a real one does
    this.port.postMessage(message, transfer ?? []);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }

  /** Play an uncaught exception inside the worker: the Worker object fires 'error' with a message. */
  crash(message = 'boom'): void {
    const event = new Event('error', { cancelable: true });
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }
}

/** A factory that records every fake it makes, so a test can crash the live one and count the dead. */
export function fakeWorkerFactory(makeApi: (index: number) => object): { create: () => FakeWorker; made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  return {
    made,
    create: () => {
      const w = new FakeWorker(makeApi(made.length));
      made.push(w);
      return w;
    },
  };
}

/** A deferred promise: a test decides when (and whether) a fake engine call answers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Settles a promise into a tagged value, so a test can assert it settled (and how) without awaiting forever. */
export async function settledWithin<T>(
  p: Promise<T>,
  ms: number,
): Promise<{ state: 'fulfilled'; value: T } | { state: 'rejected'; error: unknown } | { state: 'pending' }> {
  return Promise.race([
    p.then(
      (value) => ({ state: 'fulfilled' as const, value }),
      (error: unknown) => ({ state: 'rejected' as const, error }),
    ),
    sleep(ms).then(() => ({ state: 'pending' as const })),
  ]);
}
