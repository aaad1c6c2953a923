// Bybit V5 public-stream parser (spot, linear/inverse): one raw frame → MarketDataEvents + FrameClass; merges ticker deltas per symbol.
//
// Time (`ts`): the push's `ts`, "the timestamp (ms) that the system generates the data" — for every
// event of the push, including each trade of a publicTrade batch (their fill time `T` stays on the wire).
// Sources: bybit-exchange/docs docs/v5/websocket/public/*.mdx, cited per rule; wire shapes in bybit-ws-wire.ts.
import { OffGridCollector } from '../../../core/market/off-grid-level.js';
import { parseBookLevels } from '../../../core/market/parse-book-levels.js';
import { CachedSymbolGrids, type SymbolGrid, type SymbolGridLookup } from '../../../core/market/symbol-grid.js';
import type { BookDeltaEvent, BookSnapshotEvent, MarketDataEvent } from '../../../core/model/market-data-event.js';
import { isPlainDecimal } from '../../../core/money/fast-units.js';
import { untrustedList, untrustedText } from '../../../core/text/untrusted-text.js';
import type { FrameClass, MarketFrameParser } from '../../../ports/market-frame-parser.js';
import { FrameClassifier } from '../../shared/frame-classifier.js';
import {
  BYBIT_IGNORED_TOPICS,
  BYBIT_KLINE_INTERVAL_MS,
  type BybitKlineWire,
  type BybitOrderbookDataWire,
  type BybitPushWire,
  type BybitReplyWire,
  type BybitTickerDataWire,
  type BybitTradeWire,
} from './bybit-ws-wire.js';
import { BybitFastFrames } from './bybit-fast-frames.js';
import { BybitTickerMerge } from './bybit-ticker-merge.js';
import { QuoteRecord } from '../../../core/model/quote-record.js';

export interface BybitStreamParserOptions {
  /** Grids of the instruments to normalise, by venue symbol ("BTCUSDT"); one parser per category (spot, linear). */
  readonly grids: SymbolGridLookup;
}

/** Venue ids, sequence numbers and times: safe integers, never negative (a negative one is a corrupt or hostile frame). */
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
/** Topics whose symbol is cached; topics beyond are read each time, never kept (a feed of ever-new topics must not grow memory). */
const MAX_CACHED_TOPICS = 1024;
/** First letters of the normalised topics: orderbook, publicTrade, tickers, kline; 'r' of orderbook.rpi. */
const CH_O = 111;
const CH_P = 112;
const CH_T = 116;
const CH_K = 107;
const CH_R = 114;

export class BybitStreamParser extends FrameClassifier implements MarketFrameParser {
  private readonly grids: CachedSymbolGrids;
  private readonly tickers = new BybitTickerMerge();
  /** Topic → symbol (its last dot-separated part), for pushes whose data carries no symbol (kline). */
  private readonly topicSymbols = new Map<string, string>();

  /** orderbook pushes in compact form, read without JSON.parse (same events; everything else falls through). */
  private readonly fast: BybitFastFrames;
  /** Book levels off the tick grid of the message being read. */
  private readonly offGrid = new OffGridCollector();

  constructor(options: BybitStreamParserOptions) {
    super();
    this.grids = new CachedSymbolGrids(options.grids);
    this.fast = new BybitFastFrames(this.grids);
  }

  /** Forgets merged ticker state: after a reconnect, deltas must wait for the new snapshot. */
  reset(): void {
    this.tickers.clear();
  }

  parse(frame: string, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    if (this.fast.tryParse(frame, out)) return this.ok();
    const message = this.jsonObject(frame);
    if (typeof message === 'string') return message;
    const push = message as BybitPushWire;
    if (typeof push.topic !== 'string') return this.reply(message as BybitReplyWire);
    if (!isId(push.ts)) return this.fail('invalid-value', `${push.topic} ts`);
    const topic = push.topic;
    // Dispatch on the first letter, then confirm the prefix: one startsWith per frame.
    switch (topic.charCodeAt(0)) {
      case CH_O:
        if (topic.startsWith('orderbook.') && topic.charCodeAt(10) !== CH_R) return this.orderbook(push, push.ts, out);
        break;
      case CH_P:
        if (topic.startsWith('publicTrade.')) return this.trades(push.data, push.ts, out);
        break;
      case CH_T:
        if (topic.startsWith('tickers.')) return this.ticker(push, push.ts, out);
        break;
      case CH_K:
        if (topic.startsWith('kline.')) return this.klines(topic, push.data, push.ts, out);
        break;
    }
    for (const prefix of BYBIT_IGNORED_TOPICS) if (topic.startsWith(prefix)) return this.fail('ignored', topic);
    return this.fail('unknown', `topic ${topic}`);
  }

