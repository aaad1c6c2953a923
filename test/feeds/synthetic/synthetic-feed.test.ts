// Covers SyntheticFeed: seeded reproducibility, ts order with symbols in configured order, bid < ask, exhaustion, stop, per-symbol forks.
import { describe, it, expect } from 'vitest';
import { SyntheticFeed, type SyntheticFeedSettings } from '../../../src/feeds/synthetic/synthetic-feed.js';
import type { RandomWalkSettings } from '../../../src/core/market/random-walk.js';
import type { TopOfBook } from '../../../src/core/model/market-update.js';
import { SeededRng } from '../../../src/core/random/seeded-rng.js';

const BTC: RandomWalkSettings = { symbol: 'BTCUSDT', startBidTicks: 935000, spreadTicks: 1, sigmaTicks: 5, maxLevelLots: 10 };
const ETH: RandomWalkSettings = { symbol: 'ETHUSDT', startBidTicks: 335000, spreadTicks: 2, sigmaTicks: 3, maxLevelLots: 20 };
const START = 1_735_689_600_000;

function settings(walks: RandomWalkSettings[], iterations = 50): SyntheticFeedSettings {
  return { walks, startMs: START, intervalMs: 100, iterations };
}

/** Every update, copied: the feed rewrites a symbol's record two updates of that symbol later (RandomWalk's reuse rule). */
function drain(feed: SyntheticFeed): TopOfBook[] {
  const out: TopOfBook[] = [];
  for (let u = feed.next(); u !== null; u = feed.next()) out.push({ ...u });
  return out;
}

describe('SyntheticFeed', () => {
  it('yields identical updates for the same seed and different ones for another seed', () => {
    const a = drain(new SyntheticFeed(settings([BTC, ETH]), new SeededRng('42').fork('market')));
    const b = drain(new SyntheticFeed(settings([BTC, ETH]), new SeededRng('42').fork('market')));
    const c = drain(new SyntheticFeed(settings([BTC, ETH]), new SeededRng('43').fork('market')));
    expect(a).toEqual(b);
    expect(a.map((u) => u.bidTicks)).not.toEqual(c.map((u) => u.bidTicks));
  });

  it('yields iterations × symbols updates, step by step with symbols in configured order, then null', () => {
    const feed = new SyntheticFeed(settings([ETH, BTC], 4), new SeededRng('order'));
    expect(feed.kind).toBe('synthetic');
    expect(feed.expectedUpdates).toBe(8);
    const updates = drain(feed);
    expect(updates.map((u) => `${u.ts - START}:${u.symbol}`)).toEqual([
      '0:ETHUSDT',
      '0:BTCUSDT',
      '100:ETHUSDT',
      '100:BTCUSDT',
      '200:ETHUSDT',
      '200:BTCUSDT',
      '300:ETHUSDT',
      '300:BTCUSDT',
    ]);
    expect(feed.next()).toBeNull();
    expect(feed.next()).toBeNull();
  });

  it('starts each symbol at its start bid with its spread, and keeps bid < ask', () => {
    const updates = drain(new SyntheticFeed(settings([BTC, ETH], 500), new SeededRng('spread')));
    expect(updates[0]).toMatchObject({ symbol: 'BTCUSDT', ts: START, bidTicks: 935000, askTicks: 935001 });
    expect(updates[1]).toMatchObject({ symbol: 'ETHUSDT', ts: START, bidTicks: 335000, askTicks: 335002 });
    for (const u of updates) {
      expect(u.bidTicks).toBeLessThan(u.askTicks);
      expect(u.askTicks - u.bidTicks).toBe(u.symbol === 'BTCUSDT' ? 1 : 2);
    }
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.ts).toBeGreaterThanOrEqual(updates[i - 1]!.ts);
  });

  it('leaves a quote as it was until the next-but-one update of its symbol (what the loop and the venue keep)', () => {
    const feed = new SyntheticFeed(settings([BTC]), new SeededRng('42').fork('market'));
    const copies = drain(new SyntheticFeed(settings([BTC]), new SeededRng('42').fork('market')));
    const first = feed.next()!;
    const kept = { ...first };
    const second = feed.next()!;
    expect(second).not.toBe(first);
    expect(first).toEqual(kept);
    expect({ ...second }).toEqual(copies[1]);
    expect(feed.next()).toBe(first); // the third update rewrites the first record
    expect({ ...first }).toEqual(copies[2]);
  });

  it('returns null from every next() after stop()', () => {
    const feed = new SyntheticFeed(settings([BTC, ETH]), new SeededRng('stop'));
    expect(feed.next()).not.toBeNull();
    feed.stop();
    expect(feed.next()).toBeNull();
    feed.stop();
    expect(feed.next()).toBeNull();
  });

  it('yields nothing for zero iterations or no symbols', () => {
    expect(new SyntheticFeed(settings([BTC], 0), new SeededRng('x')).next()).toBeNull();
    const empty = new SyntheticFeed(settings([], 10), new SeededRng('x'));
    expect(empty.expectedUpdates).toBe(0);
    expect(empty.next()).toBeNull();
  });

  it('does not change a symbol\'s path when another symbol is added, before or after it', () => {
    const alone = drain(new SyntheticFeed(settings([BTC]), new SeededRng('7').fork('market')));
    const after = drain(new SyntheticFeed(settings([BTC, ETH]), new SeededRng('7').fork('market'))).filter((u) => u.symbol === 'BTCUSDT');
    const before = drain(new SyntheticFeed(settings([ETH, BTC]), new SeededRng('7').fork('market'))).filter((u) => u.symbol === 'BTCUSDT');
    expect(alone).toHaveLength(50);
    expect(after).toEqual(alone);
    expect(before).toEqual(alone);
  });

  it('draws each symbol from the fork named after it', () => {
    const feed = drain(new SyntheticFeed(settings([BTC], 3), new SeededRng('9')));
    const rng = new SeededRng('9/BTCUSDT');
    // first step: no move, sizes from two draws
    expect(feed[0]!.bidLots).toBe(1 + Math.floor(rng.next() * 10));
    expect(feed[0]!.askLots).toBe(1 + Math.floor(rng.next() * 10));
  });
});
