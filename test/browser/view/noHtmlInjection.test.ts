/**
 * User text (scenario names, imported files, links, lesson files) must never become markup (issue 5 / issue 6):
 * no view source may use an HTML-parsing sink, and a scenario named like an XSS payload shows as plain text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mountTestApp, pathOf, until, type TestApp } from './mountTestApp';

const sources = import.meta.glob<string>(['../../../src/view/**/*.ts', '../../../src/main.ts'], { query: '?raw', import: 'default', eager: true });

describe('view sources', () => {
  it('never use innerHTML, outerHTML, insertAdjacentHTML, document.write or d3 .html()', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''); // comments may mention them
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\.html\(/);
    }
  });
});

let t: TestApp | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
});

describe('a scenario named like markup', () => {
  it('is shown as text in the key, the metrics table and the exported SVG, and creates no element', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    t = mountTestApp();
    await until(() => pathOf(t!.root, 'mor_occupancy').length > 0, 'the first curves');
    const name = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const ok = await t.app.importText(JSON.stringify({ version: 1, name, duration_h: 48, output_step_h: 0.5, regimen: '4.5 mg q24h x 2 at 22:00' }));
    expect(ok).toBe(true);
    await until(() => (t!.root.querySelector('.scenario-key')?.textContent ?? '').includes('<img'), 'the name in the key');
    await until(() => (t!.root.querySelector('.metrics thead')?.textContent ?? '').includes('<b>bold</b>'), 'the name in the metrics table');
    expect(t.root.querySelector('img')).toBeNull();
    expect(t.root.querySelector('.scenario-key b:not(:first-of-type)')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    t.root.querySelector<HTMLButtonElement>('[data-control="export-svg"]')!.click();
    const svg = await t.downloads.at(-1)!.blob.text();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('img, foreignObject, script')).toBeNull();
    expect(doc.documentElement.textContent).toContain('<img src=x');
  });
});
