// Covers EventScheduler: (time, seq) ordering, FIFO ties, interleaving, heap correctness on seeded random input, counters.
import { describe, it, expect } from 'vitest';
import { EventScheduler } from '../../../src/core/scheduler/event-scheduler.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';

/** Pops every event, runs it, and returns the labels the actions pushed, in run order. */
function drain(scheduler: EventScheduler, out: string[]): string[] {
  for (let e = scheduler.pop(); e !== null; e = scheduler.pop()) e.action();
  return out;
}

describe('EventScheduler', () => {
  it('pops events in increasing time regardless of scheduling order', () => {
    const s = new EventScheduler();
    const out: string[] = [];
    s.schedule(30, () => out.push('c'));
    s.schedule(10, () => out.push('a'));
    s.schedule(20, () => out.push('b'));
    expect(drain(s, out)).toEqual(['a', 'b', 'c']);
  });

  it('returns the event time with each popped action', () => {
    const s = new EventScheduler();
    s.schedule(7, () => {});
    s.schedule(3, () => {});
    expect(s.pop()?.time).toBe(3);
    expect(s.pop()?.time).toBe(7);
  });

  it('runs events with equal times in the order they were scheduled (FIFO ties)', () => {
    const s = new EventScheduler();
    const out: string[] = [];
    for (const label of ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']) s.schedule(100, () => out.push(label));
    s.schedule(50, () => out.push('early'));
    expect(drain(s, out)).toEqual(['early', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']);
  });

  it('keeps (time, seq) order when scheduling and popping interleave, including events scheduled by actions', () => {
    const s = new EventScheduler();
    const out: string[] = [];
    s.schedule(10, () => {
      out.push('a@10');
      s.schedule(10, () => out.push('d@10'));
      s.schedule(15, () => out.push('e@15'));
    });
    s.schedule(10, () => out.push('b@10'));
    s.schedule(20, () => out.push('c@20'));
    const first = s.pop();
    first?.action();
    s.schedule(12, () => out.push('f@12'));
    expect(drain(s, out)).toEqual(['a@10', 'b@10', 'd@10', 'f@12', 'e@15', 'c@20']);
  });

  it('pops 2000 seeded random insertions sorted by time, ties in insertion order', () => {
    const rng = new SeededRng('scheduler-test');
    const s = new EventScheduler();
    const inserted: { time: number; index: number }[] = [];
    const popped: { time: number; index: number }[] = [];
    for (let index = 0; index < 2000; index++) {
      const time = Math.floor(rng.next() * 200); // many ties
      inserted.push({ time, index });
      s.schedule(time, () => popped.push({ time, index }));
    }
    expect(s.size).toBe(2000);
    drain(s, []);
    const expected = [...inserted].sort((a, b) => a.time - b.time || a.index - b.index);
    expect(popped).toEqual(expected);
    expect(s.size).toBe(0);
  });

  it('stays sorted when seeded random schedules and pops interleave', () => {
    const rng = new SeededRng('scheduler-interleave');
    const s = new EventScheduler();
    let now = 0;
    let seq = 0;
    const popped: { time: number; seq: number }[] = [];
    for (let round = 0; round < 500; round++) {
      const adds = 1 + Math.floor(rng.next() * 4);
      for (let k = 0; k < adds; k++) {
        const time = now + Math.floor(rng.next() * 20);
        const mySeq = seq++;
        s.schedule(time, () => popped.push({ time, seq: mySeq }));
      }
      const pops = Math.floor(rng.next() * 4);
      for (let k = 0; k < pops; k++) {
        const e = s.pop();
        if (e === null) break;
        now = e.time;
        e.action();
      }
    }
    drain(s, []);
    expect(popped).toHaveLength(seq);
    for (let i = 1; i < popped.length; i++) {
      const a = popped[i - 1]!;
      const b = popped[i]!;
      expect(a.time < b.time || (a.time === b.time && a.seq < b.seq)).toBe(true);
    }
  });

  it('counts popped events in processedCount and not pops of an empty queue', () => {
    const s = new EventScheduler();
    expect(s.processedCount).toBe(0);
    s.schedule(1, () => {});
    s.schedule(2, () => {});
    s.schedule(3, () => {});
    s.pop();
    s.pop();
    expect(s.processedCount).toBe(2);
    s.pop();
    expect(s.pop()).toBeNull();
    expect(s.pop()).toBeNull();
    expect(s.processedCount).toBe(3);
  });

  it('reports the earliest time with peekTime without removing it, null when empty', () => {
    const s = new EventScheduler();
    expect(s.peekTime()).toBeNull();
    s.schedule(40, () => {});
    s.schedule(5, () => {});
    expect(s.peekTime()).toBe(5);
    expect(s.size).toBe(2);
    s.pop();
    expect(s.peekTime()).toBe(40);
    s.pop();
    expect(s.peekTime()).toBeNull();
  });

  it('refuses a non-finite event time with E_INVARIANT', () => {
    const s = new EventScheduler();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      let caught: unknown;
      try {
        s.schedule(bad, () => {});
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ShadowExecError);
      expect((caught as ShadowExecError).code).toBe('E_INVARIANT');
    }
    expect(s.size).toBe(0);
  });
});

describe('EventScheduler front slot, FIFO lane and heap together', () => {
  it('pops in exactly (time, seq) order over seeded random mixes of in-order and out-of-order schedules, self-scheduled events and pops', () => {
    const rng = new SeededRng('scheduler-lanes');
    const s = new EventScheduler();
    const reference: { time: number; seq: number }[] = [];
    let seq = 0;
    let now = 0;
    const popped: number[] = [];
    const expected: number[] = [];
    // What the scheduler answered at each step next to what the reference says, compared once at the end (an expect per
    // step cost seconds): [peekTime, popped time] per pop, the size after every step.
    const answered: (number | null)[] = [];
    const wanted: (number | null)[] = [];
    const popOne = (): void => {
      reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
      const want = reference.shift()!;
      answered.push(s.peekTime());
      const event = s.pop()!;
      answered.push(event.time);
      wanted.push(want.time, want.time);
      now = event.time;
      event.action();
      expected.push(want.seq);
    };
    for (let step = 0; step < 20_000; step++) {
      const r = rng.next();
      if (r < 0.55) {
        // Mostly constant-latency arrivals (in order), sometimes an earlier one, sometimes one due now.
        const kind = rng.next();
        const time = kind < 0.6 ? now + 50 : kind < 0.8 ? now : now + Math.floor(rng.next() * 60);
        const id = seq++;
        reference.push({ time, seq: id });
        if (rng.next() < 0.3) {
          const self = { time: 0, seq: 0, action: () => popped.push(id) };
          s.scheduleSelf(self, time);
        } else {
          s.schedule(time, () => popped.push(id));
        }
      } else if (reference.length > 0) {
        popOne();
      }
      answered.push(s.size);
      wanted.push(reference.length);
    }
    while (reference.length > 0) popOne();
    expect(answered).toEqual(wanted);
    expect(s.pop()).toBeNull();
    expect(popped).toEqual(expected);
    expect(popped.length).toBeGreaterThan(8_000);
  });
});
