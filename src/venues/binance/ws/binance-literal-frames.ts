// Replay fast path of the Binance stream parser: bookTicker, diff depthUpdate and aggTrade frames read while still escaped inside their record line's JSON string literal — no unescaping, no frame string, no JSON.parse.
//
// Why: a replay record is {"t":…,"frame":"<frame as a JSON string>"}; reading a small Binance frame the
// ordinary way costs an unescaping copy, a frame string and a parse, more than the book and the loop it
// feeds. In the literal, the frame's compact form differs from the frame only in that each quote is
// written \" — so the shapes of binance-fast-frames.ts can be matched there directly.
// Shapes accepted (field order as Binance serialises them; raw or in the combined-stream wrapper):
//   bookTicker   {"u":…,"s":…,"b":…,"B":…,"a":…,"A":…} and {"e":"bookTicker","u":…,"E":…,"T":…,"s":…,…}
//   depthUpdate  {"e":"depthUpdate","E":…[,"T":…],"s":…,"U":…,"u":…[,"pu":…],"b":[[p,q],…],"a":[…]}
//   aggTrade     {"e":"aggTrade","E":…,"s":…,"a":… (USDⓈ-M: "a" then "s"),"p":…,"q":…,"f":…,"l":…,"T":…,"m":…[,"M":…]}
// The only backslashes admitted are those of the structural \" pairs: a value runs from its opening \" to
// the next backslash, which must begin its closing \" (no value may hold a backslash, so no escape inside
// a value can be misread); stream names are printable ASCII, symbols [A-Z0-9], integers without sign,
// fraction, exponent or leading zero and at most 2^53 - 1, decimals what the grid converts exactly.
// Anything else returns false and the frame takes the exact existing path (unescaped, then
// BinanceStreamParser.parse: fast frames or JSON.parse), so both give the same events and classes
// (test/venues/binance/ws/binance-literal-frames.test.ts proves it on the capture and on generated and
// mutated frames).
import type { CachedSymbolGrids, SymbolGrid } from '../../../core/market/symbol-grid.js';
import type { BookLevel, MarketDataEvent } from '../../../core/model/market-data-event.js';
import { QuoteRecord } from '../../../core/model/quote-record.js';
import { isPartialDepthStream } from './binance-stream-name.js';

/** `source` with each `"` turned into the regex for an escaped quote (\"): the frame pattern as it reads inside a literal. */
const inLiteral = (source: string): RegExp => new RegExp(source.replaceAll('"', '\\\\"'), 'y');
const INT = '(?:0|[1-9]\\d{0,15})';
const DEC = '"[0-9.]+"';
const SYMBOL = '"s":"[A-Z0-9]+"';
/** The combined-stream wrapper's opening; the name is printable ASCII without quote or backslash. */
const WRAPPER = '(?:\\{"stream":"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*","data":)?';
const BOOK_TICKER = inLiteral(`${WRAPPER}\\{(?:"e":"bookTicker",)?"u":${INT}(?:,"E":${INT},"T":${INT})?,${SYMBOL},"b":${DEC},"B":${DEC},"a":${DEC},"A":${DEC}\\}\\}?`);
/** Up to the bid levels (read apart). */
const DEPTH_HEAD = inLiteral(`${WRAPPER}\\{"e":"depthUpdate","E":${INT}(?:,"T":${INT})?,${SYMBOL},"U":${INT},"u":${INT}(?:,"pu":${INT})?,"b":`);
const AGG_TRADE = inLiteral(`${WRAPPER}\\{"e":"aggTrade","E":${INT},(?:${SYMBOL},"a":${INT}|"a":${INT},${SYMBOL}),"p":${DEC},"q":${DEC},"f":${INT},"l":${INT},"T":${INT},"m":(?:true|false)(?:,"M":(?:true|false))?\\}\\}?`);

