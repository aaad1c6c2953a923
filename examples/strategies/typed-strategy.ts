// A strategy plug-in written in TypeScript against the package's types (`shadow-exec/strategy`): compile it to .mjs, then run --strategy on the output.
import type { Strategy, StrategyContext, StrategyDefinition } from 'shadow-exec/strategy';

/** Joins the best bid and ask one tick inside the touch, never crossing the mid. */
function create(ctx: StrategyContext): Strategy {
  return {
    onQuote(symbol, quote, midTicks) {
      const bid = Math.min(quote.bidTicks + 1, midTicks - 1);
      const ask = Math.max(quote.askTicks - 1, midTicks + 1);
      ctx.quote(symbol, 'BUY', bid, ctx.grid.lotsForNotional(symbol, bid, 500e8), 1);
      ctx.quote(symbol, 'SELL', ask, ctx.grid.lotsForNotional(symbol, ask, 500e8), 1);
    },
    onOrderRejected(order, reject) {
      ctx.cancelAll(order.symbolIndex);
      void reject.code;
    },
  };
}

const definition: StrategyDefinition = {
  name: 'typed-strategy',
  version: '1.0.0',
  description: 'one tick inside the touch on both sides',
  create,
};
export default definition;
