#!/usr/bin/env node
/**
 * Fails (exit 1) when code in src/, workers/ or models/ could turn text into markup or code (issue 6, part 5):
 * d3 `.html(`, innerHTML / outerHTML / insertAdjacentHTML / document.write, `eval(`, `new Function`, string
 * timers, `.attr('style', …)` (blocked by the page's CSP, which allows no inline styles), and mathjs
 * evaluate / compile / parse. User text must go through `.text()` / `textContent`.
 *
 * Comments and string contents are blanked before matching, so "never use innerHTML" in a comment does not
 * count, while `el.innerHTML = x` does. Known limit: a quote inside a regex literal is read as the start of a
 * string, which can hide the rest of that one line. Usage: node scripts/check-security.mjs [--root DIR] [--json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCANNED_DIRS = ['src', 'workers', 'models'];
const EXTENSIONS = /\.(?:[cm]?[jt]sx?|html|svelte|vue)$/;

/** What is forbidden, and why (the message tells the developer what to use instead). */
export const RULES = [
  { id: 'd3-html', re: /\.html\s*\(/, why: 'd3 .html() parses markup; use .text() for text or build elements with .append()' },
  { id: 'innerHTML', re: /\binnerHTML\b/, why: 'innerHTML parses markup; use textContent or createElement' },
  { id: 'outerHTML', re: /\bouterHTML\b/, why: 'outerHTML parses markup; use replaceWith() and createElement' },
  { id: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\b/, why: 'insertAdjacentHTML parses markup; use insertAdjacentElement / insertAdjacentText' },
  { id: 'document.write', re: /\bdocument\s*\.\s*write(?:ln)?\b/, why: 'document.write parses markup' },
  { id: 'eval', re: /(?<![.\w$])eval\s*\(/, why: 'eval runs text as code (and is blocked by the CSP)' },
  { id: 'new Function', re: /\bnew\s+Function\s*\(|(?<![.\w$])Function\s*\(\s*['"`]/, why: 'new Function runs text as code (and is blocked by the CSP)' },
  { id: 'string-timer', re: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/, why: 'a string passed to setTimeout/setInterval is evaluated as code' },
  // Matched with string contents kept (the attribute name is a string).
  { id: 'inline-style-attr', re: /\.attr\s*\(\s*['"`]style['"`]|setAttribute\s*\(\s*['"`]style['"`]/, strings: true, why: "the CSP (style-src 'self') blocks style attributes; use .style(name, value) or a class" },
  { id: 'srcdoc', re: /\bsrcdoc\b/, why: 'iframe srcdoc parses markup' },
];

/** mathjs entry points that compile expression text. Flagged in any file that imports mathjs. */
const MATHJS_IMPORT = /from\s*['"]mathjs(?:\/[^'"]*)?['"]|require\(\s*['"]mathjs['"]\s*\)|import\(\s*['"]mathjs['"]\s*\)/;
const MATHJS_NAMED = /import\s*\{([^}]*)\}\s*from\s*['"]mathjs(?:\/[^'"]*)?['"]/g;
const MATHJS_DANGEROUS = ['evaluate', 'compile', 'parse', 'parser', 'Parser'];
/** Names a file binds to the mathjs namespace or an instance: `import * as math`, a default import, `create(all)`. */
const MATHJS_NAMESPACE = [
  /import\s+\*\s+as\s+([\w$]+)\s+from\s*['"]mathjs/g,
  /import\s+([\w$]+)\s*(?:,[^;]*)?\s+from\s*['"]mathjs/g,
  /(?:const|let|var)\s+([\w$]+)\s*=\s*create\s*\(/g,
];

/**
 * Blank out comments and the contents of string/template literals (keeping line breaks and the quotes), so
 * rules match code only. Template `${…}` expressions are kept as code.
 */
export function codeOnly(src, keepStrings = false) {
  let out = '';
  let i = 0;
  const n = src.length;
  const tmplDepth = []; // brace depth at which each open template's ${ started
  let braces = 0;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += c + (keepStrings ? src.slice(i + 1, j) : blank(src.slice(i + 1, j))) + (j < n ? src[j] : '');
      i = j + 1;
    } else if (c === '`' || (c === '}' && tmplDepth.length && tmplDepth[tmplDepth.length - 1] === braces)) {
      // Start of a template, or the end of a ${…} that resumes one: copy literal text blanked until ` or ${.
      if (c === '}') tmplDepth.pop();
      let j = i + 1;
      while (j < n && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
      out += c + (keepStrings ? src.slice(i + 1, j) : blank(src.slice(i + 1, j)));
      if (j < n && src[j] === '$') {
        tmplDepth.push(braces);
        out += '${';
        i = j + 2;
      } else {
        out += j < n ? '`' : '';
        i = j + 1;
      }
    } else {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      out += c;
      i++;
    }
  }
  return out;
}

/** Findings for one file's text: [{ rule, line, text, why }]. */
export function scanText(text, name = '<text>') {
  const findings = [];
  const code = codeOnly(text).split('\n');
  const withStrings = codeOnly(text, true).split('\n');
  const original = text.split('\n');
  const add = (rule, line, why) => findings.push({ file: name, rule, line: line + 1, text: (original[line] ?? '').trim().slice(0, 160), why });
  code.forEach((line, k) => {
    for (const r of RULES) if (r.re.test(r.strings ? withStrings[k] : line)) add(r.id, k, r.why);
  });
  if (MATHJS_IMPORT.test(text)) {
    for (const m of text.matchAll(MATHJS_NAMED)) {
      const names = m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]);
      const bad = names.filter((x) => MATHJS_DANGEROUS.includes(x));
      if (bad.length) add('mathjs-evaluate', text.slice(0, m.index).split('\n').length - 1, `mathjs ${bad.join('/')} compiles expression text; use the numeric functions directly`);
    }
    const spaces = new Set(MATHJS_NAMESPACE.flatMap((re) => [...text.matchAll(re)].map((m) => m[1])));
    const calls = [...spaces].map((ns) => new RegExp(`(?<![\\w$.])${ns.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:evaluate|compile|parse|parser)\\s*\\(`));
    code.forEach((line, k) => {
      // A compiled mathjs node's .evaluate() anywhere in the file, or namespace.evaluate/compile/parse(…).
      if (/\.\s*evaluate\s*\(/.test(line) || calls.some((re) => re.test(line))) {
        add('mathjs-evaluate', k, 'mathjs evaluate/compile/parse compiles expression text; use the numeric functions directly');
      }
    });
  }
  return findings;
}

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else if (EXTENSIONS.test(e)) yield p;
  }
}

/** Scan src/, workers/ and models/ under root. Returns { files, findings }. */
export function scanTree(root) {
  const findings = [];
  let files = 0;
  for (const d of SCANNED_DIRS) {
    for (const file of walk(join(root, d))) {
      files++;
      findings.push(...scanText(readFileSync(file, 'utf8'), relative(root, file)));
    }
  }
  return { files, findings };
}

function main(argv) {
  const at = argv.indexOf('--root');
  const root = resolve(at >= 0 ? argv[at + 1] : join(fileURLToPath(import.meta.url), '../..'));
  const { files, findings } = scanTree(root);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ files, findings }));
  } else {
    for (const f of findings) console.error(`${f.file}:${f.line}: [${f.rule}] ${f.text}\n    ${f.why}`);
    console.log(`check-security: ${files} files scanned in ${SCANNED_DIRS.join('/, ')}/, ${findings.length} problem${findings.length === 1 ? '' : 's'}`);
  }
  return findings.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