  /** Replies on the socket (wss-authentication.mdx): pong, auth, subscribe/unsubscribe acks, failures. */
  private reply(r: BybitReplyWire): FrameClass {
    const op = r.op;
    if (r.success === false) return this.fail('error', `${untrustedText(op)} failed: ${untrustedText(r.ret_msg)}`);
    if (r.type === 'COMMAND_RESP') {
      const failed = (r.data as { failTopics?: unknown } | null | undefined)?.failTopics;
      return Array.isArray(failed) && failed.length > 0 ? this.fail('error', `failed topics ${untrustedList(failed)}`) : this.fail('ack', 'COMMAND_RESP');
    }
    if (op === 'ping' || op === 'pong' || op === 'auth') return this.fail('control', op);
    if (r.success === true && (op === 'subscribe' || op === 'unsubscribe')) return this.fail('ack', op);
    return this.fail('unknown', 'message without topic');
  }

  private grid(symbol: unknown): SymbolGrid | FrameClass {
    if (typeof symbol !== 'string') return this.fail('invalid-value', 'symbol is not a string');
    return this.grids.get(symbol) ?? this.fail('unknown-symbol', symbol);
  }

  /**
   * orderbook.mdx: a `snapshot` replaces the local book, a `delta` updates it (size 0 deletes); "u"=1
   * is snapshot data after a service restart, so it is emitted as a snapshot whatever its type.
   */
  private orderbook(push: BybitPushWire, ts: number, out: MarketDataEvent[]): FrameClass {
    const data = push.data as BybitOrderbookDataWire | null | undefined;
    if (typeof data !== 'object' || data === null) return this.fail('invalid-value', `${push.topic} data`);
    const grid = this.grid(data.s);
    if (typeof grid === 'string') return grid;
    const seq = data.seq === undefined ? null : data.seq;
    if (!isId(data.u) || (seq !== null && !isId(seq)) || (push.type !== 'snapshot' && push.type !== 'delta')) {
      return this.fail('invalid-value', `${grid.symbol} orderbook type/u/seq`);
    }
    const bids = parseBookLevels(data.b, grid, 'bid', this.offGrid);
    const asks = parseBookLevels(data.a, grid, 'ask', this.offGrid);
    // Levels off the tick grid are kept at their exact price, never a reason to refuse the message.
    const offGrid = this.offGrid.take();
    if (bids === null || asks === null) return this.fail('invalid-value', `${grid.symbol} orderbook levels`);
    let event: BookSnapshotEvent | BookDeltaEvent;
    if (push.type === 'snapshot' || data.u === 1) {
      event = { kind: 'book-snapshot', symbol: grid.symbol, ts, bids, asks, updateId: data.u, seq };
    } else {
      event = { kind: 'book-delta', symbol: grid.symbol, ts, bids, asks, firstUpdateId: data.u, finalUpdateId: data.u, prevFinalUpdateId: null, seq };
    }
    out.push(offGrid === undefined ? event : { ...event, offGrid });
    return this.ok();
  }

  /** trade.mdx: data is an array of fills; S is the taker's side ("Buy"/"Sell"), i the trade id. All or nothing. */
  private trades(data: unknown, ts: number, out: MarketDataEvent[]): FrameClass {
    if (!Array.isArray(data) || data.length === 0) return this.fail('invalid-value', 'publicTrade data');
    const start = out.length;
    for (let i = 0; i < data.length; i++) {
      const element: unknown = data[i];
      if (typeof element !== 'object' || element === null) return this.rollback(out, start, this.fail('invalid-value', 'publicTrade element'));
      const t = element as BybitTradeWire;
      const grid = this.grid(t.s);
      if (typeof grid === 'string') return this.rollback(out, start, grid);
      const priceTicks = grid.priceUnits(t.p);
      const qtyLots = grid.qtyUnits(t.v);
      const side = t.S === 'Buy' ? 'buy' : t.S === 'Sell' ? 'sell' : null;
      if (side === null || typeof t.i !== 'string' || !(priceTicks >= 0) || !(qtyLots >= 0)) {
        return this.rollback(out, start, this.fail('invalid-value', `${grid.symbol} publicTrade`));
      }
      out.push({ kind: 'trade', symbol: grid.symbol, ts, priceTicks, qtyLots, takerSide: side, tradeId: t.i });
    }
    return this.ok();
  }

