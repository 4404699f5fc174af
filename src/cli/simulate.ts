/**
 * Headless runner over the same engine (contract 4):
 *   npm run simulate -- <scenario.json> [--out file.csv] [--metrics]
 * Writes CSV with header `time_h,<observable ids…>` to stdout or --out. A bad scenario exits 2 with the same clear
 * message the app shows (no stack trace); a numerical failure writes the valid part and exits 3.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { simulate } from '../engine/index';
import { toCsv } from '../engine/toCsv';
import { parseScenarioJson } from '../engine/scenario/parseScenarioJson';
import { modelFor } from '../engine/modelFor';

const USAGE = 'usage: npm run simulate -- <scenario.json> [--out file.csv] [--metrics]';
/** Scenario files larger than this are refused before parsing (the validator's own limit applies too). */
const MAX_BYTES = 1_000_000;

function fail(code: number, message: string): never {
  process.stderr.write(`ldn-lab: ${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let file: string | undefined;
  let out: string | undefined;
  let metrics = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') {
      out = argv[++i];
      if (!out) fail(2, `--out needs a file name\n${USAGE}`);
    } else if (a === '--metrics') metrics = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (a.startsWith('-')) fail(2, `unknown option ${a}\n${USAGE}`);
    else if (file) fail(2, `one scenario file at a time (got ${file} and ${a})\n${USAGE}`);
    else file = a;
  }
  if (!file) fail(2, `no scenario file given\n${USAGE}`);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(2, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (text.length > MAX_BYTES) fail(2, `${file} is ${text.length} bytes; scenario files are limited to ${MAX_BYTES} bytes`);
  // The same parser and validator as the app's import: size limit, JSON syntax position, strict schema.
  const parsed = parseScenarioJson(text, { parameterSpecs: (h) => modelFor(h).parameters });
  if (!parsed.ok) {
    const s = parsed.status;
    fail(2, `invalid scenario ${file}${s.field ? ` (field ${s.field})` : ''}: ${s.message}`);
  }
  const result = simulate(parsed.scenario);
  const s = result.status;
  if (s.code === 'INVALID_INPUT') fail(2, `invalid scenario${s.field ? ` (field ${s.field})` : ''}: ${s.message}`);

  const csv = toCsv(result);
  if (out) writeFileSync(out, csv);
  else process.stdout.write(csv);
  if (metrics) process.stderr.write(JSON.stringify(result.metrics, null, 2) + '\n');
  if (s.code !== 'ok') {
    fail(3, `simulation stopped (${s.code}${s.t !== undefined ? ` at t = ${s.t} h` : ''}${s.variable ? `, ${s.variable}` : ''}): ${s.message}`);
  }
}

main(process.argv.slice(2));
