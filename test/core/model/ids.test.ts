// Covers IdSequence: counter-based "<prefix>-<n>" ids in call order and the issued count.
import { describe, it, expect } from 'vitest';
import { IdSequence, type OrderId } from '../../../src/core/model/ids.js';

describe('IdSequence', () => {
  it('issues "<prefix>-1", "<prefix>-2", … in call order and counts them', () => {
    const ids = new IdSequence<OrderId>('O');
    expect(ids.issued).toBe(0);
    expect(ids.issue()).toBe('O-1');
    expect(ids.issue()).toBe('O-2');
    expect(ids.issue()).toBe('O-3');
    expect(ids.issued).toBe(3);
  });

  it('keeps independent counters per sequence', () => {
    const a = new IdSequence<string>('F');
    const b = new IdSequence<string>('F');
    a.issue();
    a.issue();
    expect(b.issue()).toBe('F-1');
    expect(a.issue()).toBe('F-3');
  });
});
