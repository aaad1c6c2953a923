// QueuePositionFillModel: as trade-through, but a resting order joins the back of its price level and fills only once the public size ahead of it has traded or been cancelled away.
import type { BookView } from '../../ports/book-view.js';
import type { JsonValue } from '../report/canonical-json.js';
import type { TradeEvent } from '../model/market-data-event.js';
import type { TopOfBook } from '../model/market-update.js';
import { formatQty, type Instrument } from '../model/instrument.js';
import type { Order } from '../model/order.js';
import { crossingLots, marketCrosses, remainingLots, tradeThrough } from './fill-conditions.js';
import type { FillModel } from '../../ports/fill-model.js';
import type { IcebergVisible } from './iceberg-visible.js';
import { aheadAfterCancels, QUEUE_CANCEL_RULE_TEXT, type QueueCancelRule } from './queue-cancel-rule.js';
import { TRADE_THROUGH_RULES } from './trade-through-fill-model.js';

/** One resting order's place in its level. All sizes in lots of public (not our) orders. */
interface QueuePlace {
  /** Public size ahead of the order; null until its level has been seen (the order joined between two market events). */
  ahead: number | null;
  /** The level's public size when last seen. */
  levelSeen: number;
  /** Public size traded at the order's price since the level was last seen (so a drop in size is not taken for cancels). */
  tradedSinceSeen: number;
  /** Iceberg: lots left in the visible slice; null for a plain order. */
  visibleLeft: number | null;
}

export class QueuePositionFillModel implements FillModel {
  readonly name = 'queue';
  private readonly places = new WeakMap<Order, QueuePlace>();
  /**
   * The last quote of each symbol seen by quoteFill: the level size when the feed keeps no book (bookTicker-only feeds).
   * Copied, not kept: a feed may rewrite its quote records later (MarketDataFeed.next), and this one can be many updates old.
   */
  private readonly lastQuote = new Map<string, { bidTicks: number; askTicks: number; bidLots: number; askLots: number }>();
  private joins = 0;
  /** Per symbol, public lots ahead of our orders that traded, and that were cancelled (by the rule). */
  private readonly depletion = new Map<string, { traded: number; cancelled: number }>();
  private touchFills = 0;
  private tradeFills = 0;
  private tradesAtUnseenLevel = 0;
  private icebergRefreshes = 0;

  constructor(
    private readonly book: BookView,
    private readonly cancelRule: QueueCancelRule,
    private readonly iceberg: IcebergVisible,
    private readonly instruments: ReadonlyMap<string, Instrument>,
  ) {}

  private depletionOf(symbol: string): { traded: number; cancelled: number } {
    let d = this.depletion.get(symbol);
    if (d === undefined) {
      d = { traded: 0, cancelled: 0 };
      this.depletion.set(symbol, d);
    }
    return d;
  }

  onRest(order: Order): void {
    const visible = this.iceberg.lots(order);
    this.places.set(order, { ahead: null, levelSeen: 0, tradedSinceSeen: 0, visibleLeft: visible === null ? null : Math.min(visible, remainingLots(order)) });
    this.joins++;
  }

  quoteFill(order: Order, update: TopOfBook): number {
    const last = this.lastQuote.get(update.symbol);
    if (last === undefined) this.lastQuote.set(update.symbol, { bidTicks: update.bidTicks, askTicks: update.askTicks, bidLots: update.bidLots, askLots: update.askLots });
    else {
      last.bidTicks = update.bidTicks;
      last.askTicks = update.askTicks;
      last.bidLots = update.bidLots;
      last.askLots = update.askLots;
    }
    const place = this.places.get(order);
    if (place === undefined) return 0;
    this.observe(order, place);
    if (!marketCrosses(order, update)) return 0;
    // The touch crossed the order: its whole level has gone, the order meets the crossing size.
    place.ahead = 0;
    const lots = this.take(order, place, Math.min(remainingLots(order), crossingLots(order, update)));
    if (lots > 0) this.touchFills++;
    return lots;
  }

  tradeFill(order: Order, trade: TradeEvent, taken: number): number {
    const place = this.places.get(order);
    if (place === undefined) return 0;
    this.observe(order, place);
    let reach: number;
    if (tradeThrough(order, trade.priceTicks)) {
      // A print beyond the order's price: its level traded out first.
      place.ahead = 0;
      reach = trade.qtyLots;
    } else if (place.ahead === null) {
      this.tradesAtUnseenLevel++;
      return 0;
    } else {
      reach = trade.qtyLots - place.ahead;
      this.depletionOf(order.symbol).traded += Math.min(place.ahead, trade.qtyLots);
      place.ahead = Math.max(0, place.ahead - trade.qtyLots);
      place.tradedSinceSeen += trade.qtyLots;
    }
    const lots = this.take(order, place, Math.min(remainingLots(order), reach - taken));
    if (lots > 0) this.tradeFills++;
    return lots;
  }

