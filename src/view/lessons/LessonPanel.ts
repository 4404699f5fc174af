import type { Scenario } from '../../engine/scenario/types';
import { h, uniqueId } from '../dom/h';

/**
 * Guided lessons for educators (public/lessons/*.json): a sequence of steps, each with a short text and the
 * scenarios to show (B, and optionally a pinned A). Lesson files are data: their text is shown with textContent and
 * their scenarios go through the same validator as everything else (App.load), so a broken file cannot break the page.
 */
export interface LessonStep {
  readonly title: string;
  readonly text: string;
  readonly scenario?: Scenario;
  /** A scenario to pin as A; null clears A. */
  readonly pinned?: Scenario | null;
  readonly log?: boolean;
}

export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly steps: readonly LessonStep[];
}

export interface LessonPanelOptions {
  readonly base: string;
  readonly onStep: (step: LessonStep) => void;
}

export class LessonPanel {
  readonly element: HTMLElement;
  private lessons: Lesson[] = [];
  private lesson: Lesson | null = null;
  private index = 0;
  private readonly select: HTMLSelectElement;
  private readonly body: HTMLElement;

  constructor(private readonly options: LessonPanelOptions) {
    const id = uniqueId('lesson');
    this.select = h('select', { id, 'data-control': 'lesson' }, h('option', { value: '' }, 'Choose a lesson…'));
    this.select.addEventListener('change', () => this.open(this.select.value));
    this.body = h('div', { class: 'lesson-body', 'aria-live': 'polite' });
    this.element = h('section', { class: 'lessons card', 'aria-label': 'Guided lessons' },
      h('h2', {}, 'Guided lessons'),
      h('label', { for: id, class: 'label' }, 'Lesson'), this.select, this.body);
    void this.loadIndex();
  }

  private async loadIndex(): Promise<void> {
    try {
      const res = await fetch(`${this.options.base}lessons/index.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const list = (await res.json()) as unknown;
      if (!Array.isArray(list)) throw new Error('index.json is not a list');
      for (const item of list.slice(0, 50)) {
        if (!item || typeof item.file !== 'string' || !/^[a-z0-9-]+\.json$/.test(item.file)) continue;
        const r = await fetch(`${this.options.base}lessons/${item.file}`);
        if (!r.ok) continue;
        const lesson = (await r.json()) as Lesson;
        if (typeof lesson?.title !== 'string' || !Array.isArray(lesson.steps)) continue;
        this.lessons.push({ ...lesson, id: item.file.replace(/\.json$/, '') });
        this.select.append(h('option', { value: item.file.replace(/\.json$/, '') }, lesson.title));
      }
    } catch {
      this.body.replaceChildren(h('p', { class: 'hint' }, 'Lessons are not available offline in this build.'));
    }
  }

  private open(id: string): void {
    this.lesson = this.lessons.find((l) => l.id === id) ?? null;
    this.index = 0;
    this.show();
  }

  private show(): void {
    const l = this.lesson;
    if (!l) {
      this.body.replaceChildren();
      return;
    }
    const step = l.steps[this.index];
    const prev = h('button', { type: 'button', 'data-control': 'lesson-prev', disabled: this.index === 0 }, '← Back');
    const next = h('button', { type: 'button', 'data-control': 'lesson-next', disabled: this.index >= l.steps.length - 1 }, 'Next →');
    prev.addEventListener('click', () => { this.index--; this.show(); });
    next.addEventListener('click', () => { this.index++; this.show(); });
    this.body.replaceChildren(
      l.summary ? h('p', { class: 'hint' }, l.summary) : '',
      h('h3', {}, `${this.index + 1} / ${l.steps.length} · ${String(step.title)}`),
      ...String(step.text).split('\n\n').map((p) => h('p', {}, p)),
      h('div', { class: 'row buttons' }, prev, next));
    this.options.onStep(step);
  }
}
