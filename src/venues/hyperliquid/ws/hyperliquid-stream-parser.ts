// Hyperliquid public-stream parser: one raw {channel, data} frame → MarketDataEvents (l2Book snapshots, trades, bbo quotes) + FrameClass.
//
// Time (`ts`): l2Book and bbo carry the block time `time` (ms); each trade its own `time`. l2Book has no update id or
// sequence: its `time` stands in as updateId (a later push of one coin has a later or equal time) and seq is null.
// Every l2Book push is a full snapshot, so the book never needs a REST snapshot or gap handling: a missed push is
// repaired by the next. Wire shapes and sources: hyperliquid-ws-wire.ts.
import { OffGridCollector } from '../../../core/market/off-grid-level.js';
import { CachedSymbolGrids, type SymbolGrid, type SymbolGridLookup } from '../../../core/market/symbol-grid.js';
import type { BookLevel, MarketDataEvent } from '../../../core/model/market-data-event.js';
import { QuoteRecord } from '../../../core/model/quote-record.js';
import { untrustedText } from '../../../core/text/untrusted-text.js';
import type { FrameClass, MarketFrameParser } from '../../../ports/market-frame-parser.js';
import { FrameClassifier } from '../../shared/frame-classifier.js';
import {
  HYPERLIQUID_IGNORED_CHANNELS,
  type HyperliquidWsBboWire,
  type HyperliquidWsBookWire,
  type HyperliquidWsLevelWire,
  type HyperliquidWsMessageWire,
  type HyperliquidWsTradeWire,
} from './hyperliquid-ws-wire.js';

export interface HyperliquidStreamParserOptions {
  /** Grids of the instruments to normalise, by coin name ("BTC"). */
  readonly grids: SymbolGridLookup;
}

/** Most levels a side of an l2Book push may have: the docs' 20, with room; more is a corrupt or hostile frame. */
export const HYPERLIQUID_MAX_BOOK_LEVELS = 100;

