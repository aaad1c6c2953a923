// Quoting options that depend on the venue: --requote-mode amend and --exit-oco where the venue can do them, and the synthetic grid check of --order-notional.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal, formatDecimal } from '../../core/money/decimal.js';
import type { BinanceMarket } from '../../venues/binance/binance-market.js';
import type { VenueInstrument } from '../venue-instruments.js';
import { binanceModules } from '../venue-modules.js';
import { bad, choiceValue, decimalOf } from './option-values.js';
import type { StrategyConfig } from './strategy-config.js';
import { notOnVenue, venueFlags } from './venue-flag.js';

/** "TP:SL" in bps → the exit OCO setting; only venues with order lists take it (the fake venue; Binance spot). */
export function exitOco(raw: string | undefined, exchange: string, market: BinanceMarket | null): StrategyConfig['exitOco'] {
  if (raw === undefined) return null;
  if (exchange === 'bybit') throw notOnVenue('--exit-oco', venueFlags(exchange), 'it needs OCO order lists, which Bybit V5 has none of (use --exchange binance --market spot, or fake)');
  if (market === 'usdm') throw notOnVenue('--exit-oco', venueFlags(exchange, null, market), 'it needs OCO order lists, which Binance USD-M futures have none of (use --market spot)');
  const parts = raw.split(':');
  if (parts.length !== 2) throw bad('--exit-oco', raw, 'TAKE_PROFIT_BPS:STOP_LOSS_BPS, e.g. 20:30');
  return { takeProfitBps: decimalOf('exitOco', parts[0]!, '--exit-oco take profit'), stopLossBps: decimalOf('exitOco', parts[1]!, '--exit-oco stop loss') };
}

/** Binance spot cannot move an order's price in place (only Order Amend Keep Priority, which lowers the quantity). */
export function requoteMode(raw: string | undefined, exchange: string, market: BinanceMarket | null): StrategyConfig['requoteMode'] {
  const mode = choiceValue('requoteMode', raw, ['replace', 'amend'] as const);
  const amend = market === null ? null : binanceModules().binanceAmendSupport(market);
  if (mode === 'amend' && amend !== null && !amend.price) {
    throw notOnVenue('--requote-mode amend', venueFlags(exchange, null, market), amend.note);
  }
  return mode;
}

/** Start prices must sit on the tick grid, and one order must buy at least the minimum quantity. */
export function checkGrid(instruments: readonly VenueInstrument[], startPrices: Readonly<Record<string, string>>, orderNotionalUsd: string): void {
  const notional = new Decimal(orderNotionalUsd);
  for (const { spec } of instruments) {
    const symbol = spec.symbol;
    const price = new Decimal(startPrices[symbol]!);
    if (!price.div(spec.tickSize).isInteger()) {
      throw new UsageError(`--start-prices ${symbol} '${startPrices[symbol]}' is not allowed: expected a multiple of the tick size ${spec.tickSize}`);
    }
    const minimum = Decimal.max(price.times(spec.minQty), new Decimal(spec.minNotional));
    if (notional.lt(minimum)) {
      throw new UsageError(
        `--order-notional '${orderNotionalUsd}' is too small for ${symbol}: one order must be worth at least ${formatDecimal(minimum)} USDT (min qty ${spec.minQty} at ${formatDecimal(price)}, min notional ${spec.minNotional})`,
      );
    }
  }
}