  /**
   * ticker.mdx: linear/inverse send a snapshot then deltas with only the changed fields; spot and
   * option are snapshot-only. bid1/ask1 → QuoteEvent (seq = cs), mark/index/funding → MarkPriceEvent,
   * each emitted when the push touches it and the merged state has it complete.
   */
  private ticker(push: BybitPushWire, ts: number, out: MarketDataEvent[]): FrameClass {
    const data = push.data as BybitTickerDataWire | null | undefined;
    if (typeof data !== 'object' || data === null) return this.fail('invalid-value', `${push.topic} data`);
    const grid = this.grid(data.symbol);
    if (typeof grid === 'string') return grid;
    const cs = push.cs === undefined ? null : push.cs;
    if ((cs !== null && !isId(cs)) || (push.type !== 'snapshot' && push.type !== 'delta')) return this.fail('invalid-value', `${grid.symbol} tickers type/cs`);
    const merged = this.tickers.merge(grid.symbol, data, push.type === 'snapshot');
    if (merged === null) return this.fail('ignored', `${grid.symbol} tickers delta before snapshot`);
    if (merged === undefined) return this.fail('invalid-value', `${grid.symbol} tickers field type`);
    const start = out.length;
    if (merged.quoteTouched && merged.bid1Price && merged.bid1Size && merged.ask1Price && merged.ask1Size) {
      const bidTicks = grid.bidPriceUnits(merged.bid1Price);
      const bidLots = grid.bidQtyUnits(merged.bid1Size);
      const askTicks = grid.askPriceUnits(merged.ask1Price);
      const askLots = grid.askQtyUnits(merged.ask1Size);
      if (!(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) return this.rejectTicker(grid.symbol);
      out.push(new QuoteRecord(grid.symbol, ts, bidTicks, askTicks, bidLots, askLots, cs));
    }
    if (merged.markTouched && merged.markPrice) {
      // Mark and index are computed finer than the tick ("28552.81" on a 0.1 tick): rounded half-even.
      const markTicks = grid.refPriceUnits(merged.markPrice);
      const indexTicks = merged.indexPrice ? grid.refPriceUnits(merged.indexPrice) : null;
      const fundingRate = merged.fundingRate ? merged.fundingRate : null;
      if (!(markTicks >= 0) || (indexTicks !== null && !(indexTicks >= 0)) || (fundingRate !== null && !isPlainDecimal(fundingRate))) {
        return this.rollback(out, start, this.rejectTicker(grid.symbol));
      }
      out.push({ kind: 'mark', symbol: grid.symbol, ts, markTicks, indexTicks, fundingRate });
    }
    this.tickers.commit(grid.symbol, merged);
    return out.length > start ? this.ok() : this.fail('ignored', `${grid.symbol} tickers without book or mark`);
  }

  private rejectTicker(symbol: string): FrameClass {
    return this.fail('invalid-value', `${symbol} tickers value`);
  }

  /** kline.mdx: data is an array of candles; confirm=true once closed; no trade count (tradeCount 0). */
  private klines(topic: string, data: unknown, ts: number, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(this.symbolOfTopic(topic));
    if (typeof grid === 'string') return grid;
    if (!Array.isArray(data) || data.length === 0) return this.fail('invalid-value', `${grid.symbol} kline data`);
    const start = out.length;
    for (let i = 0; i < data.length; i++) {
      const k = data[i] as BybitKlineWire | null;
      if (typeof k !== 'object' || k === null || !isId(k.start) || typeof k.confirm !== 'boolean') return this.rollback(out, start, this.rejectKline(grid.symbol));
      const resolutionMs = klineResolutionMs(k.interval, k.start);
      const openTicks = grid.priceUnits(k.open);
      const highTicks = grid.priceUnits(k.high);
      const lowTicks = grid.priceUnits(k.low);
      const closeTicks = grid.priceUnits(k.close);
      const volumeLots = grid.qtyUnits(k.volume);
      if (!(resolutionMs > 0) || !(openTicks >= 0) || !(highTicks >= 0) || !(lowTicks >= 0) || !(closeTicks >= 0) || !(volumeLots >= 0)) {
        return this.rollback(out, start, this.rejectKline(grid.symbol));
      }
      out.push({
        kind: 'bar', symbol: grid.symbol, ts, resolutionMs, openTs: k.start,
        openTicks, highTicks, lowTicks, closeTicks, volumeLots, tradeCount: 0, source: 'venue', closed: k.confirm,
      });
    }
    return this.ok();
  }

  private rejectKline(symbol: string): FrameClass {
    return this.fail('invalid-value', `${symbol} kline`);
  }

  private symbolOfTopic(topic: string): string {
    let symbol = this.topicSymbols.get(topic);
    if (symbol === undefined) {
      symbol = topic.slice(topic.lastIndexOf('.') + 1);
      if (this.topicSymbols.size < MAX_CACHED_TOPICS) this.topicSymbols.set(topic, symbol);
    }
    return symbol;
  }



}

/** Bar length of a kline interval; "M" is the calendar month (UTC) that starts at `start`. NaN when unknown. */
export function klineResolutionMs(interval: unknown, start: number): number {
  if (typeof interval !== 'string') return NaN;
  if (interval === 'M') {
    const open = new Date(start);
    return Date.UTC(open.getUTCFullYear(), open.getUTCMonth() + 1, 1) - start;
  }
  return BYBIT_KLINE_INTERVAL_MS.get(interval) ?? NaN;
}
