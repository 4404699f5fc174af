import { describe, expect, it } from 'vitest';
import { createModel, withDerived } from '../../models/index';
import { createRng } from '../../src/engine/population/createRng';
import { ALL_PERSISTENCE, ALL_UPREGULATION } from './simulateHelpers';

/**
 * Model.liveStates promises that every state from the returned index on starts at 0 and has a derivative of
 * exactly 0 while it is 0, whatever the live states are — so it stays 0 and the solver may skip it. Checked at
 * random states (live part) and random parameters within their ranges, for every hypothesis set.
 */
describe('liveStates()', () => {
  for (const persistence of ALL_PERSISTENCE) {
    for (const upregulation of ALL_UPREGULATION) {
      it(`leaves only states that stay exactly 0 outside the live prefix (${persistence}, ${upregulation})`, () => {
        const m = createModel({ persistence, upregulation });
        const rand = createRng(11);
        const rng = (): number => rand.uniform();
        const n = m.states.length;
        const y = new Float64Array(n);
        const dy = new Float64Array(n);
        let pruned = 0;
        for (let trial = 0; trial < 200; trial++) {
          const p0 = new Float64Array(m.parameters.map((s) => s.min + rng() * (s.max - s.min)));
          // the switches are often exactly 0 in practice: hit that case on purpose in half the trials
          for (const id of ['ntx_k_iso', 'ntx_q_deep']) if (rng() < 0.5) p0[m.parameters.findIndex((s) => s.id === id)] = 0;
          const p = withDerived(m, p0);
          const dosed = rng() < 0.3 ? ['naltrexone', 'agonist'] : ['naltrexone'];
          const live = m.liveStates!(p, dosed);
          m.init(p, y);
          for (let i = live; i < n; i++) expect(y[i]).toBe(0);
          for (let i = 0; i < live; i++) y[i] = m.states[i].id === 'mor_total' ? 1 + rng() : 0.5 * rng();
          m.rhs(0, y, p, dy);
          // ±0 both leave the state at +0 (0 + h·(−0) = +0)
          for (let i = live; i < n; i++) expect(dy[i] === 0, `${m.states[i].id}' = ${dy[i]}`).toBe(true);
          pruned += n - live;
        }
        expect(pruned).toBeGreaterThan(0);
      });
    }
  }
});
