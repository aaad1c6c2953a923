// Covers HyperliquidVenueRules: the tick and minimum-value checks on the order grid, the Alo rejection naming the bbo, reduce-only, Ioc remainders, cancels and the nonce window.
import { describe, expect, it } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { OrderRequest } from '../../../src/core/model/order.js';
import { HYPERLIQUID_BUNDLED_META_JSON } from '../../../src/venues/hyperliquid/hyperliquid-bundled-meta.js';
import { parseHyperliquidMeta } from '../../../src/venues/hyperliquid/hyperliquid-instruments.js';
import { HyperliquidVenueRules } from '../../../src/venues/hyperliquid/hyperliquid-venue-rules.js';

const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled');
const rules = new HyperliquidVenueRules({ makerPpm: 150, takerPpm: 450 } as never, new Map(coins.map((c) => [c.spec.symbol, c])));
const eth = buildInstrument(coins.find((c) => c.spec.symbol === 'ETH')!.spec);
const order = (priceTicks: number, qtyLots: number): OrderRequest => ({ symbol: 'ETH', symbolIndex: 0, side: 'BUY', priceTicks, qtyLots, quoteMidTicks: priceTicks });

describe('HyperliquidVenueRules', () => {
  it('accepts 3000.5 × 0.0034 and rejects 3000.05 (6 significant figures) and a value under $10, with the docs texts', () => {
    expect(rules.validate(order(300050, 34), eth)).toBeNull();
    expect(rules.validate(order(300005, 34), eth)).toEqual({ code: 'tickRejected', message: 'Price must be divisible by tick size.', detail: 'price 3000.05 has 6 significant figures, more than 5 (asset=1)' });
    expect(rules.validate(order(300050, 33), eth)).toMatchObject({ code: 'minTradeNtlRejected', message: 'Order must have minimum value of $10.' });
  });

  it('rejects an Alo that would take, naming the bbo as the venue does', () => {
    // ETH's bundled grid here is the finest (0.01): 300050 ticks = 3000.5.
    expect(rules.postOnlyWouldTake({ symbol: 'ETH', bidTicks: 300050, askTicks: 300060 })).toEqual({
      kind: 'reject',
      reject: { code: 'badAloPxRejected', message: 'Post only order would have immediately matched, bbo was 3000.5@3000.6.' },
    });
    expect(rules.postOnlyWouldTake({ symbol: 'BTC', bidTicks: 649900, askTicks: 649910 })).toEqual({
      kind: 'reject',
      reject: { code: 'badAloPxRejected', message: 'Post only order would have immediately matched, bbo was 64990@64991.' },
    });
    expect(JSON.stringify(rules.postOnlyWouldTake({ symbol: 'ETH', bidTicks: 300000, askTicks: 300010 }))).not.toContain('{bbo}');
  });

  it('answers reduce-only, Ioc remainders and cancels with the venue words', () => {
    expect(rules.reduceOnlyViolated()).toEqual({ code: 'reduceOnlyRejected', message: 'Reduce only order would increase position.' });
    expect(rules.immediateRemainder('IOC', 0)).toEqual({ kind: 'reject', reject: { code: 'iocCancelRejected', message: 'Order could not immediately match against any resting orders.' } });
    expect(rules.immediateRemainder('IOC', 3)).toEqual({ kind: 'cancel', reason: 'canceled' });
    expect(rules.cancelRejected('ALREADY_FILLED')).toEqual({ code: 'MissingOrder', message: 'Order was never placed, already canceled, or filled.', detail: 'already filled' });
  });

  it('logs every order answer under its status name with the first body as the venue sends it (HTTP 200, status ok, statuses[0].error)', () => {
    const fresh = new HyperliquidVenueRules({ makerPpm: 150, takerPpm: 450 } as never, new Map(coins.map((c) => [c.spec.symbol, c])));
    fresh.postOnlyWouldTake({ symbol: 'BTC', bidTicks: 649900, askTicks: 649910 });
    fresh.postOnlyWouldTake({ symbol: 'BTC', bidTicks: 650000, askTicks: 650010 });
    fresh.immediateRemainder('IOC', 0);
    fresh.immediateRemainder('IOC', 5);
    expect(fresh.answers.report()).toEqual({
      badAloPxRejected: {
        count: 2,
        http_status: 200,
        first_answer: '{"status":"ok","response":{"type":"order","data":{"statuses":[{"error":"Post only order would have immediately matched, bbo was 64990@64991."}]}}}',
      },
      canceled: { count: 1, http_status: 200, first_answer: 'statuses[0].filled {totalSz, avgPx, oid} of the part that filled; the rest canceled' },
      iocCancelRejected: {
        count: 1,
        http_status: 200,
        first_answer: '{"status":"ok","response":{"type":"order","data":{"statuses":[{"error":"Order could not immediately match against any resting orders."}]}}}',
      },
    });
  });

  it('takes nonces inside (T - 2 days, T + 1 day) and refuses the rest', () => {
    const t = 1_700_000_000_000;
    expect(rules.timestampRejected(t - 2 * 86_400_000 + 1, t, 5000)).toBeNull();
    expect(rules.timestampRejected(t + 86_400_000 - 1, t, 5000)).toBeNull();
    expect(rules.timestampRejected(t + 86_400_000, t, 5000)).toEqual({ code: 'err', message: 'Invalid nonce', detail: `nonce ${t + 86_400_000} is at least 1 day ahead of the venue's time ${t}` });
  });
});
