// Covers LoopStrategyContext through a composed run: place/cancel with decimals and ticks, own-order callbacks in order, timers on the virtual clock, the strategy's own rng stream, refusals while frozen or stopping, and a guarded throw.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { composeRun } from '../../src/app/compose.js';
import type { RunInput } from '../../src/app/config/run-input.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import type { LoadedPlugin } from '../../src/app/strategy-wiring.js';
import { SeededRng } from '../../src/core/random/seeded-rng.js';
import { runSession } from '../../src/engine/run-session.js';
import type { Strategy, StrategyContext } from '../../src/ports/strategy.js';

const START = Date.parse('2025-01-01T00:00:00Z');

/** A plug-in (as loaded) whose strategy is `create(ctx)`. */
function plugin(create: (ctx: StrategyContext) => Strategy): LoadedPlugin {
  return { definition: { name: 'scripted', version: '0', description: 'test script', create }, url: 'file:///scripted.mjs', identity: { file: 'scripted.mjs', sha256: '0'.repeat(64) } };
}

async function run(create: (ctx: StrategyContext) => Strategy, input: RunInput = {}): Promise<any> {
  const composed = composeRun(validateRunConfig({ strategy: './scripted.mjs', iterations: '50', ...input }), { name: 't', version: '0' }, { plugin: plugin(create) });
  return (await runSession(composed, { stopRequested: () => false, yieldSlice: () => Promise.resolve() })).report;
}

