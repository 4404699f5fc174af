import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/**
 * Strict TypeScript over the whole project, and models/ + src/engine/ checked with lib ES2022 only (no DOM, no
 * Node types: tsconfig.core.json), so that the engine stays runnable in Node, a worker and the page alike.
 */
function tsc(project: string) {
  return spawnSync('npx', ['--no-install', 'tsc', '--noEmit', '-p', project], { encoding: 'utf8' });
}

describe('type check', () => {
  it('the whole project type-checks in strict mode', () => {
    const r = tsc('tsconfig.json');
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('models/ and src/engine/ type-check without DOM or Node types', () => {
    const r = tsc('tsconfig.core.json');
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
