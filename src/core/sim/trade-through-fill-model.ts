// TradeThroughFillModel: a resting order fills, partially, by the size of trades that print at or through its price, and by the displayed size of a touch that crosses it.
import type { JsonValue } from '../report/canonical-json.js';
import type { TradeEvent } from '../model/market-data-event.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';
import { crossingLots, marketCrosses, remainingLots } from './fill-conditions.js';
import type { FillModel } from '../../ports/fill-model.js';
import type { IcebergVisible } from './iceberg-visible.js';

export const TRADE_THROUGH_RULES = {
  trade: 'a trade printing at or through a resting order’s price (at or below a buy, at or above a sell, whichever side took) fills it by the traded size, shared in price-time priority among our orders it reaches',
  touch: 'a best bid/ask that crosses a resting order (an ask at or below a buy, a bid at or above a sell) fills it by the size displayed at that touch, on each update that still crosses',
  price: 'fills are at the order’s own limit price, as maker',
  iceberg: 'an iceberg order fills at most its visible part per trade or update',
} as const;

export class TradeThroughFillModel implements FillModel {
  readonly name = 'trade-through';
  private touchFills = 0;
  private tradeFills = 0;

  constructor(private readonly iceberg: IcebergVisible) {}

  onRest(): void {}

  quoteFill(order: Order, update: TopOfBook): number {
    if (!marketCrosses(order, update)) return 0;
    const lots = this.capped(order, Math.min(remainingLots(order), crossingLots(order, update)));
    if (lots > 0) this.touchFills++;
    return lots;
  }

  tradeFill(order: Order, trade: TradeEvent, taken: number): number {
    const lots = this.capped(order, Math.min(remainingLots(order), trade.qtyLots - taken));
    if (lots > 0) this.tradeFills++;
    return lots;
  }

  private capped(order: Order, lots: number): number {
    const visible = this.iceberg.lots(order);
    return Math.max(0, visible === null ? lots : Math.min(lots, visible));
  }

  describe(): Record<string, JsonValue> {
    return { name: this.name, rules: { ...TRADE_THROUGH_RULES } };
  }

  simplifications(): readonly string[] {
    return [
      'own orders do not appear in the public book and take no queue position: a trade at the order’s price fills it even if the level held more size before it (the queue model does not assume that)',
      'trades and book updates are taken in the order the feed delivers them; a crossing touch and the trades that caused it can both fill the same order',
    ];
  }

  stats(): Record<string, JsonValue> {
    return { fills_from_touch: this.touchFills, fills_from_trades: this.tradeFills };
  }
}
