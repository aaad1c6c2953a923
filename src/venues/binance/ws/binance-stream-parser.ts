// Binance spot and USDⓈ-M market-stream parser: one raw frame (raw or combined stream) → MarketDataEvents + FrameClass.
//
// Time (`ts`): the payload's event time `E`; spot bookTicker and spot partial depth carry none, so they
// get the caller's receive time. Trade time / transaction time `T` is not used.
// Sources are cited per rule; wire shapes are in binance-ws-wire.ts.
import { OffGridCollector } from '../../../core/market/off-grid-level.js';
import { parseBookLevels } from '../../../core/market/parse-book-levels.js';
import { CachedSymbolGrids, type SymbolGrid, type SymbolGridLookup } from '../../../core/market/symbol-grid.js';
import type { BookDeltaEvent, BookSnapshotEvent, MarketDataEvent } from '../../../core/model/market-data-event.js';
import { QuoteRecord } from '../../../core/model/quote-record.js';
import { isPlainDecimal } from '../../../core/money/fast-units.js';
import { untrustedText } from '../../../core/text/untrusted-text.js';
import type { FrameClass, MarketFrameParser } from '../../../ports/market-frame-parser.js';
import { FrameClassifier } from '../../shared/frame-classifier.js';
import { BinanceFastFrames } from './binance-fast-frames.js';
import { BinanceLiteralFrames } from './binance-literal-frames.js';
import { isOffBookTrade, readOffBookTrade } from './binance-off-book-trade.js';
import { readTicker24h } from './binance-ticker-24h.js';
import { isPartialDepthStream } from './binance-stream-name.js';
import {
  BINANCE_IGNORED_EVENTS,
  type BinanceAggTradeWire,
  type BinanceBookTickerWire,
  type BinanceDepthSnapshotWire,
  type BinanceDepthUpdateWire,
  type BinanceKlineWire,
  type BinanceMarkPriceWire,
  type BinanceTicker24hWire,
  type BinanceTradeWire,
} from './binance-ws-wire.js';

export interface BinanceStreamParserOptions {
  /** Grids of the instruments to normalise, by upper-case venue symbol ("BTCUSDT"). */
  readonly grids: SymbolGridLookup;
  /**
   * For a raw `/ws/<streamName>` connection carrying ONE stream: its name, used for unwrapped frames.
   * Without it an unwrapped spot partial-depth payload has no symbol ('unknown-symbol') and an unwrapped
   * USDⓈ-M partial depth is indistinguishable from a diff. Prefer combined streams (/stream?streams=…).
   */
  readonly rawStream?: string;
}

type Payload = Record<string, unknown>;

/** Stream names whose symbol is cached (1024: Binance's streams per connection); names beyond are read each time, never kept. */
const MAX_CACHED_STREAMS = 1024;

