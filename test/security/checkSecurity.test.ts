import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(__dirname, '../../scripts/check-security.mjs');
const projectRoot = join(__dirname, '../..');

interface Finding { file: string; rule: string; line: number; text: string; why: string }

/** Run the checker as the build does (a child process) and read its JSON report and exit code. */
function run(root: string): { code: number | null; files: number; findings: Finding[] } {
  const r = spawnSync(process.execPath, [script, '--root', root, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { files: number; findings: Finding[] };
  return { code: r.status, ...report };
}

const temps: string[] = [];
/** A throwaway project with one file in src/view/. */
function fixture(source: string, dir = 'src/view', file = 'x.ts'): string {
  const root = mkdtempSync(join(tmpdir(), 'ldn-sec-'));
  temps.push(root);
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, file), source);
  return root;
}
afterAll(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

describe('scripts/check-security.mjs', () => {
  it('passes on this project: no markup or code sinks in src/, workers/ and models/', () => {
    const r = run(projectRoot);
    const listing = r.findings.map((f) => `${f.file}:${f.line} [${f.rule}] ${f.text}`).join('\n');
    expect(listing).toBe('');
    expect(r.code).toBe(0);
    expect(r.files).toBeGreaterThan(0);
  });

  it.each([
    ['d3-html', "d3.select('#t').html(name);"],
    ['innerHTML', 'el.innerHTML = scenario.name;'],
    ['outerHTML', 'el.outerHTML = x;'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', x);"],
    ['document.write', 'document.write(x);'],
    ['eval', 'const y = eval(text);'],
    ['new Function', "const f = new Function('x', body);"],
    ['string-timer', "setTimeout('run()', 10);"],
    ['inline-style-attr', "sel.attr('style', 'color: red');"],
    ['mathjs-evaluate', "import { evaluate } from 'mathjs';\nexport const v = evaluate(userText);"],
    ['mathjs-evaluate', "import * as math from 'mathjs';\nexport const v = math.compile(userText);"],
  ])('fails the build (exit 1) on %s', (rule, source) => {
    const r = run(fixture(source));
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.rule)).toContain(rule);
    expect(r.findings[0].file).toBe(join('src', 'view', 'x.ts'));
  });

  it('scans workers/ and models/ too, and reports the line', () => {
    const r1 = run(fixture('// ok\nconst a = 1;\nself.innerHTML = a;', 'workers'));
    expect(r1.findings).toMatchObject([{ rule: 'innerHTML', line: 3 }]);
    const r2 = run(fixture('export const f = new Function("return 1");', 'models'));
    expect(r2.code).toBe(1);
  });

  it('ignores the words in comments and strings, and safe look-alikes', () => {
    const source = [
      '// never use innerHTML or .html( here',
      '/* eval( and new Function( are banned */',
      "const msg = 'do not call document.write';",
      'const t = `innerHTML ${count} items`;',
      'sel.text(name).style("color", "red");',
      'el.textContent = name;',
      'const r = model.evaluateAt(t);',
      "import { median } from 'mathjs';",
      'const m = median([1, 2]);',
      'JSON.parse(text);',
    ].join('\n');
    const r = run(fixture(source));
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('still sees code inside template expressions', () => {
    const r = run(fixture('const t = `a ${el.innerHTML} b`;'));
    expect(r.findings.map((f) => f.rule)).toEqual(['innerHTML']);
  });
});