describe('LoopStrategyContext', () => {
  it('places orders given as exact decimals or ticks, tells the strategy of each (a taker fill on arrival, an accept, a cancel) and lists what is open', async () => {
    const log: string[] = [];
    let quotes = 0;
    let resting = -1;
    const report = await run(
      (ctx) => ({
        onQuote(symbol, quote) {
          quotes++;
          if (quotes === 1) {
            // One tick above the best ask: it takes at the touch on arrival. And a sell far above: it rests.
            const price = ctx.grid.ticksToPrice(symbol, quote.askTicks + 1);
            log.push(`place ${ctx.place({ symbol, side: 'BUY', price, qty: '0.002' }).kind} ${price}`);
            const sell = ctx.place({ symbol, side: 'SELL', priceTicks: quote.askTicks + 1000, qtyLots: 1, options: { postOnly: true } });
            if (sell.kind === 'sent') resting = sell.seq;
            log.push(`open ${ctx.openOrders(symbol).map((o) => `${o.side} ${o.qtyLots}@${o.priceTicks} ${o.status}`).join(', ')}`);
          }
          if (quotes === 5) log.push(`cancel ${ctx.cancel(resting)} again ${ctx.cancel(resting)}`);
        },
        onOrderAccepted: (order) => void log.push(`accepted ${order.seq} ${order.side}`),
        onFill: (fill, order) => void log.push(`fill ${fill.side} ${fill.qtyLots} ${fill.liquidity} ${order.status} position ${ctx.position(fill.symbolIndex).qty}`),
        onOrderCanceled: (order) => void log.push(`canceled ${order.seq} open ${ctx.openOrders().length}`),
      }),
      { fillRate: '0' },
    );
    expect(log).toEqual([
      'place sent 93500.2',
      'open BUY 2@935002 NEW, SELL 1@936001 NEW',
      'fill BUY 2 TAKER FILLED position 0.002',
      'accepted 2 SELL',
      'cancel true again false',
      'canceled 2 open 0',
    ]);
    expect(report.strategy).toMatchObject({ place_requests: 2, places_sent: 2, cancel_requests: 2, denied: {} });
  });

  it('fires named timers on the virtual clock; setting a pending name again moves it, cancelling drops it', async () => {
    const fired: string[] = [];
    const report = await run((ctx) => ({
      onStart() {
        ctx.setTimer('a', 1000);
        ctx.setTimer('b', 500);
        ctx.setTimer('a', 2000);
        ctx.setTimer('c', 700);
        ctx.cancelTimer('c');
      },
      onTimer: (name) => void fired.push(`${name}@${ctx.now() - START}`),
    }));
    expect(fired).toEqual(['b@500', 'a@2000']);
    expect(report.strategy.timers_fired).toBe(2);
  });

  it('gives the strategy its own stream: the seed forked by "strategy"', async () => {
    let draws: number[] = [];
    await run((ctx) => ({ onStart: () => void (draws = [ctx.rng.next(), ctx.rng.next()]) }), { seed: '9' });
    const expected = new SeededRng('shadow-exec:9').fork('strategy');
    expect(draws).toEqual([expected.next(), expected.next()]);
  });

  it('refuses every request while frozen (FROZEN, nothing sent) and hears the market all the same', async () => {
    const seen: string[] = [];
    const report = await run(
      (ctx) => ({
        onQuote(symbol, _q, mid) {
          const answer = ctx.place({ symbol, side: 'BUY', priceTicks: mid - 100, qtyLots: 1 });
          seen.push(`${ctx.frozen ? 'frozen' : 'active'}:${answer.kind === 'denied' ? answer.reason : 'sent'}`);
          ctx.quote(symbol, 'SELL', mid + 100, 1, 1);
        },
      }),
      // A net edge threshold no quote can meet: the first quote freezes everything.
      { edgeThreshold: '10000' },
    );
    expect(new Set(seen)).toEqual(new Set(['frozen:FROZEN']));
    expect(seen.length).toBe(50);
    expect(report.orders.placed).toBe(0);
    expect(report.strategy.denied).toEqual({ FROZEN: 50 });
  });

  it('stops the run when a guarded callback throws: status failed, where it was thrown, nothing asked after', async () => {
    let quotes = 0;
    const report = await run((ctx) => ({
      onQuote(symbol, _q, mid) {
        quotes++;
        ctx.quote(symbol, 'BUY', mid - 50, 1, 1);
        if (quotes === 3) throw new RangeError('third quote');
      },
    }));
    expect(quotes).toBe(3);
    expect(report.execution.status).toBe('failed');
    expect(report.strategy.failure).toMatchObject({ callback: 'onQuote', message: 'third quote' });
    expect(report.strategy.failure.location).toMatch(/^loop-strategy-context\.test\.ts:\d+:\d+$/);
    expect(report.orders.open_at_end).toBe(0);
  });

  /** A strategy that sends one SELL OCO on its first quote (limit 1000 ticks over the ask, stop 1000 under the bid) and cancels its limit leg on the 5th. */
  const ocoScript = (log: string[]) => (ctx: StrategyContext): Strategy => {
    let quotes = 0;
    let limit = -1;
    return {
      onQuote(symbol, quote) {
        quotes++;
        if (quotes === 1) {
          const answer = ctx.place({ symbol, side: 'SELL', priceTicks: quote.askTicks + 1000, qtyLots: 1, oco: { stopTicks: quote.bidTicks - 1000, stopLimitTicks: quote.bidTicks - 1001 } });
          log.push(answer.kind === 'sent' ? `sent limit ${answer.seq} stop ${answer.stopSeq}` : `denied ${answer.reason}: ${answer.detail ?? ''}`);
          if (answer.kind === 'sent') limit = answer.seq;
          log.push(`open ${ctx.openOrders(symbol).map((o) => `${o.seq} ${o.side} ${o.qtyLots}@${o.priceTicks}`).join(', ')}`);
        }
        if (quotes === 5 && limit >= 0) log.push(`cancel ${ctx.cancel(limit)}`);
      },
      onOrderAccepted: (order) => void log.push(`accepted ${order.seq}`),
      onOrderCanceled: (order) => void log.push(`canceled ${order.seq} open ${ctx.openOrders().length}`),
    };
  };

  it('places an OCO through place where the venue has order lists: both legs reported as its own orders; cancelling one leg ends the list', async () => {
    const log: string[] = [];
    const report = await run(ocoScript(log), { fillRate: '0' });
    expect(log).toEqual([
      'sent limit 1 stop 2',
      'open 1 SELL 1@936001, 2 SELL 1@933999',
      'accepted 1',
      'accepted 2',
      'cancel true',
      'canceled 1 open 1',
      'canceled 2 open 0',
    ]);
    expect(report.strategy).toMatchObject({ place_requests: 1, places_sent: 1, oco_lists_sent: 1, denied: {} });
    // Like every OCO list, on the wire and in the loop's counts: orders.exit_ocos, not the quote orders.
    expect(report.orders).toMatchObject({ requested: 0, placed: 0, canceled: 0, open_at_end: 0, venue_cancels: { OCO_LIST_CANCELED: 1 } });
    expect(report.orders.exit_ocos).toMatchObject({ requested: 1, placed: 1, legs_placed: 2, legs_canceled: 2, cancels_sent: 1 });
  });

  it('places an OCO on Binance spot, which has order lists, and refuses it on Bybit with the venue\'s reason (OCO_UNSUPPORTED, nothing sent)', async () => {
    const binance: string[] = [];
    const onBinance = await run(ocoScript(binance), { exchange: 'binance', market: 'spot', fillRate: '0' });
    expect(binance.slice(0, 1)).toEqual(['sent limit 1 stop 2']);
    expect(onBinance.strategy.oco_lists_sent).toBe(1);
    const bybit: string[] = [];
    const onBybit = await run(ocoScript(bybit), { exchange: 'bybit', category: 'spot' });
    expect(bybit).toEqual(['denied OCO_UNSUPPORTED: OCO refused on this venue: it needs OCO order lists, which Bybit V5 has none of', 'open ']);
    expect(onBybit.strategy).toMatchObject({ places_sent: 0, oco_lists_sent: 0, denied: { OCO_UNSUPPORTED: 1 } });
    expect(onBybit.orders.placed).toBe(0);
  });

  it('passes an OCO through the risk monitor like any order: one over --max-inv is denied MAX_INVENTORY and never sent', async () => {
    let answer: unknown = null;
    const report = await run((ctx) => ({
      onStart: () => undefined,
      onQuote(symbol, quote) {
        answer ??= ctx.place({ symbol, side: 'BUY', priceTicks: quote.bidTicks - 1000, qty: '100', oco: { stopTicks: quote.askTicks + 1000, stopLimitTicks: quote.askTicks + 1001 } });
      },
    }));
    expect(answer).toEqual({ kind: 'denied', reason: 'MAX_INVENTORY' });
    expect(report.orders.placed).toBe(0);
    expect(report.strategy.oco_lists_sent).toBe(0);
  });
});