const CH_BACKSLASH = 92;
const CH_QUOTE = 34;
const CH_COMMA = 44;
const CH_OPEN_BRACKET = 91;
const CH_CLOSE_BRACKET = 93;
const CH_CLOSE_BRACE = 125;
const CH_0 = 48;
const CH_E = 101;
const CH_T = 116;
const CH_UPPER_E = 69;
const CH_UPPER_T = 84;
const CH_P = 112;
const CH_A = 97;
const WRAPPER_HEAD = '{\\"stream\\":\\"';
/** From the stream name's closing \" to the payload's brace. */
const DATA_KEY = '\\",\\"data\\":';
const SPOT_TICKER_HEAD = '{\\"u\\":';
const FUTURES_TICKER_HEAD = '{\\"e\\":\\"bookTicker\\",\\"u\\":';
const DEPTH_E = '{\\"e\\":\\"depthUpdate\\",\\"E\\":';
const AGG_E = '{\\"e\\":\\"aggTrade\\",\\"E\\":';
/** A key before an integer value: `,\"X\":` (one-letter key). */
const KEY = ',\\"E\\":'.length;
/** A key before a string value, with the value's opening quote: `,\"s\":\"`. */
const STRING_KEY = ',\\"s\\":\\"'.length;
/** From the end of a string value to the start of the next: `\",\"X\":\"`. */
const NEXT_STRING = '\\",\\"b\\":\\"'.length;
/** What the frame's event kind starts with, after `{\"e\":\"`: b(ookTicker), d(epthUpdate), a(ggTrade). */
const EVENT_AT = '{\\"e\\":\\"'.length;

export class BinanceLiteralFrames {
  /** Read cursor of the literal being read; end of the last string value or integer read. */
  private i = 0;
  private readonly rawStreamIsPartial: boolean;
  /** The last wrapped stream name seen, and whether it names a partial-depth stream. */
  private lastStream = '';
  private lastStreamPartial = false;

  /** @param rawStream the one stream of a raw /ws/<name> connection, if known (a partial-depth raw stream disables the depth fast path) */
  constructor(private readonly grids: CachedSymbolGrids, rawStream: string | undefined) {
    this.rawStreamIsPartial = rawStream !== undefined && isPartialDepthStream(rawStream);
  }

  /** Appends the frame's event and returns true, or returns false with `out` untouched (MarketFrameParser.parseLiteral). */
  tryParse(text: string, start: number, end: number, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    if (end - start < 16 || text.charCodeAt(end - 1) !== CH_CLOSE_BRACE) return false;
    const wrapped = text.startsWith(WRAPPER_HEAD, start);
    // The payload's brace, after the stream name (which holds no backslash).
    let payload = start;
    if (wrapped) {
      const nameEnd = text.indexOf('\\', start + WRAPPER_HEAD.length);
      if (nameEnd < 0 || nameEnd >= end || !text.startsWith(DATA_KEY, nameEnd)) return false;
      payload = nameEnd + DATA_KEY.length;
    }
    // A wrapped frame ends with both braces, a raw one with one.
    if ((text.charCodeAt(end - 2) === CH_CLOSE_BRACE) !== wrapped) return false;
    if (text.charCodeAt(payload + 3) === CH_E && text.startsWith(FUTURES_TICKER_HEAD, payload) === false) {
      const kind = text.charCodeAt(payload + EVENT_AT);
      if (kind === 100 /* d */) return this.depthUpdate(text, start, end, wrapped, payload, out);
      if (kind === 97 /* a */) return this.aggTrade(text, start, end, payload, out);
      return false;
    }
    return this.bookTicker(text, start, end, payload, receivedAtMs, out);
  }

