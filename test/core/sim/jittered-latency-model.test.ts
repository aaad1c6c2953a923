// Covers JitteredLatencyModel: seeded uniform jitter that lets requests overtake each other.
import { describe, it, expect } from 'vitest';
import { JitteredLatencyModel } from '../../../src/core/sim/jittered-latency-model.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { harness } from '../../helpers/venue-harness.js';

describe('JitteredLatencyModel', () => {
  it('draws base + a whole 0..jitter ms per request from its seeded stream, the same for the same seed', () => {
    const draws = (seed: string): number[] => {
      const m = new JitteredLatencyModel(50, 20, new SeededRng(seed));
      return Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? m.entryDelayMs() : i % 3 === 1 ? m.cancelDelayMs() : m.amendDelayMs()));
    };
    const a = draws('lat');
    expect(draws('lat')).toEqual(a);
    expect(draws('other')).not.toEqual(a);
    expect(a.every((ms) => Number.isInteger(ms) && ms >= 50 && ms <= 70)).toBe(true);
    expect(new Set(a).size).toBe(21); // every value of 50..70 occurs in 300 draws
  });

  it('with zero jitter is the constant base', () => {
    const m = new JitteredLatencyModel(7, 0, new SeededRng('x'));
    expect([m.entryDelayMs(), m.cancelDelayMs(), m.amendDelayMs()]).toEqual([7, 7, 7]);
  });

  it('describes its base, jitter and rule', () => {
    expect(new JitteredLatencyModel(50, 20, new SeededRng('x')).describe()).toMatchObject({ name: 'uniform-jitter', base_ms: '50', jitter_ms: '20' });
  });

  it('lets a cancel sent after an entry overtake it, and the venue then refuses the early cancel', () => {
    // Find a seed where the entry draws a longer delay than the cancel right after it.
    let seed = 0;
    for (;; seed++) {
      const rng = new SeededRng(`race-${seed}`);
      const entry = 0 + Math.floor(rng.next() * 101);
      const cancel = 0 + Math.floor(rng.next() * 101);
      if (entry > cancel + 1) break;
    }
    const h = harness({ latency: new JitteredLatencyModel(0, 100, new SeededRng(`race-${seed}`)) });
    const id = h.place('BUY', 934000, 2);
    h.venue.cancelOrder(id);
    h.runUntil(200);
    expect(h.rec.lines.map((l) => l.split(' ').slice(1, 4).join(' '))).toEqual(['cancel-rejected O-1 NEW', 'accepted O-1 OPEN']);
  });
});
