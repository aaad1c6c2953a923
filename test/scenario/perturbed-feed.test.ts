// Covers PerturbedFeed: price jumps and drift in ticks of the quote's own mid, spread blow-outs for their window, silence dropping events, injected trade bursts.
import { describe, expect, it } from 'vitest';
import type { MarketDataEvent, QuoteEvent } from '../../src/core/model/market-data-event.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import type { MarketDataFeed } from '../../src/ports/market-data-feed.js';
import { PerturbedFeed } from '../../src/scenario/perturbed-feed.js';

/** Quotes of BTCUSDT every 100 ms: bid 1,000,000 ticks, ask one tick above. */
function quotes(count: number): MarketDataFeed {
  let i = 0;
  return {
    kind: 'test',
    expectedUpdates: count,
    next(): MarketDataEvent | null {
      if (i >= count) return null;
      const q: QuoteEvent = { kind: 'quote', symbol: 'BTCUSDT', ts: i * 100, bidTicks: 1_000_000, askTicks: 1_000_001, bidLots: 5, askLots: 5, seq: null };
      i++;
      return q;
    },
    stop() {},
  };
}

function bidAsk(e: MarketDataEvent | null): [number, number] {
  const q = e as QuoteEvent;
  return [q.bidTicks, q.askTicks];
}

describe('PerturbedFeed', () => {
  it('moves the mid by a price jump from the next quote on, in ticks of that quote’s mid', () => {
    const f = new PerturbedFeed(quotes(3), new SeededRng('t'));
    expect(bidAsk(f.next())).toEqual([1_000_000, 1_000_001]);
    f.priceJump('BTCUSDT', -10); // 10 bps of 1,000,000.5 ticks = 1000 ticks
    expect(bidAsk(f.next())).toEqual([999_000, 999_001]);
    expect(bidAsk(f.next())).toEqual([999_000, 999_001]);
  });

  it('drifts by bps per update until the window ends, and widens the spread for its window only', () => {
    const f = new PerturbedFeed(quotes(5), new SeededRng('t'));
    f.adverseFlow('BTCUSDT', 1, 200);
    f.spreadBlowout('BTCUSDT', 50, 100);
    expect(bidAsk(f.next())).toEqual([1_000_100, 1_000_151]); // ts 0: drift +100, spread 1 + 50
    expect(bidAsk(f.next())).toEqual([1_000_200, 1_000_201]); // ts 100: drift again, spread back
    expect(bidAsk(f.next())).toEqual([1_000_200, 1_000_201]); // ts 200: drift over
  });

  it('drops every event during a silence and counts them', () => {
    const f = new PerturbedFeed(quotes(5), new SeededRng('t'));
    f.silence(250);
    expect((f.next() as QuoteEvent).ts).toBe(300);
    expect(f.report()).toEqual({ dropped_during_silence: 3, trades_injected: 0, applied: [] });
  });

  it('delivers a trade burst before the next market event, at the time it was applied', () => {
    const f = new PerturbedFeed(quotes(2), new SeededRng('t'));
    f.next();
    f.tradeBurst('BTCUSDT', 2, 'SELL', 1_000_000, 50);
    expect(f.next()).toEqual({ kind: 'trade', symbol: 'BTCUSDT', ts: 50, priceTicks: 1_000_000, qtyLots: 1, takerSide: 'sell', tradeId: 'burst-1' });
    expect((f.next() as { tradeId: string }).tradeId).toBe('burst-2');
    expect((f.next() as QuoteEvent).ts).toBe(100);
  });
});
