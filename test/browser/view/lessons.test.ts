/**
 * Every lesson in public/lessons is valid data: each step's scenarios pass the same validator as a user's
 * scenario (so a lesson can never load a scenario the app would refuse), and the lesson panel walks its steps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { validateScenario } from '../../../src/engine/scenario/validateScenario';
import type { Lesson } from '../../../src/view/lessons/LessonPanel';
import { mountTestApp, parameterSpecs, until, type TestApp } from './mountTestApp';

const files = import.meta.glob<Lesson>('../../../public/lessons/*.json', { eager: true, import: 'default' });
const index = files['../../../public/lessons/index.json'] as unknown as Array<{ file: string }>;

describe('lesson files', () => {
  it('lists every lesson file in index.json, and only existing ones', () => {
    const names = Object.keys(files).map((k) => k.split('/').pop()!).filter((n) => n !== 'index.json').sort();
    expect(index.map((e) => e.file).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  for (const [path, lesson] of Object.entries(files)) {
    if (path.endsWith('index.json')) continue;
    it(`${path.split('/').pop()}: every step has text and scenarios the validator accepts`, () => {
      expect(lesson.title.length).toBeGreaterThan(5);
      expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
      for (const [i, step] of lesson.steps.entries()) {
        expect(step.text.length, `step ${i + 1}`).toBeGreaterThan(40);
        for (const s of [step.scenario, step.pinned]) {
          if (!s) continue;
          const v = validateScenario(s, { parameterSpecs: parameterSpecs(s.hypotheses) });
          expect(v.ok ? 'ok' : v.status.message, `${lesson.title} step ${i + 1}`).toBe('ok');
        }
      }
    });
  }
});

let t: TestApp | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
});

describe('the lesson panel', () => {
  it('loads a lesson from the list and steps through it, changing the scenarios shown', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    t = mountTestApp();
    const select = t.root.querySelector<HTMLSelectElement>('[data-control="lesson"]')!;
    await until(() => select.options.length > 3, 'the lesson list');
    await userEvent.selectOptions(select, 'rebound');
    await until(() => t!.app.scenario().name === '50 mg daily, stopped after 7 days', 'step 1');
    expect(t.root.querySelector('.lesson-body h3')!.textContent).toMatch(/^1 \/ 3/);
    await userEvent.click(t.root.querySelector<HTMLButtonElement>('[data-control="lesson-next"]')!);
    await userEvent.click(t.root.querySelector<HTMLButtonElement>('[data-control="lesson-next"]')!);
    await until(() => t!.app.scenario().name === 'LDN nightly, stopped after 7 days', 'step 3');
    await until(() => !!t!.root.querySelector('path[data-run="A"]'), 'the pinned 50 mg course');
  });
});
