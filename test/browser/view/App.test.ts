/**
 * The explorer driven like a user (issue 5, "Tests"): real keyboard and pointer events through vitest's userEvent
 * (Playwright/CDP input, not synthetic dispatchEvent), the real engine worker behind the client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import * as d3 from 'd3';
import { mountTestApp, parameterSpecs, pathOf, until, type TestApp } from './mountTestApp';
import { validateScenario } from '../../../src/engine/scenario/validateScenario';
import { decodeUrlState } from '../../../src/view/state/urlState';
import { DEFAULT_HYPOTHESES } from '../../../models/index';

let t: TestApp | null = null;
beforeEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  performance.clearMeasures();
});
afterEach(() => {
  t?.dispose();
  t = null;
});

async function ready(options = {}): Promise<TestApp> {
  t = mountTestApp(options);
  await until(() => pathOf(t!.root, 'mor_occupancy', 'B').length > 0 && pathOf(t!.root, 'mor_occupancy', 'A').length > 0, 'both scenarios drawn');
  // the URL is written 150 ms after the last change
  await until(() => location.hash.includes('s=1.'), 'the URL state');
  return t;
}

describe('the opening view (issue 2)', () => {
  it('draws LDN 4.5 mg nightly (B) and 50 mg daily (A) in the plasma and occupancy charts, with units and the disclaimer', async () => {
    const { root } = await ready();
    for (const id of ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy'])
      for (const run of ['A', 'B'] as const) {
        const d = pathOf(root, id, run);
        expect(d, `${id} ${run}`).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){100,}$/); // hundreds of finite points, no NaN
      }
    const text = root.textContent ?? '';
    expect(text).toContain('ng/mL');
    expect(text).toContain('%');
    expect(text).toMatch(/not dosing advice/i);
    expect(text).toContain('LDN 4.5 mg nightly');
    expect(text).toContain('50 mg daily');
    // 7 doses each: filled markers for B, hollow for A, in every panel that is shown
    const plasma = root.querySelector('[data-panel="plasma"]')!;
    expect(plasma.querySelectorAll('path.dose-marker').length).toBe(14);
  });

  it('moves one read-out across every chart with the arrow keys and shows values for A and B', async () => {
    const { root } = await ready();
    const group = root.querySelector<HTMLElement>('.chart-group')!;
    group.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}'); // two days in
    const readout = root.querySelector('.readout')!;
    expect(readout.querySelector('.readout-time')?.textContent).toBe('Day 3, 00:00');
    const occ = readout.querySelector('[data-observable="mor_occupancy"]')?.textContent ?? '';
    expect(occ).toMatch(/MOR occupancy: [\d.]+ % \(A [\d.]+\)/);
    // hidden panels (no co-medication here) are not read out
    expect(readout.querySelector('[data-observable="agonist_signal_rel"]')).toBeNull();
    // one crosshair line per visible panel, all at the same x
    const xs = [...root.querySelectorAll('g.crosshair line')].map((l) => l.getAttribute('x1'));
    expect(xs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(xs).size).toBe(1);
  });

  it('hovering with the pointer shows the read-out at that time', async () => {
    const { root } = await ready();
    const svg = root.querySelector<SVGSVGElement>('[data-panel="occupancy"] svg')!;
    await userEvent.hover(svg, { position: { x: 500, y: 100 } });
    await until(() => !!root.querySelector('.readout-time'), 'the read-out');
    expect(root.querySelector('.readout-time')!.textContent).toMatch(/^Day \d, \d\d:\d\d$/);
  });
});

describe('live parameters', () => {
  it('moving a parameter slider with the keyboard changes the plasma curve and the URL', async () => {
    const { root, waitForUpdates, updates } = await ready();
    const before = pathOf(root, 'naltrexone_ng_per_ml');
    const hashBefore = location.hash;
    const slider = root.querySelector<HTMLInputElement>('input[data-param="ntx_cl"]')!;
    expect(slider).toBeTruthy();
    const n = updates();
    slider.focus();
    await userEvent.keyboard('{PageUp}{PageUp}'); // faster clearance: lower naltrexone
    await waitForUpdates(n + 1);
    await until(() => pathOf(root, 'naltrexone_ng_per_ml') !== before, 'the curve to change');
    await until(() => location.hash !== hashBefore, 'the URL to change');
    const url = decodeUrlState(location.hash, { parameterSpecs: parameterSpecs(undefined) });
    expect(url.current?.ok && url.current.scenario.parameters?.ntx_cl).toBeGreaterThan(parameterSpecs(undefined).find((p) => p.id === 'ntx_cl')!.value);
    // the slider's own value is announced with its unit
    expect(slider.getAttribute('aria-valuetext')).toMatch(/L\/h|L|\//);
  });

  it('per-parameter, per-group and global resets bring back the defaults and the default curve', async () => {
    const { root } = await ready();
    const original = pathOf(root, 'naltrexone_ng_per_ml');
    const slider = (id: string) => root.querySelector<HTMLInputElement>(`input[data-param="${id}"]`)!;
    slider('ntx_cl').focus();
    await userEvent.keyboard('{PageUp}');
    slider('ntx_ka').focus();
    await userEvent.keyboard('{PageUp}');
    await until(() => Object.keys(t!.app.scenario().parameters ?? {}).length === 2, 'two overrides');
    await userEvent.click(root.querySelector<HTMLButtonElement>('button[data-reset="ntx_cl"]')!);
    expect(Object.keys(t!.app.scenario().parameters ?? {})).toEqual(['ntx_ka']);
    await userEvent.click(root.querySelector<HTMLButtonElement>('button[data-reset-group="pk"]')!);
    expect(t!.app.scenario().parameters).toBeUndefined();
    await until(() => pathOf(root, 'naltrexone_ng_per_ml') === original, 'the default curve again');
    slider('ntx_ka').focus();
    await userEvent.keyboard('{PageDown}');
    await until(() => t!.app.scenario().parameters?.ntx_ka !== undefined, 'an override');
    await userEvent.click(root.querySelector<HTMLButtonElement>('[data-control="reset-all-parameters"]')!);
    expect(t!.app.scenario().parameters).toBeUndefined();
    expect(root.querySelector<HTMLButtonElement>('button[data-reset="ntx_ka"]')!.disabled).toBe(true);
  });

  it('dragging a slider with the pointer re-simulates and records ldn:update measures', async () => {
    const { root, updates } = await ready();
    const slider = root.querySelector<HTMLInputElement>('input[data-param="ntx_cl"]')!;
    slider.scrollIntoView();
    const n = updates();
    await userEvent.click(slider, { position: { x: 5, y: 5 } }); // far left: the minimum clearance
    await until(() => updates() > n, 'an update');
    const spec = parameterSpecs(undefined).find((p) => p.id === 'ntx_cl')!;
    expect(t!.app.scenario().parameters?.ntx_cl).toBeLessThan(spec.value);
    const m = performance.getEntriesByName('ldn:update').at(-1)!;
    expect(m.duration).toBeGreaterThan(0);
  });

  it('a bad value typed into a parameter box is refused with a message naming it, and the last good curve stays', async () => {
    const { root } = await ready();
    const before = pathOf(root, 'naltrexone_ng_per_ml');
    const scenarioBefore = t!.app.scenario();
    const box = root.querySelector<HTMLInputElement>('input[data-param-input="ntx_cl"]')!;
    await userEvent.clear(box);
    await userEvent.type(box, '-5{Enter}');
    const err = root.querySelector('[data-error-for="ntx_cl"]')!;
    expect(err.textContent).toContain('ntx_cl');
    expect(err.textContent).toMatch(/refused/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await new Promise((r) => setTimeout(r, 300));
    expect(t!.app.scenario()).toEqual(scenarioBefore);
    expect(pathOf(root, 'naltrexone_ng_per_ml')).toBe(before);
  });

  it('a regimen string that does not parse is refused with the field named; a good one redraws', async () => {
    const { root, updates } = await ready();
    const before = pathOf(root, 'naltrexone_ng_per_ml');
    const input = root.querySelector<HTMLTextAreaElement>('textarea[data-field="regimen"]')!;
    await userEvent.clear(input);
    await userEvent.type(input, '4.5 mg q24h x banana');
    const err = root.querySelector('[data-error-for="regimen"]')!;
    expect(err.textContent).toMatch(/^regimen:/);
    expect(pathOf(root, 'naltrexone_ng_per_ml')).toBe(before);
    const n = updates();
    await userEvent.clear(input);
    await userEvent.type(input, '9 mg q12h x 14');
    await until(() => updates() > n && pathOf(root, 'naltrexone_ng_per_ml') !== before, 'the new regimen drawn');
    expect(err.textContent).toBe('');
    expect(t!.app.scenario().regimen).toBe('9 mg q12h x 14');
    // the builder follows the text
    expect(root.querySelector<HTMLInputElement>('[data-part="amount_mg"]')!.value).toBe('9');
    expect(root.querySelector<HTMLInputElement>('[data-part="interval_h"]')!.value).toBe('12');
  });
});

describe('hypotheses', () => {
  it('switching the persistence hypothesis shows that set\'s calibrated defaults and re-simulates', async () => {
    const { root } = await ready();
    const before = pathOf(root, 'mor_occupancy');
    // a choice other than the model's default, so the curve must change
    const choice = (['slow_dissociation', 'deep_tissue', 'metabolite'] as const).find((c) => c !== DEFAULT_HYPOTHESES.persistence)!;
    const select = root.querySelector<HTMLSelectElement>('[data-hypothesis="persistence"]')!;
    await userEvent.selectOptions(select, choice);
    await until(() => pathOf(root, 'mor_occupancy') !== before, 'the new occupancy curve');
    expect(t!.app.scenario().hypotheses).toEqual({ persistence: choice });
    // each hypothesis set is calibrated to the same PET data, so its binding defaults differ (models/index.ts)
    const expected = parameterSpecs({ persistence: choice }).find((p) => p.id === 'ntx_kd_nm')!.value;
    const box = root.querySelector<HTMLInputElement>('input[data-param-input="ntx_kd_nm"]')!;
    expect(Number(box.value)).toBeCloseTo(expected, 2);
    expect(expected).not.toBeCloseTo(parameterSpecs(undefined).find((p) => p.id === 'ntx_kd_nm')!.value, 2);
  });
});

describe('co-medication', () => {
  it('adding morphine shows the co-medication chart; a bad agonist regimen is refused with its field named', async () => {
    const { root } = await ready();
    const panel = root.querySelector<HTMLElement>('[data-panel="comedication"]')!;
    expect(panel.hidden).toBe(true);
    expect(root.querySelector('[data-metric="withdrawal"]')).toBeNull();
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('[data-field="comedication.drug"]')!, 'morphine');
    await until(() => !panel.hidden && pathOf(root, 'agonist_signal_rel').length > 0, 'the co-medication chart');
    expect(t!.app.scenario().comedication).toEqual({ drug: 'morphine', regimen: '10 mg q4h x 42', dependent: false });
    // the withdrawal row appears only with a co-medication
    await until(() => !!root.querySelector('[data-metric="withdrawal"]'), 'the withdrawal metric');
    expect(root.querySelector('[data-metric="withdrawal"] [data-run="B"]')!.textContent).toMatch(/^-?\d+\.\d{3}$/);
    const reg = root.querySelector<HTMLInputElement>('[data-field="comedication.regimen"]')!;
    await userEvent.clear(reg);
    await userEvent.type(reg, '10 mg q4h x -3');
    expect(root.querySelector('[data-error-for="comedication.regimen"]')!.textContent).toMatch(/^comedication\.regimen:/);
    expect(t!.app.scenario().comedication?.regimen).toBe('10 mg q4h x 42');
  });
});

describe('state', () => {
  it('reopening the URL restores the same scenarios, view options and curves', async () => {
    const first = await ready();
    const slider = first.root.querySelector<HTMLInputElement>('input[data-param="ntx_cl"]')!;
    slider.focus();
    await userEvent.keyboard('{PageDown}');
    await until(() => (t!.app.scenario().parameters?.ntx_cl ?? 0) > 0, 'the override');
    await userEvent.click(first.root.querySelector<HTMLInputElement>('input[data-control="diff"]')!);
    await new Promise((r) => setTimeout(r, 400));
    const hash = location.hash;
    const scenario = t!.app.scenario();
    const d = pathOf(first.root, 'naltrexone_ng_per_ml');
    first.dispose();
    t = null;
    // "reload": a fresh app on the same URL
    history.replaceState(null, '', location.pathname + location.search + hash);
    t = mountTestApp();
    await until(() => pathOf(t!.root, 'naltrexone_ng_per_ml').length > 0, 'B drawn');
    await until(() => t!.root.querySelector<HTMLInputElement>('input[data-control="diff"]')!.checked, 'difference mode restored');
    expect(t.app.scenario()).toEqual(scenario);
    await until(() => pathOf(t!.root, 'naltrexone_ng_per_ml') === d, 'the identical curve');
  });

  it('pin, swap and clear compare A and B', async () => {
    const { root } = await ready();
    await userEvent.click(root.querySelector<HTMLButtonElement>('[data-control="unpin"]')!);
    expect(root.querySelector('path[data-run="A"]')).toBeNull();
    const ldn = pathOf(root, 'mor_occupancy', 'B');
    await userEvent.click(root.querySelector<HTMLButtonElement>('[data-control="pin"]')!);
    // pinned: the ghost is exactly the current curve, and the metrics table gains A and B − A columns
    expect(pathOf(root, 'mor_occupancy', 'A')).toBe(ldn);
    expect([...root.querySelectorAll('.metrics thead th')].map((th) => th.textContent)).toEqual(
      ['Metric', 'Unit', 'B: LDN 4.5 mg nightly', 'A: LDN 4.5 mg nightly', 'B − A']);
    expect(root.querySelector('[data-metric="occ_peak"] .diff')!.textContent).toBe('0.0');
    // change B, then swap: B's new curve becomes A and the old one comes back as B
    const input = root.querySelector<HTMLTextAreaElement>('textarea[data-field="regimen"]')!;
    await userEvent.clear(input);
    await userEvent.type(input, '50 mg q24h x 7');
    await until(() => pathOf(root, 'mor_occupancy', 'B') !== ldn && t!.app.scenario().regimen === '50 mg q24h x 7', '50 mg drawn');
    const fifty = pathOf(root, 'mor_occupancy', 'B');
    await userEvent.click(root.querySelector<HTMLButtonElement>('[data-control="swap"]')!);
    await until(() => pathOf(root, 'mor_occupancy', 'B') === ldn, 'the swap');
    expect(pathOf(root, 'mor_occupancy', 'A')).toBe(fifty);
  });

  it('autosaves the last good scenario and opens it next time', async () => {
    localStorage.clear();
    const first = await ready({ autosave: true });
    const input = first.root.querySelector<HTMLTextAreaElement>('textarea[data-field="regimen"]')!;
    await userEvent.clear(input);
    await userEvent.type(input, '3 mg q24h x 5 at 21:00');
    await until(() => (localStorage.getItem('ldn-lab:last-good:v1') ?? '').includes('3 mg q24h x 5 at 21:00'), 'the autosave');
    first.dispose();
    t = null;
    history.replaceState(null, '', location.pathname + location.search);
    t = mountTestApp({ autosave: true, syncUrl: false });
    await until(() => pathOf(t!.root, 'mor_occupancy').length > 0, 'the restored scenario drawn');
    expect(t.app.scenario().regimen).toBe('3 mg q24h x 5 at 21:00');
    localStorage.clear();
  });
});

describe('export and import', () => {
  it('exports CSV, JSON, SVG and PNG files that parse', async () => {
    const { root, downloads } = await ready();
    for (const id of ['export-csv', 'export-json', 'export-svg', 'export-png'])
      await userEvent.click(root.querySelector<HTMLButtonElement>(`[data-control="${id}"]`)!);
    await until(() => downloads.some((d) => d.name.endsWith('.png')), 'the PNG');
    const csv = downloads.find((d) => d.name.endsWith('.csv') && !d.name.includes('-A-'))!;
    const rows = d3.csvParse(await csv.blob.text());
    expect(rows.columns.slice(0, 4)).toEqual(['time_h', 'naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy']);
    expect(rows.length).toBe(7 * 24 * 10 + 1); // 7 days every 0.1 h, both ends
    expect(rows.every((r) => Number.isFinite(Number(r.mor_occupancy)))).toBe(true);
    const json = downloads.find((d) => d.name.endsWith('.json'))!;
    const v = validateScenario(JSON.parse(await json.blob.text()), { parameterSpecs: parameterSpecs(undefined) });
    expect(v.ok).toBe(true);
    const svgText = await downloads.find((d) => d.name.endsWith('.svg'))!.blob.text();
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('path[data-observable="mor_occupancy"]').length).toBe(2);
    expect(svgText).toMatch(/not dosing advice/);
    const png = new Uint8Array(await downloads.find((d) => d.name.endsWith('.png'))!.blob.arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // PNG signature
    const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
    expect(bitmap.width).toBeGreaterThan(600);
  });

  it('copies a link that reopens the current view (or shows it when the clipboard is not available)', async () => {
    const { root } = await ready();
    await userEvent.click(root.querySelector<HTMLButtonElement>('[data-control="copy-link"]')!);
    await until(() => /Link copied|Copy this link/.test(root.querySelector('[data-status]')!.textContent ?? ''), 'the copy message');
    let link = (root.querySelector('[data-status]')!.textContent ?? '').replace(/^Copy this link: /, '');
    if (link.startsWith('Link copied')) link = await navigator.clipboard.readText().catch(() => location.href);
    const d = decodeUrlState(new URL(link).hash, { parameterSpecs: parameterSpecs(undefined) });
    expect(d.current?.ok && d.current.scenario).toEqual(t!.app.scenario());
    expect(d.pinned?.ok && d.pinned.scenario.name).toBe('50 mg daily');
    expect(d.log).toBe(true);
  });

  it('imports a scenario file, and refuses a bad one with the reason', async () => {
    const { root } = await ready();
    const ok = await t!.app.importText(JSON.stringify({ version: 1, name: 'Imported', duration_h: 48, output_step_h: 0.5, regimen: '2 mg q24h x 2' }));
    expect(ok).toBe(true);
    await until(() => t!.app.scenario().name === 'Imported', 'the import');
    const bad = await t!.app.importText('{"version": 1, "duration_h": -4, "output_step_h": 1, "regimen": "none"}');
    expect(bad).toBe(false);
    expect(root.querySelector('[data-status]')!.textContent).toMatch(/duration_h/);
    expect(t!.app.scenario().name).toBe('Imported');
  });
});
