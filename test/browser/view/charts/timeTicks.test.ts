import { describe, expect, it } from 'vitest';
import { clockTime, dayAndClock, sleepWindows, timeTicks } from '../../../../src/view/charts/timeTicks';

describe('clock and day labels (t = 0 is midnight at the start of day 1)', () => {
  it('reads 22 h as Day 1, 22:00 and 47.99999 h as Day 3, 00:00 (rounded to the minute)', () => {
    expect(dayAndClock(22)).toBe('Day 1, 22:00');
    expect(dayAndClock(47.99999)).toBe('Day 3, 00:00');
    expect(dayAndClock(24 * 6 + 7.5)).toBe('Day 7, 07:30');
    expect(clockTime(-1)).toBe('23:00');
  });
});

describe('timeTicks()', () => {
  it('labels a week with day ticks at each midnight', () => {
    const t = timeTicks([0, 168], 10);
    expect(t.values).toEqual([0, 24, 48, 72, 96, 120, 144, 168]);
    expect(t.values.map(t.format)).toEqual(['Day 1', 'Day 2', 'Day 3', 'Day 4', 'Day 5', 'Day 6', 'Day 7', 'Day 8']);
  });
  it('switches to clock ticks when zoomed into a day, with the day named at midnight', () => {
    const t = timeTicks([18, 36], 8);
    expect(t.values).toEqual([18, 21, 24, 27, 30, 33, 36]);
    expect(t.values.map(t.format)).toEqual(['18:00', '21:00', 'Day 2', '03:00', '06:00', '09:00', '12:00']);
  });
  it('never returns more ticks than asked for over long runs (a year, 12 ticks)', () => {
    expect(timeTicks([0, 8760], 12).values.length).toBeLessThanOrEqual(13);
  });
});

describe('sleepWindows()', () => {
  it('shades 23:00–07:00 each night, clipped to the window', () => {
    expect(sleepWindows([0, 48])).toEqual([[0, 7], [23, 31], [47, 48]]);
  });
  it('finds the night that covers a window inside it', () => {
    expect(sleepWindows([25, 30])).toEqual([[25, 30]]);
    expect(sleepWindows([8, 22])).toEqual([]);
  });
});
