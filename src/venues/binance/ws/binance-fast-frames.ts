// Fast path of the Binance stream parser: bookTicker and diff depthUpdate frames in the venue's compact form, read without JSON.parse.
//
// Shapes accepted (field order as Binance serialises them; web-socket-streams.md and the USDⓈ-M
// Individual-Symbol-Book-Ticker / Diff-Book-Depth stream pages), raw or inside the combined-stream
// wrapper {"stream":"<name>","data":<payload>}:
//   spot bookTicker    {"u":…,"s":"…","b":"…","B":"…","a":"…","A":"…"}
//   USDⓈ-M bookTicker  {"e":"bookTicker","u":…,"E":…,"T":…,"s":"…","b":"…","B":"…","a":"…","A":"…"}
//   spot depthUpdate   {"e":"depthUpdate","E":…,"s":"…","U":…,"u":…,"b":[…],"a":[…]}
//   USDⓈ-M depthUpdate {"e":"depthUpdate","E":…,"T":…,"s":"…","U":…,"u":…,"pu":…,"b":[…],"a":[…]}
// The regular expressions admit only what JSON.parse reads to the same values: no whitespace, no
// escapes or control characters in strings, integers without sign, fraction, exponent or leading zero.
// Anything else — another order, an extra field, an unknown symbol, a value the slow path would refuse,
// a partial-depth stream — returns false and BinanceStreamParser reads the frame with JSON.parse, so
// both paths give the same events and classes (test/venues/binance/ws proves it on the capture and on
// mutated frames).
import { CompactJsonScanner } from '../../../core/market/compact-json-scanner.js';
import type { CachedSymbolGrids } from '../../../core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../core/model/market-data-event.js';
import { isPartialDepthStream } from './binance-stream-name.js';
import { QuoteRecord } from '../../../core/model/quote-record.js';

/** A JSON integer ≥ 0 as venues write ids and times (range checked after matching). */
const ID = '(0|[1-9][0-9]{0,15})';
/** The combined-stream wrapper's opening, with the stream name captured (no escapes, no control characters). */
const WRAPPER = '(?:\\{"stream":"([^"\\\\\\x00-\\x1f]*)","data":)?';
const SYMBOL = '"s":"([A-Z0-9]+)"';

/**
 * The whole bookTicker frame, without capture groups (matching is native and allocates nothing); once it
 * matches, the fields are read at positions the shape fixes. The wrapper's closing brace is checked apart.
 */