  private bookTicker(text: string, start: number, end: number, payload: number, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    if (!matches(BOOK_TICKER, text, start, end)) return false;
    // The shape matched: each field sits where it fixes it.
    this.i = payload + (text.charCodeAt(payload + 3) === CH_E ? FUTURES_TICKER_HEAD.length : SPOT_TICKER_HEAD.length);
    const u = this.int(text);
    let ts = receivedAtMs; // spot carries no event time: the receive time stands in, as on the other paths
    if (text.charCodeAt(this.i + 3) === CH_UPPER_E) {
      this.i += KEY;
      ts = this.int(text);
      this.i += KEY;
      this.int(text); // T, not used
    }
    if (u !== u || ts !== ts) return false;
    const symbolAt = this.i + STRING_KEY;
    const symbolEnd = text.indexOf('\\', symbolAt);
    const grid = this.grids.getAt(text, symbolAt, symbolEnd);
    if (grid === undefined) return false;
    const bAt = symbolEnd + NEXT_STRING;
    const bEnd = text.indexOf('\\', bAt);
    const BAt = bEnd + NEXT_STRING;
    const BEnd = text.indexOf('\\', BAt);
    const aAt = BEnd + NEXT_STRING;
    const aEnd = text.indexOf('\\', aAt);
    const AAt = aEnd + NEXT_STRING;
    const AEnd = text.indexOf('\\', AAt);
    const bidTicks = grid.priceUnitsAt(text, bAt, bEnd);
    const bidLots = grid.qtyUnitsAt(text, BAt, BEnd);
    const askTicks = grid.priceUnitsAt(text, aAt, aEnd);
    const askLots = grid.qtyUnitsAt(text, AAt, AEnd);
    if (!(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) return false;
    out.push(new QuoteRecord(grid.symbol, ts, bidTicks, askTicks, bidLots, askLots, u));
    return true;
  }

  private depthUpdate(text: string, start: number, end: number, wrapped: boolean, payload: number, out: MarketDataEvent[]): boolean {
    DEPTH_HEAD.lastIndex = start;
    if (!DEPTH_HEAD.test(text) || DEPTH_HEAD.lastIndex >= end) return false;
    const bidsAt = DEPTH_HEAD.lastIndex;
    if (wrapped ? this.partialStream(text, start + WRAPPER_HEAD.length, payload - DATA_KEY.length) : this.rawStreamIsPartial) return false;
    this.i = payload + DEPTH_E.length;
    const E = this.int(text);
    let futures = false;
    if (text.charCodeAt(this.i + 3) === CH_UPPER_T) {
      this.i += KEY;
      this.int(text); // T, not used
      futures = true;
    }
    const symbolAt = this.i + STRING_KEY;
    const symbolEnd = text.indexOf('\\', symbolAt);
    this.i = symbolEnd + 2 + KEY; // \",\"U\":
    const U = this.int(text);
    this.i += KEY;
    const u = this.int(text);
    let pu: number | null = null;
    if (text.charCodeAt(this.i + 3) === CH_P) {
      this.i += KEY + 1;
      pu = this.int(text);
    }
    // NaN: past 2^53. A futures frame carries T and pu together; one without the other is left to the other path.
    if (E !== E || U !== U || u !== u || pu !== pu || futures !== (pu !== null)) return false;
    const grid = this.grids.getAt(text, symbolAt, symbolEnd);
    if (grid === undefined) return false;
    const bids = this.levels(text, bidsAt, end, grid);
    if (bids === null || !text.startsWith(',\\"a\\":', this.i)) return false;
    const asks = this.levels(text, this.i + KEY, end, grid);
    if (asks === null || this.i !== end - (wrapped ? 2 : 1)) return false;
    out.push({ kind: 'book-delta', symbol: grid.symbol, ts: E, bids, asks, firstUpdateId: U, finalUpdateId: u, prevFinalUpdateId: pu, seq: null });
    return true;
  }

  private aggTrade(text: string, start: number, end: number, payload: number, out: MarketDataEvent[]): boolean {
    if (!matches(AGG_TRADE, text, start, end)) return false;
    this.i = payload + AGG_E.length;
    const E = this.int(text);
    let id: number;
    let symbolAt: number;
    let symbolEnd: number;
    if (text.charCodeAt(this.i + 3) === CH_A) {
      // USDⓈ-M order: "a" before "s" (Aggregate-Trade-Streams, real frame in the fixtures).
      this.i += KEY;
      id = this.int(text);
      symbolAt = this.i + STRING_KEY;
      symbolEnd = text.indexOf('\\', symbolAt);
      this.i = symbolEnd + 2;
    } else {
      symbolAt = this.i + STRING_KEY;
      symbolEnd = text.indexOf('\\', symbolAt);
      this.i = symbolEnd + 2 + KEY; // \",\"a\":
      id = this.int(text);
    }
    if (E !== E || id !== id) return false;
    const grid = this.grids.getAt(text, symbolAt, symbolEnd);
    if (grid === undefined) return false;
    const pAt = this.i + STRING_KEY;
    const pEnd = text.indexOf('\\', pAt);
    const qAt = pEnd + NEXT_STRING;
    const qEnd = text.indexOf('\\', qAt);
    const priceTicks = grid.priceUnitsAt(text, pAt, pEnd);
    const qtyLots = grid.qtyUnitsAt(text, qAt, qEnd);
    if (!(priceTicks >= 0) || !(qtyLots >= 0)) return false;
    // ,\"f\":…,\"l\":…,\"T\":…,\"m\":t(rue) or f(alse): the first letter after the last key.
    const m = text.charCodeAt(text.indexOf('m\\":', qEnd) + 4) === CH_T;
    // m: "is the buyer the market maker?" — the taker sold (web-socket-streams.md).
    out.push({ kind: 'trade', symbol: grid.symbol, ts: E, priceTicks, qtyLots, takerSide: m ? 'sell' : 'buy', tradeId: String(id) });
    return true;
  }

  /** The integer at the cursor (the shape has checked its digits), the cursor moved past it; NaN above 2^53 - 1. */
  private int(text: string): number {
    let i = this.i;
    let n = 0;
    for (let d = text.charCodeAt(i) - CH_0; d >>> 0 <= 9; d = text.charCodeAt(++i) - CH_0) n = n * 10 + d;
    this.i = i;
    return n > Number.MAX_SAFE_INTEGER ? NaN : n;
  }

  /**
   * `[[\"price\",\"qty\"],…]` at `i` (empty allowed) as BookLevels on the grid, the cursor left after its `]`; null
   * for any other shape, a value holding a backslash, or a decimal the grid refuses (off-grid levels take the other path).
   */
  private levels(text: string, i: number, end: number, grid: SymbolGrid): BookLevel[] | null {
    if (text.charCodeAt(i) !== CH_OPEN_BRACKET) return null;
    const levels: BookLevel[] = [];
    if (text.charCodeAt(i + 1) === CH_CLOSE_BRACKET) {
      this.i = i + 2;
      return levels;
    }
    i++;
    for (;;) {
      // [\"price\",\"qty\"]: each value runs to the next backslash, which must open its closing \".
      if (text.charCodeAt(i) !== CH_OPEN_BRACKET || text.charCodeAt(i + 1) !== CH_BACKSLASH || text.charCodeAt(i + 2) !== CH_QUOTE) return null;
      const priceEnd = text.indexOf('\\', i + 3);
      if (priceEnd < 0 || priceEnd >= end || !text.startsWith('\\",\\"', priceEnd)) return null;
      const qtyEnd = text.indexOf('\\', priceEnd + 5);
      if (qtyEnd < 0 || qtyEnd >= end || text.charCodeAt(qtyEnd + 1) !== CH_QUOTE || text.charCodeAt(qtyEnd + 2) !== CH_CLOSE_BRACKET) return null;
      const price = grid.priceUnitsAt(text, i + 3, priceEnd);
      const qty = grid.qtyUnitsAt(text, priceEnd + 5, qtyEnd);
      if (!(price >= 0) || !(qty >= 0)) return null;
      levels.push([price, qty]);
      const next = text.charCodeAt(qtyEnd + 3);
      i = qtyEnd + 4;
      if (next === CH_CLOSE_BRACKET) {
        this.i = i;
        return levels;
      }
      if (next !== CH_COMMA) return null;
    }
  }

  /** Whether the stream name text[from, to) names a partial-depth stream (the last name is remembered: one stream per symbol and kind). */
  private partialStream(text: string, from: number, to: number): boolean {
    const last = this.lastStream;
    if (to - from === last.length && text.startsWith(last, from)) return this.lastStreamPartial;
    this.lastStream = text.slice(from, to);
    this.lastStreamPartial = isPartialDepthStream(this.lastStream);
    return this.lastStreamPartial;
  }
}

/** Whether the sticky `shape` matches text[start, end) exactly. */
function matches(shape: RegExp, text: string, start: number, end: number): boolean {
  shape.lastIndex = start;
  return shape.test(text) && shape.lastIndex === end;
}