  /** Fills up to `lots` (≤ the visible slice of an iceberg, which then refreshes at the back of the level). */
  private take(order: Order, place: QueuePlace, lots: number): number {
    if (lots <= 0) return 0;
    if (place.visibleLeft === null) return lots;
    const filled = Math.min(lots, place.visibleLeft);
    place.visibleLeft -= filled;
    const rest = remainingLots(order) - filled;
    if (place.visibleLeft === 0 && rest > 0) {
      place.visibleLeft = Math.min(this.iceberg.lots(order)!, rest);
      place.ahead = null;
      this.icebergRefreshes++;
    }
    return filled;
  }

  /** Reads the order's level: sets its place on first sight, then applies cancels (drops not explained by trades) by the rule. */
  private observe(order: Order, place: QueuePlace): void {
    const level = this.levelLots(order);
    if (level === null) return;
    if (place.ahead === null) {
      place.ahead = level;
    } else {
      const cancelled = place.levelSeen - level - place.tradedSinceSeen;
      if (cancelled > 0) {
        const ahead = aheadAfterCancels(this.cancelRule, place.ahead, place.levelSeen, cancelled);
        this.depletionOf(order.symbol).cancelled += place.ahead - ahead;
        place.ahead = ahead;
      }
      place.ahead = Math.min(place.ahead, level);
    }
    place.levelSeen = level;
    place.tradedSinceSeen = 0;
  }

  /** The level's public size from the feed's book; without one, from the last quote when the order is at or inside the touch. */
  private levelLots(order: Order): number | null {
    const fromBook = this.book.levelLots(order.symbol, order.side, order.priceTicks);
    if (fromBook !== null) return fromBook;
    const quote = this.lastQuote.get(order.symbol);
    if (quote === undefined) return null;
    const best = order.side === 'BUY' ? quote.bidTicks : quote.askTicks;
    if (order.priceTicks === best) return order.side === 'BUY' ? quote.bidLots : quote.askLots;
    const inside = order.side === 'BUY' ? order.priceTicks > best : order.priceTicks < best;
    return inside ? 0 : null;
  }

  /** Per symbol (sorted), the base quantity ahead of our orders that traded and that was cancelled, as decimal strings. */
  private depletionJson(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const symbol of [...this.depletion.keys()].sort()) {
      const d = this.depletion.get(symbol)!;
      const instrument = this.instruments.get(symbol);
      const qty = (lots: number): string => (instrument === undefined ? String(lots) : formatQty(instrument, lots));
      out[symbol] = { traded_qty: qty(d.traded), cancelled_qty: qty(d.cancelled) };
    }
    return out;
  }

  describe(): Record<string, JsonValue> {
    return {
      name: this.name,
      cancels_ahead: this.cancelRule,
      rules: {
        ...TRADE_THROUGH_RULES,
        trade: 'a trade at the order’s price first consumes the public size ahead of it; only what is left of the trade fills the order. A trade printing through its price fills it by the traded size (the level traded out first)',
        queue: 'an order joins the back of its price level: the public size there, read from the feed’s book at the first market event after it rests (or from the touch size when the feed keeps no book and the order is at the touch; inside the touch nothing is ahead; deeper without a book the place stays unknown and only trades through the price fill it)',
        cancels: QUEUE_CANCEL_RULE_TEXT[this.cancelRule],
        amend: 'an amend to a new price or a larger size loses the place (back of the level); an amend that only shrinks the order keeps it',
        iceberg: 'an iceberg order queues with its visible part only; when that slice has filled, the next slice joins the back of the level',
      },
    };
  }

  simplifications(): readonly string[] {
    return [
      'own orders take a queue place but do not appear in the public book: the public size behind them is not reduced by their fills',
      'the size ahead is read when a market event arrives; a drop in a level’s size not explained by trades at that price counts as cancels (by the stated rule), a rise joins behind the order',
    ];
  }

  stats(): Record<string, JsonValue> {
    return {
      queue_joins: this.joins,
      ahead_depleted_by_symbol: this.depletionJson(),
      fills_from_touch: this.touchFills,
      fills_from_trades: this.tradeFills,
      trades_at_unseen_level: this.tradesAtUnseenLevel,
      iceberg_refreshes: this.icebergRefreshes,
    };
  }
}
