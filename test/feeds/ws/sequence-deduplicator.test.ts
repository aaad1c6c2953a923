// Covers SequenceDeduplicator: first sighting passes, repeats are refused and counted, the window evicts oldest keys first.
import { describe, expect, it } from 'vitest';
import { SequenceDeduplicator } from '../../../src/feeds/ws/sequence-deduplicator.js';

describe('SequenceDeduplicator', () => {
  it('admits a key once and counts every repeat', () => {
    const d = new SequenceDeduplicator(8);
    expect(['a', 'b', 'a', 'c', 'b', 'a'].map((k) => d.admit(k))).toEqual([true, true, false, true, false, false]);
    expect(d.duplicates).toBe(3);
  });

  it('forgets the oldest key once the window is full', () => {
    const d = new SequenceDeduplicator(2);
    expect(d.admit('1')).toBe(true);
    expect(d.admit('2')).toBe(true);
    expect(d.admit('3')).toBe(true);
    expect(d.admit('2')).toBe(false);
    expect(d.admit('1')).toBe(true);
  });
});
