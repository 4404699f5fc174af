/**
 * Runs the engine in Node (as the CLI does, through tsx) for the browser tests' bit-for-bit comparison.
 * Input on stdin: a JSON array of scenarios. Output on stdout: a NodeRun — the results, in which every Float64Array
 * is the base64 of its raw bytes (exact to the bit, including -0, which JSON numbers would lose), and Node's answers
 * to the Math probe.
 */
import { simulate } from '../../../src/engine/index';
import type { EncodedResult, NodeRun } from './encodedResult';
import { mathProbe } from './mathProbe';

function b64(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  const scenarios = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
  const out: EncodedResult[] = scenarios.map((s) => {
    const r = simulate(s);
    const observables: Record<string, string> = {};
    for (const id of Object.keys(r.observables)) observables[id] = b64(r.observables[id]);
    return { status: r.status.code, message: r.status.message, time_h: b64(r.time_h), observables, metrics: JSON.stringify(r.metrics) };
  });
  const run: NodeRun = { results: out, mathProbe: b64(mathProbe()), v8: process.versions.v8 };
  process.stdout.write(JSON.stringify(run));
});
