import { h } from '../dom/h';

/**
 * Run / Cancel buttons and a live status line shared by the research tools. One run at a time per tool: starting
 * a new run aborts the previous one. Cancel is offered only when the backend can really stop work (a worker);
 * elapsed seconds tick while a run is in flight so a long population never looks frozen.
 */
export class RunControls {
  readonly element: HTMLElement;
  readonly runButton: HTMLButtonElement;
  readonly cancelButton: HTMLButtonElement;
  private readonly statusEl: HTMLElement;
  private readonly row: HTMLElement;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private generation = 0;

  constructor(label: string, cancellable: boolean, onRun: () => void, hint = '') {
    this.runButton = h('button', { type: 'button', class: 'research-run', 'data-action': 'run', onclick: () => onRun() }, label);
    this.cancelButton = h('button', { type: 'button', 'data-action': 'cancel', disabled: true, onclick: () => this.cancel() }, 'Cancel');
    this.statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-status': '' }, hint);
    this.row = h('div', { class: 'row' }, this.runButton, cancellable ? this.cancelButton : null);
    this.element = h('div', { class: 'research-run-controls' }, this.row, this.statusEl);
  }

  /** A further action next to Run (e.g. a download), disabled until there is something to act on. */
  addButton(label: string, action: string, onClick: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', 'data-action': action, disabled: true, onclick: () => onClick() }, label);
    this.row.append(b);
    return b;
  }

  /** Start a run: aborts the one in flight; returns its signal and a token to check it is still the latest. */
  begin(message: string): { signal: AbortSignal; token: number } {
    this.controller?.abort();
    this.controller = new AbortController();
    const token = ++this.generation;
    const t0 = performance.now();
    this.setStatus(message);
    clearInterval(this.timer);
    this.timer = setInterval(() => this.setStatus(`${message} (${Math.round((performance.now() - t0) / 1000)} s)`), 1000);
    this.cancelButton.disabled = false;
    this.element.setAttribute('aria-busy', 'true');
    return { signal: this.controller.signal, token };
  }

  isLatest(token: number): boolean {
    return token === this.generation && !this.controller?.signal.aborted;
  }

  end(token: number, message: string, error = false): void {
    if (token !== this.generation) return;
    clearInterval(this.timer);
    this.controller = null;
    this.cancelButton.disabled = true;
    this.element.removeAttribute('aria-busy');
    this.setStatus(message, error);
  }

  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.generation++;
    clearInterval(this.timer);
    this.controller = null;
    this.cancelButton.disabled = true;
    this.element.removeAttribute('aria-busy');
    this.setStatus('Cancelled.');
  }

  setStatus(message: string, error = false): void {
    this.statusEl.textContent = message;
    this.statusEl.classList.toggle('error', error);
  }

  get status(): string {
    return this.statusEl.textContent ?? '';
  }

  dispose(): void {
    this.controller?.abort();
    clearInterval(this.timer);
  }
}

/** A thrown value as a sentence for the status line. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