/** Times and ids: safe integers, never negative. */
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export class HyperliquidStreamParser extends FrameClassifier implements MarketFrameParser {
  private readonly grids: CachedSymbolGrids;
  private readonly offGrid = new OffGridCollector();

  constructor(options: HyperliquidStreamParserOptions) {
    super();
    this.grids = new CachedSymbolGrids(options.grids);
  }

  /** The parser keeps no per-connection state (every book push is whole). */
  reset(): void {}

  parse(frame: string, _receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    const message = this.jsonObject(frame);
    if (typeof message === 'string') return message;
    const m = message as HyperliquidWsMessageWire;
    switch (m.channel) {
      case 'l2Book':
        return this.book(m.data as HyperliquidWsBookWire, out);
      case 'trades':
        return this.trades(m.data, out);
      case 'bbo':
        return this.bbo(m.data as HyperliquidWsBboWire, out);
      case 'pong':
        // timeouts-and-heartbeats: { "method": "ping" } → { "channel": "pong" }.
        return this.fail('control', 'pong');
      case 'subscriptionResponse':
        // subscriptions: "respond to successful subscriptions with … channel … "subscriptionResponse", along with the data field providing the original subscription".
        return this.fail('ack', 'subscriptionResponse');
      case 'error':
        // {"channel": "error", "data": "<text>"}: seen in live answers to a bad subscription, not in the docs.
        return this.fail('error', `error: ${untrustedText(m.data)}`);
    }
    if (typeof m.channel !== 'string') return this.fail('unknown', 'message without channel');
    return HYPERLIQUID_IGNORED_CHANNELS.has(m.channel) ? this.fail('ignored', m.channel) : this.fail('unknown', `channel ${untrustedText(m.channel)}`);
  }

  private grid(coin: unknown): SymbolGrid | FrameClass {
    if (typeof coin !== 'string') return this.fail('invalid-value', 'coin is not a string');
    return this.grids.get(coin) ?? this.fail('unknown-symbol', coin);
  }

  /** levels[0] bids (descending), levels[1] asks (ascending), each {px, sz, n}; the whole book each push. */
  private book(data: HyperliquidWsBookWire | null | undefined, out: MarketDataEvent[]): FrameClass {
    if (typeof data !== 'object' || data === null) return this.fail('invalid-value', 'l2Book data');
    const grid = this.grid(data.coin);
    if (typeof grid === 'string') return grid;
    const levels = data.levels;
    if (!isId(data.time) || !Array.isArray(levels) || levels.length !== 2) return this.fail('invalid-value', `${grid.symbol} l2Book time/levels`);
    const bids = this.levels(levels[0], grid, 'bid');
    const asks = this.levels(levels[1], grid, 'ask');
    const offGrid = this.offGrid.take();
    if (bids === null || asks === null) return this.fail('invalid-value', `${grid.symbol} l2Book levels`);
    const event = { kind: 'book-snapshot' as const, symbol: grid.symbol, ts: data.time, bids, asks, updateId: data.time, seq: null };
    out.push(offGrid === undefined ? event : { ...event, offGrid });
    return this.ok();
  }

  private levels(raw: unknown, grid: SymbolGrid, side: 'bid' | 'ask'): BookLevel[] | null {
    if (!Array.isArray(raw) || raw.length > HYPERLIQUID_MAX_BOOK_LEVELS) return null;
    const out: BookLevel[] = [];
    for (let i = 0; i < raw.length; i++) {
      const level = raw[i] as HyperliquidWsLevelWire | null;
      if (typeof level !== 'object' || level === null || !isId(level.n)) return null;
      const qty = grid.qtyUnits(level.sz);
      if (!(qty >= 0)) return null;
      const price = grid.priceUnits(level.px);
      if (!(price >= 0)) {
        // A valid price between two ticks (finer than the grid): kept exact, as for the other venues.
        const exact = grid.offGridPrice(level.px);
        if (exact === null) return null;
        this.offGrid.add({ side, price: exact, qtyLots: qty });
        continue;
      }
      out.push([price, qty]);
    }
    return out;
  }

  /** WsTrade[]: one TradeEvent each, all or nothing; the id is tid (the docs' unique key adds time and coin, which the event has). */
  private trades(data: unknown, out: MarketDataEvent[]): FrameClass {
    if (!Array.isArray(data) || data.length === 0) return this.fail('invalid-value', 'trades data');
    const start = out.length;
    for (let i = 0; i < data.length; i++) {
      const t = data[i] as HyperliquidWsTradeWire | null;
      if (typeof t !== 'object' || t === null) return this.rollback(out, start, this.fail('invalid-value', 'trades element'));
      const grid = this.grid(t.coin);
      if (typeof grid === 'string') return this.rollback(out, start, grid);
      const priceTicks = grid.priceUnits(t.px);
      const qtyLots = grid.qtyUnits(t.sz);
      const side = t.side === 'B' ? 'buy' : t.side === 'A' ? 'sell' : null;
      if (side === null || !isId(t.time) || !isId(t.tid) || !(priceTicks >= 0) || !(qtyLots >= 0)) {
        return this.rollback(out, start, this.fail('invalid-value', `${grid.symbol} trade`));
      }
      out.push({ kind: 'trade', symbol: grid.symbol, ts: t.time, priceTicks, qtyLots, takerSide: side, tradeId: String(t.tid) });
    }
    return this.ok();
  }

  /** bbo: [best bid, best ask], either null when that side is empty (then no quote: the loop needs both). */
  private bbo(data: HyperliquidWsBboWire | null | undefined, out: MarketDataEvent[]): FrameClass {
    if (typeof data !== 'object' || data === null) return this.fail('invalid-value', 'bbo data');
    const grid = this.grid(data.coin);
    if (typeof grid === 'string') return grid;
    const bbo = data.bbo;
    if (!isId(data.time) || !Array.isArray(bbo) || bbo.length !== 2) return this.fail('invalid-value', `${grid.symbol} bbo time/bbo`);
    const bid = bbo[0] as HyperliquidWsLevelWire | null;
    const ask = bbo[1] as HyperliquidWsLevelWire | null;
    if (bid === null || ask === null) return this.fail('ignored', `${grid.symbol} bbo with an empty side`);
    if (typeof bid !== 'object' || typeof ask !== 'object') return this.fail('invalid-value', `${grid.symbol} bbo level`);
    const bidTicks = grid.bidPriceUnits(bid.px);
    const bidLots = grid.bidQtyUnits(bid.sz);
    const askTicks = grid.askPriceUnits(ask.px);
    const askLots = grid.askQtyUnits(ask.sz);
    if (!(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) return this.fail('invalid-value', `${grid.symbol} bbo value`);
    out.push(new QuoteRecord(grid.symbol, data.time, bidTicks, askTicks, bidLots, askLots, null));
    return this.ok();
  }
}
