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

/** A JSON integer ≥ 0 as venues write ids and times (range checked after matching). */
const ID = '(0|[1-9][0-9]{0,15})';
/** The combined-stream wrapper's opening, with the stream name captured (no escapes, no control characters). */
const WRAPPER = '(?:\\{"stream":"([^"\\\\\\x00-\\x1f]*)","data":)?';
const SYMBOL = '"s":"([A-Z0-9]+)"';
const DECIMAL = '"([0-9.]+)"';

/** Groups: 1 stream, 2 u, 3 E, 4 T, 5 s, 6 b, 7 B, 8 a, 9 A, 10 the wrapper's closing brace. */
const BOOK_TICKER = new RegExp(
  `^${WRAPPER}\\{(?:"e":"bookTicker",)?"u":${ID}(?:,"E":${ID},"T":${ID})?,${SYMBOL},"b":${DECIMAL},"B":${DECIMAL},"a":${DECIMAL},"A":${DECIMAL}\\}(\\})?$`,
);
/** Groups: 1 stream, 2 E, 3 T, 4 s, 5 U, 6 u, 7 pu; the match ends where the bid levels start. */
const DEPTH_UPDATE_HEAD = new RegExp(`^${WRAPPER}\\{"e":"depthUpdate","E":${ID}(?:,"T":${ID})?,${SYMBOL},"U":${ID},"u":${ID}(?:,"pu":${ID})?,"b":`);

const CH_OPEN_BRACE = 123;
const CH_QUOTE = 34;
const CH_U = 117;

export class BinanceFastFrames {
  private readonly scan = new CompactJsonScanner();
  private readonly rawStreamIsPartial: boolean;

  /** @param rawStream the one stream of a raw /ws/<name> connection, if known (a partial-depth raw stream disables the depth fast path) */
  constructor(private readonly grids: CachedSymbolGrids, rawStream: string | undefined) {
    this.rawStreamIsPartial = rawStream !== undefined && isPartialDepthStream(rawStream);
  }

  /** Appends the frame's event and returns true, or returns false with `out` untouched (the caller parses it the slow way). */
  tryParse(frame: string, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    // The payload's first key tells the shape: "u" (spot bookTicker) or "e" (the others).
    const payloadAt = frame.charCodeAt(1) === CH_QUOTE && frame.charCodeAt(2) === 115 /* s */ ? frame.indexOf('"data":{') + 7 : 0;
    if (frame.charCodeAt(payloadAt) !== CH_OPEN_BRACE) return false;
    const key = frame.charCodeAt(payloadAt + 2);
    if (key === CH_U || frame.startsWith('"e":"bookTicker"', payloadAt + 1)) return this.bookTicker(frame, receivedAtMs, out);
    if (frame.startsWith('"e":"depthUpdate"', payloadAt + 1)) return this.depthUpdate(frame, out);
    return false;
  }

  private bookTicker(frame: string, receivedAtMs: number, out: MarketDataEvent[]): boolean {
    const m = BOOK_TICKER.exec(frame);
    if (m === null || (m[1] === undefined) !== (m[10] === undefined)) return false;
    const grid = this.grids.get(m[5]!);
    if (grid === undefined) return false;
    const u = Number(m[2]);
    // Spot carries no event time: the receive time stands in, as on the slow path.
    const ts = m[3] === undefined ? receivedAtMs : Number(m[3]);
    const bidTicks = grid.bidPriceUnits(m[6]);
    const bidLots = grid.bidQtyUnits(m[7]);
    const askTicks = grid.askPriceUnits(m[8]);
    const askLots = grid.askQtyUnits(m[9]);
    if (!Number.isSafeInteger(u) || !Number.isSafeInteger(ts) || (m[4] !== undefined && !Number.isSafeInteger(Number(m[4])))) return false;
    if (!(bidTicks >= 0) || !(bidLots >= 0) || !(askTicks >= 0) || !(askLots >= 0)) return false;
    out.push({ kind: 'quote', symbol: grid.symbol, ts, bidTicks, askTicks, bidLots, askLots, seq: u });
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

