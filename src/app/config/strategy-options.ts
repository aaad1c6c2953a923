// Quoting options that depend on the venue: --requote-mode amend and --exit-oco where the venue can do them, and the synthetic grid check of --order-notional.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal, formatDecimal } from '../../core/money/decimal.js';
import type { VenueModule } from '../../venues/venue-module.js';
import type { VenueInstrument } from '../venue-instruments.js';
import { bad, choiceValue, decimalOf } from './option-values.js';
import type { StrategyConfig } from './strategy-config.js';
import { amendRefusal, exitOcoRefusal } from './venue-choice.js';

/** "TP:SL" in bps → the exit OCO setting; only venues (and markets) with order lists take it. */
export function exitOco(raw: string | undefined, venue: VenueModule, market: string): StrategyConfig['exitOco'] {
  if (raw === undefined) return null;
  const refusal = exitOcoRefusal(venue, market);
  if (refusal !== null) throw refusal;
  const parts = raw.split(':');
  if (parts.length !== 2) throw bad('--exit-oco', raw, 'TAKE_PROFIT_BPS:STOP_LOSS_BPS, e.g. 20:30');
  return { takeProfitBps: decimalOf('exitOco', parts[0]!, '--exit-oco take profit'), stopLossBps: decimalOf('exitOco', parts[1]!, '--exit-oco stop loss') };
}

/** --requote-mode amend needs a venue (market) whose amend can move a price in place. */
export function requoteMode(raw: string | undefined, venue: VenueModule, market: string): StrategyConfig['requoteMode'] {
  const mode = choiceValue('requoteMode', raw, ['replace', 'amend'] as const);
  const refusal = mode === 'amend' ? amendRefusal(venue, market) : null;
  if (refusal !== null) throw refusal;
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
