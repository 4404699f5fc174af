import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONTRACT = ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy', 'mor_density_rel', 'endorphin_rel',
  'opioid_signal_rel', 'microglia_activation', 'il6_rel', 'tnf_rel'];

function cli(...args: string[]) {
  return spawnSync('npx', ['--no-install', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8' });
}

describe('npm run simulate (CLI)', () => {
  it('prints CSV whose header is time_h followed by every contract observable', () => {
    const r = cli('scenarios/single-50mg-7d.json');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('time_h');
    for (const id of CONTRACT) expect(header).toContain(id);
    const scenario = JSON.parse(readFileSync('scenarios/single-50mg-7d.json', 'utf8'));
    expect(lines.length - 1).toBe(Math.round(scenario.duration_h / scenario.output_step_h) + 1);
    expect(lines[1].split(',').every((v) => Number.isFinite(Number(v)))).toBe(true);
  });

  it('writes the same CSV to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldn-cli-'));
    const out = join(dir, 'out.csv');
    const r = cli('scenarios/single-50mg-7d.json', '--out', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(cli('scenarios/single-50mg-7d.json').stdout);
  });

  it('exits non-zero with a clear message naming the field and no stack trace for a bad scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldn-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, duration_h: 24, output_step_h: 1, regimen: { doses: [{ time_h: 0, amount_mg: -5 }] } }));
    const r = cli(bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('amount_mg');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack frames
    expect(r.stdout).toBe('');
  });

  it('exits non-zero for a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldn-cli-'));
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"version": 1, ');
    const r = cli(bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('field json');
  });
});