/** Venue ids, sequence numbers and times: safe integers, never negative (a negative one is a corrupt or hostile frame). */
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export class BinanceStreamParser extends FrameClassifier implements MarketFrameParser {
  private readonly grids: CachedSymbolGrids;
  private readonly rawStream: string | undefined;
  /** Stream name → upper-case symbol, for payloads without a symbol (spot partial depth). */
  private readonly streamSymbols = new Map<string, string>();
  /** bookTicker and diff depth in compact form, read without JSON.parse (same events; everything else falls through). */
  private readonly fast: BinanceFastFrames;
  /** The same frames (and aggTrade) read still escaped in a replay record's string literal (parseLiteral). */
  private readonly literal: BinanceLiteralFrames;
  /** Book levels off the tick grid of the message being read (kept at their exact price, never a reason to refuse it). */
  private readonly offGrid = new OffGridCollector();

  constructor(options: BinanceStreamParserOptions) {
    super();
    this.grids = new CachedSymbolGrids(options.grids);
    this.rawStream = options.rawStream;
    this.fast = new BinanceFastFrames(this.grids, options.rawStream);
    this.literal = new BinanceLiteralFrames(this.grids, options.rawStream);
  }

  /** Stateless on Binance: nothing to forget. */
  reset(): void {}

  /** MarketFrameParser.parseLiteral: bookTicker, diff depth and aggTrade read in the record line (binance-literal-frames.ts). */
  parseLiteral(text: string, start: number, end: number, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    if (!this.literal.tryParse(text, start, end, receivedAtMs, out)) return false;
    this.lastDetail = '';
    return true;
  }

  parse(frame: string, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    if (this.fast.tryParse(frame, receivedAtMs, out)) return this.ok();
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch {
      return this.fail('invalid-json', 'not JSON');
    }
    if (typeof message !== 'object' || message === null) return this.fail('unknown', 'not a JSON object');
    let payload: unknown = message;
    let stream = this.rawStream;
    const envelope = message as Payload;
    // Combined streams wrap every payload as {"stream":"<streamName>","data":<rawPayload>} (web-socket-streams.md).
    if (typeof envelope['stream'] === 'string' && envelope['data'] !== undefined) {
      stream = envelope['stream'];
      payload = envelope['data'];
    }
    if (Array.isArray(payload)) return this.fail('ignored', 'all-market array stream');
    if (typeof payload !== 'object' || payload === null) return this.fail('unknown', 'payload is not an object');
    return this.parsePayload(payload as Payload, stream, receivedAtMs, out);
  }

  /**
   * A REST depth snapshot body (GET /api/v3/depth, GET /fapi/v1/depth: {lastUpdateId, bids, asks}) as a
   * book snapshot for the book sync; `ts` is the body's `E` (futures) or the receive time (spot).
   */
  parseDepthSnapshotBody(body: string, venueSymbol: string, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return this.fail('invalid-json', 'REST body is not JSON');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return this.fail('unknown', 'REST body is not an object');
    return this.depthSnapshot(message as BinanceDepthSnapshotWire, venueSymbol, receivedAtMs, out);
  }

  private parsePayload(p: Payload, stream: string | undefined, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    const e = p['e'];
    switch (e) {
      case 'depthUpdate':
        return stream !== undefined && isPartialDepthStream(stream)
          ? this.futuresPartialDepth(p as unknown as BinanceDepthUpdateWire, out)
          : this.depthUpdate(p as unknown as BinanceDepthUpdateWire, out);
      case 'bookTicker':
        return this.bookTicker(p as BinanceBookTickerWire, receivedAtMs, out);
      case 'aggTrade': {
        const w = p as unknown as BinanceAggTradeWire;
        // Frames of the older futures format carry no aggregate id `a`: the first trade id `f` names the aggregate.
        return this.trade(w.s, w.E, w.a === undefined ? w.f : w.a, w.p, w.q, w.m, out);
      }
      case 'trade': {
        const w = p as unknown as BinanceTradeWire;
        if (isOffBookTrade(w)) return this.offBookTrade(w, out);
        return this.trade(w.s, w.E, w.t, w.p, w.q, w.m, out);
      }
      case 'kline':
        return this.kline(p as unknown as BinanceKlineWire, out);
      case 'markPriceUpdate':
        return this.markPrice(p as unknown as BinanceMarkPriceWire, out);
      case '24hrTicker':
        return this.ticker24h(p as unknown as BinanceTicker24hWire, out);
      case 'serverShutdown':
        // Sent before a server goes down for maintenance: reconnect (web-socket-streams.md, Server Shutdown).
        return this.fail('control', 'serverShutdown');
      case undefined:
        return this.untyped(p, stream, receivedAtMs, out);
      default:
        if (typeof e === 'string' && BINANCE_IGNORED_EVENTS.has(e)) return this.fail('ignored', e);
        return this.fail('unknown', typeof e === 'string' ? `event type ${untrustedText(e)}` : 'event type is not a string');
    }
  }

  /** Payloads without `e`: spot bookTicker, spot partial depth, command replies and error replies. */
  private untyped(p: Payload, stream: string | undefined, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    if (p['lastUpdateId'] !== undefined) {
      // Spot partial depth carries no symbol: it comes from the stream name "<symbol>@depth<levels>".
      const symbol = stream === undefined ? undefined : this.symbolOfStream(stream);
      if (symbol === undefined) return this.fail('unknown-symbol', 'partial depth without a stream name');
      return this.depthSnapshot(p as BinanceDepthSnapshotWire, symbol, receivedAtMs, out);
    }
    if (p['u'] !== undefined && p['b'] !== undefined && p['a'] !== undefined) return this.bookTicker(p as BinanceBookTickerWire, receivedAtMs, out);
    // {"result":null,"id":1} answers SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET/GET_PROPERTY (web-socket-streams.md).
    if ('result' in p && p['id'] !== undefined) return this.fail('ack', `reply to id ${untrustedText(p['id'])}`);
    // {"code":2,"msg":"Invalid request: …","id":…} (web-socket-streams.md, Error Messages).
    if (typeof p['code'] === 'number' && typeof p['msg'] === 'string') return this.fail('error', `code ${p['code']}: ${untrustedText(p['msg'])}`);
    return this.fail('unknown', 'payload without event type');
  }

  private symbolOfStream(stream: string): string | undefined {
    let symbol = this.streamSymbols.get(stream);
    if (symbol === undefined) {
      const at = stream.indexOf('@');
      if (at <= 0) return undefined;
      // Stream names use lower-case symbols; payloads and instruments use upper case.
      symbol = stream.slice(0, at).toUpperCase();
      if (this.streamSymbols.size < MAX_CACHED_STREAMS) this.streamSymbols.set(stream, symbol);
    }
    return symbol;
  }

  private grid(symbol: unknown): SymbolGrid | FrameClass {
    if (typeof symbol !== 'string') return this.fail('invalid-value', 'symbol is not a string');
    return this.grids.get(symbol) ?? this.fail('unknown-symbol', symbol);
  }

  private depthUpdate(w: BinanceDepthUpdateWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    // Spot has no `pu`; USDⓈ-M's `pu` is the previous event's `u` (Diff-Book-Depth-Streams).
    const pu = w.pu === undefined ? null : w.pu;
    if (!isId(w.E) || !isId(w.U) || !isId(w.u) || (pu !== null && !isId(pu))) return this.fail('invalid-value', `${grid.symbol} depthUpdate ids`);
    const bids = parseBookLevels(w.b, grid, 'bid', this.offGrid);
    const asks = parseBookLevels(w.a, grid, 'ask', this.offGrid);
    const offGrid = this.offGrid.take();
    if (bids === null || asks === null) return this.fail('invalid-value', `${grid.symbol} depthUpdate levels`);
    const delta: BookDeltaEvent = { kind: 'book-delta', symbol: grid.symbol, ts: w.E, bids, asks, firstUpdateId: w.U, finalUpdateId: w.u, prevFinalUpdateId: pu, seq: null };
    out.push(offGrid === undefined ? delta : { ...delta, offGrid });
    return this.ok();
  }

  /** USDⓈ-M partial depth: a depthUpdate-shaped top-N snapshot; its `u` is the snapshot's update id (Partial-Book-Depth-Streams). */
  private futuresPartialDepth(w: BinanceDepthUpdateWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    if (!isId(w.E) || !isId(w.u)) return this.fail('invalid-value', `${grid.symbol} partial depth ids`);
    const bids = parseBookLevels(w.b, grid, 'bid', this.offGrid);
    const asks = parseBookLevels(w.a, grid, 'ask', this.offGrid);
    const offGrid = this.offGrid.take();
    if (bids === null || asks === null) return this.fail('invalid-value', `${grid.symbol} partial depth levels`);
    const snapshot: BookSnapshotEvent = { kind: 'book-snapshot', symbol: grid.symbol, ts: w.E, bids, asks, updateId: w.u, seq: null };
    out.push(offGrid === undefined ? snapshot : { ...snapshot, offGrid });
    return this.ok();
  }

  private depthSnapshot(w: BinanceDepthSnapshotWire, symbol: string, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(symbol);
    if (typeof grid === 'string') return grid;
    const ts = w.E === undefined ? receivedAtMs : w.E;
    if (!isId(w.lastUpdateId) || !isId(ts)) return this.fail('invalid-value', `${symbol} depth snapshot ids`);
    const bids = parseBookLevels(w.bids, grid, 'bid', this.offGrid);
    const asks = parseBookLevels(w.asks, grid, 'ask', this.offGrid);
    const offGrid = this.offGrid.take();
    if (bids === null || asks === null) return this.fail('invalid-value', `${symbol} depth snapshot levels`);
    const snapshot: BookSnapshotEvent = { kind: 'book-snapshot', symbol: grid.symbol, ts, bids, asks, updateId: w.lastUpdateId, seq: null };
    out.push(offGrid === undefined ? snapshot : { ...snapshot, offGrid });
    return this.ok();
  }

  /** Spot {u,s,b,B,a,A} has no event time (receive time is used); USDⓈ-M adds e, E, T (Individual-Symbol-Book-Ticker-Streams). */
  private bookTicker(w: BinanceBookTickerWire, receivedAtMs: number, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    const ts = w.E === undefined ? receivedAtMs : w.E;
    const bidTicks = grid.bidPriceUnits(w.b);
    const bidLots = grid.bidQtyUnits(w.B);
    const askTicks = grid.askPriceUnits(w.a);
    const askLots = grid.askQtyUnits(w.A);
    if (!isId(w.u) || !isId(ts) || !(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) {
      return this.fail('invalid-value', `${grid.symbol} bookTicker`);
    }
    out.push(new QuoteRecord(grid.symbol, ts, bidTicks, askTicks, bidLots, askLots, w.u));
    return this.ok();
  }

  /** trade (id `t`) and aggTrade (id `a`, or `f` without it): `m` = "is the buyer the market maker?", so m → the taker sold (web-socket-streams.md). */
  private trade(s: unknown, E: unknown, id: unknown, price: unknown, qty: unknown, m: unknown, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(s);
    if (typeof grid === 'string') return grid;
    const priceTicks = grid.priceUnits(price);
    const qtyLots = grid.qtyUnits(qty);
    if (!isId(E) || !isId(id) || typeof m !== 'boolean' || !(priceTicks >= 0) || !(qtyLots >= 0)) return this.fail('invalid-value', `${grid.symbol} trade`);
    out.push({ kind: 'trade', symbol: grid.symbol, ts: E, priceTicks, qtyLots, takerSide: m ? 'sell' : 'buy', tradeId: String(id) });
    return this.ok();
  }

  /** USDⓈ-M trade with X ≠ "MARKET" (insurance fund, ADL): an off-book-trade event, counted and never offered to a fill model. */
  private offBookTrade(w: BinanceTradeWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    return readOffBookTrade(w, grid, out) ? this.ok() : this.fail('invalid-value', `${grid.symbol} off-book trade`);
  }

  /** k.t open time, k.T inclusive close time, k.x closed flag, k.n trade count (Kline/Candlestick Streams). */
  private kline(w: BinanceKlineWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    const k = w.k;
    if (typeof k !== 'object' || k === null) return this.fail('invalid-value', `${grid.symbol} kline without k`);
    const openTicks = grid.priceUnits(k.o);
    const highTicks = grid.priceUnits(k.h);
    const lowTicks = grid.priceUnits(k.l);
    const closeTicks = grid.priceUnits(k.c);
    const volumeLots = grid.qtyUnits(k.v);
    if (!isId(w.E) || !isId(k.t) || !isId(k.T) || k.T < k.t || !isId(k.n) || typeof k.x !== 'boolean'
      || !(openTicks >= 0) || !(highTicks >= 0) || !(lowTicks >= 0) || !(closeTicks >= 0) || !(volumeLots >= 0)) {
      return this.fail('invalid-value', `${grid.symbol} kline`);
    }
    out.push({
      kind: 'bar', symbol: grid.symbol, ts: w.E, resolutionMs: k.T - k.t + 1, openTs: k.t,
      openTicks, highTicks, lowTicks, closeTicks, volumeLots, tradeCount: k.n, source: 'venue', closed: k.x,
    });
    return this.ok();
  }

  /** USDⓈ-M markPriceUpdate: p mark, i index, r funding rate ("" for delivery contracts) (Mark-Price-Stream). */
  private markPrice(w: BinanceMarkPriceWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    const markTicks = grid.refPriceUnits(w.p);
    const indexTicks = w.i === undefined || w.i === '' ? null : grid.refPriceUnits(w.i);
    const fundingRate = w.r === undefined || w.r === '' ? null : w.r;
    if (!isId(w.E) || !(markTicks >= 0) || (indexTicks !== null && !(indexTicks >= 0)) || (fundingRate !== null && !isPlainDecimal(fundingRate))) {
      return this.fail('invalid-value', `${grid.symbol} markPriceUpdate`);
    }
    out.push({ kind: 'mark', symbol: grid.symbol, ts: w.E, markTicks, indexTicks, fundingRate });
    return this.ok();
  }

  /** `<symbol>@ticker` 24 h statistics: a ticker context event (binance-ticker-24h.ts). */
  private ticker24h(w: BinanceTicker24hWire, out: MarketDataEvent[]): FrameClass {
    const grid = this.grid(w.s);
    if (typeof grid === 'string') return grid;
    return readTicker24h(w, grid, out) ? this.ok() : this.fail('invalid-value', `${grid.symbol} 24hrTicker`);
  }
}
