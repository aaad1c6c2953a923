// quote-mid: a shadow-exec strategy plug-in — a bid and an ask `spreadBps` around the mid, each worth `notionalUsd`, moved when the mid drifts `requoteBps`.
// Run it: shadow-exec run --strategy ./examples/strategies/quote-mid.mjs --strategy-params '{"spreadBps":30}'
// Prices and sizes are integer ticks and lots of the instrument's grid; ctx.grid converts decimals. No Date.now() or
// Math.random(): ctx.now() is the run's clock and ctx.rng its seeded stream, so every run is byte-reproducible.

/** @type {import('shadow-exec/strategy').StrategyDefinition} */
export default {
  name: 'quote-mid',
  version: '1.0.0',
  description: 'a bid and an ask spreadBps around the mid, each worth notionalUsd, requoted when the mid drifts requoteBps',
  parameters: {
    type: 'object',
    properties: {
      spreadBps: { type: 'number', minimum: 0.1, maximum: 10000, default: 20, description: 'full spread around the mid, bps' },
      notionalUsd: { type: 'number', minimum: 1, maximum: 1000000, default: 500, description: 'value of each order, quote currency' },
      requoteBps: { type: 'number', minimum: 0, maximum: 10000, default: 2, description: 'mid drift that moves a quote, bps' },
    },
  },
  create(ctx) {
    const { spreadBps, notionalUsd, requoteBps } = ctx.params;
    const notionalE8 = Math.round(notionalUsd * 1e8);
    return {
      onQuote(symbol, _quote, midTicks) {
        // Half the spread, at least one tick, rounded away from the mid (bps × ticks / 20000).
        const half = Math.max(1, Math.ceil((midTicks * spreadBps) / 20000));
        const requote = Math.max(1, Math.ceil((midTicks * requoteBps) / 10000));
        const bid = midTicks - half;
        const ask = midTicks + half;
        ctx.quote(symbol, 'BUY', bid, ctx.grid.lotsForNotional(symbol, bid, notionalE8), requote);
        ctx.quote(symbol, 'SELL', ask, ctx.grid.lotsForNotional(symbol, ask, notionalE8), requote);
      },
      onOrderRejected(order, reject) {
        // The venue's own code and message: a post-only order that would take, a size below the minimum, …
        void order;
        void reject;
      },
    };
  },
};