const BOOK_TICKER =
  /^(?:\{"stream":"[^"\\\x00-\x1f]*","data":)?\{(?:"e":"bookTicker",)?"u":(?:0|[1-9]\d{0,15})(?:,"E":(?:0|[1-9]\d{0,15}),"T":(?:0|[1-9]\d{0,15}))?,"s":"[A-Z0-9]+","b":"[0-9.]+","B":"[0-9.]+","a":"[0-9.]+","A":"[0-9.]+"\}\}?$/;
/** Groups: 1 stream, 2 E, 3 T, 4 s, 5 U, 6 u, 7 pu; the match ends where the bid levels start. */
const DEPTH_UPDATE_HEAD = new RegExp(`^${WRAPPER}\\{"e":"depthUpdate","E":${ID}(?:,"T":${ID})?,${SYMBOL},"U":${ID},"u":${ID}(?:,"pu":${ID})?,"b":`);

const CH_OPEN_BRACE = 123;
const CH_CLOSE_BRACE = 125;
const CH_QUOTE = 34;
const CH_0 = 48;
const CH_E = 101;
const CH_UPPER_E = 69;
const CH_S = 115;
const CH_CLOSE_BRACKET = 93;
/** Where a wrapped frame's stream name starts: after {"stream":" . */
const STREAM_NAME_AT = '{"stream":"'.length;
/** From the stream name's closing quote to the payload: ","data": (its opening quote is the name's closing one). */
const DATA_KEY = '","data":';
const SPOT_TICKER_HEAD = '{"u":';
const FUTURES_TICKER_HEAD = '{"e":"bookTicker","u":';

export class BinanceFastFrames {
  private readonly scan = new CompactJsonScanner();
  private readonly rawStreamIsPartial: boolean;

  /** @param rawStream the one stream of a raw /ws/<name> connection, if known (a partial-depth raw stream disables the depth fast path) */
  constructor(private readonly grids: CachedSymbolGrids, rawStream: string | undefined) {
    this.rawStreamIsPartial = rawStream !== undefined && isPartialDepthStream(rawStream);
  }

  /** Appends the frame's event and returns true, or returns false with `out` untouched (the caller parses it the slow way). */
  tryParse(frame: string, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    if (frame.charCodeAt(0) !== CH_OPEN_BRACE || frame.charCodeAt(frame.length - 1) !== CH_CLOSE_BRACE) return false;
    const wrapped = frame.charCodeAt(2) === CH_S && frame.charCodeAt(1) === CH_QUOTE;
    // The last field tells the shape: a quoted decimal ("A", bookTicker) or a level array ("a", depthUpdate).
    const last = frame.charCodeAt(frame.length - (wrapped ? 3 : 2));
    if (last === CH_QUOTE) return this.bookTicker(frame, wrapped, receivedAtMs, out);
    if (last === CH_CLOSE_BRACKET) return this.depthUpdate(frame, out);
    return false;
  }

  private bookTicker(frame: string, wrapped: boolean, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    // A wrapped frame ends with the wrapper's brace after the payload's: "…"}} (the shape allows one or two).
    if (frame.charCodeAt(frame.length - 2) === CH_CLOSE_BRACE ? !wrapped : wrapped) return false;
    if (!BOOK_TICKER.test(frame)) return false;
    // The shape matched: every field sits where it fixes it, and each string runs to the next quote.
    let i = wrapped ? frame.indexOf('"', STREAM_NAME_AT) + DATA_KEY.length : 0; // the payload's '{'
    i += frame.charCodeAt(i + 2) === CH_E ? FUTURES_TICKER_HEAD.length : SPOT_TICKER_HEAD.length; // first digit of u
    let u = 0;
    for (let d = frame.charCodeAt(i) - CH_0; d >>> 0 <= 9; d = frame.charCodeAt(++i) - CH_0) u = u * 10 + d;
    let ts = receivedAtMs; // spot carries no event time: the receive time stands in, as on the slow path
    if (frame.charCodeAt(i + 2) === CH_UPPER_E) {
      i += 5; // ,"E":
      ts = 0;
      for (let d = frame.charCodeAt(i) - CH_0; d >>> 0 <= 9; d = frame.charCodeAt(++i) - CH_0) ts = ts * 10 + d;
      i = frame.indexOf(',', i + 5); // past ,"T":<digits>
    }
    // 16 digits can pass 2^53: such ids are left to the slow path, which refuses them.
    if (u > Number.MAX_SAFE_INTEGER || ts > Number.MAX_SAFE_INTEGER) return false;
    const symbolAt = i + 6; // ,"s":"
    const symbolEnd = frame.indexOf('\"', symbolAt);
    const grid = this.grids.getAt(frame, symbolAt, symbolEnd);
    if (grid === undefined) return false;
    const bAt = symbolEnd + 7; // ","b":"
    const bEnd = frame.indexOf('\"', bAt);
    const BAt = bEnd + 7;
    const BEnd = frame.indexOf('\"', BAt);
    const aAt = BEnd + 7;
    const aEnd = frame.indexOf('\"', aAt);
    const AAt = aEnd + 7;
    const AEnd = frame.indexOf('\"', AAt);
    const bidTicks = grid.priceUnitsAt(frame, bAt, bEnd);
    const bidLots = grid.qtyUnitsAt(frame, BAt, BEnd);
    const askTicks = grid.priceUnitsAt(frame, aAt, aEnd);
    const askLots = grid.qtyUnitsAt(frame, AAt, AEnd);
    if (!(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) return false;
    out.push(new QuoteRecord(grid.symbol, ts, bidTicks, askTicks, bidLots, askLots, u));
    return true;
  }

  private depthUpdate(frame: string, out: MarketDataEvent[]): boolean {
    const m = DEPTH_UPDATE_HEAD.exec(frame);
    if (m === null) return false;
    const wrapped = m[1] !== undefined;
    if (wrapped ? isPartialDepthStream(m[1]!) : this.rawStreamIsPartial) return false;
    const grid = this.grids.get(m[4]!);
    if (grid === undefined) return false;
    const E = Number(m[2]);
    const U = Number(m[5]);
    const u = Number(m[6]);
    const pu = m[7] === undefined ? null : Number(m[7]);
    if (!Number.isSafeInteger(E) || !Number.isSafeInteger(U) || !Number.isSafeInteger(u) || (pu !== null && !Number.isSafeInteger(pu))) return false;
    // A futures frame carries T and pu together; one without the other is left to the slow path.
    if ((m[3] === undefined) !== (pu === null)) return false;
    const scan = this.scan;
    scan.reset(frame);
    scan.pos = m[0].length;
    const bids = scan.levels(grid);
    if (bids === null || !scan.lit(',"a":')) return false;
    const asks = scan.levels(grid);
    if (asks === null || !scan.lit(wrapped ? '}}' : '}') || !scan.atEnd) return false;
    out.push({ kind: 'book-delta', symbol: grid.symbol, ts: E, bids, asks, firstUpdateId: U, finalUpdateId: u, prevFinalUpdateId: pu, seq: null });
    return true;
  }
}

