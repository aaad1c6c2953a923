// Covers VirtualClock: fixed start, forward moves, and refusal to go backwards.
import { describe, it, expect } from 'vitest';
import { VirtualClock } from '../../../src/core/time/virtual-clock.js';
import { codeOf } from '../../helpers/error-code.js';

const START = Date.UTC(2025, 0, 1); // 1735689600000, a fixed instant (not the wall clock)

describe('VirtualClock', () => {
  it('starts at the given instant', () => {
    expect(new VirtualClock(START).now()).toBe(1735689600000);
  });

  it('moves forward with advanceTo and stays put until advanced again', () => {
    const clock = new VirtualClock(START);
    clock.advanceTo(START + 250);
    expect(clock.now()).toBe(START + 250);
    expect(clock.now()).toBe(START + 250);
    clock.advanceTo(START + 1000);
    expect(clock.now()).toBe(START + 1000);
  });

  it('accepts advancing to the current time', () => {
    const clock = new VirtualClock(START);
    clock.advanceTo(START);
    expect(clock.now()).toBe(START);
  });

  it('refuses to move backwards with E_INVARIANT and keeps its time', () => {
    const clock = new VirtualClock(START);
    clock.advanceTo(START + 100);
    expect(codeOf(() => clock.advanceTo(START + 99))).toBe('E_INVARIANT');
    expect(clock.now()).toBe(START + 100);
  });

  it('refuses a non-integer start with E_INVARIANT', () => {
    expect(codeOf(() => new VirtualClock(1.5))).toBe('E_INVARIANT');
    expect(codeOf(() => new VirtualClock(Number.NaN))).toBe('E_INVARIANT');
  });
});

describe('VirtualClock with a non-number', () => {
  it('refuses to advance to NaN and keeps its time', () => {
    const clock = new VirtualClock(1000);
    expect(() => clock.advanceTo(Number.NaN)).toThrow(/cannot go back/);
    expect(clock.now()).toBe(1000);
  });
});
