// Fast path of the Bybit stream parser: orderbook snapshot and delta pushes in the venue's compact form, read in place without JSON.parse.
//
// Shape accepted (field order as Bybit serialises it; docs/v5/websocket/public/orderbook.mdx):
//   {"topic":"orderbook.<depth>.<symbol>","type":"snapshot"|"delta","ts":…,
//    "data":{"s":"…","b":[["price","size"],…],"a":[…],"u":…[,"seq":…]}[,"cts":…]}
// Anything else — another order, an extra field, whitespace, an escape, an unknown symbol, a value the
// slow path would refuse, an RPI book — returns false and BybitStreamParser reads the frame with
// JSON.parse; so both paths give the same events and classes (test/venues/bybit/ws proves it on the
// docs samples and on mutated frames).
import { CompactJsonScanner } from '../../../core/market/compact-json-scanner.js';
import type { CachedSymbolGrids } from '../../../core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../core/model/market-data-event.js';

const CH_0 = 48;
const CH_9 = 57;

export class BybitFastFrames {
  private readonly scan = new CompactJsonScanner();

  constructor(private readonly grids: CachedSymbolGrids) {}

  /** Appends the push's book event and returns true, or returns false with `out` untouched (the caller parses it the slow way). */
  tryParse(frame: string, out: MarketDataEvent[]): boolean {
    const scan = this.scan;
    scan.reset(frame);
    // "orderbook." then a depth digit: not "orderbook.rpi." (Retail Price Improvement books are not normalised).
    if (!scan.lit('{"topic":') || !scan.str() || !frame.startsWith('orderbook.', scan.strStart)) return false;
    const depth = frame.charCodeAt(scan.strStart + 10);
    if (depth < CH_0 || depth > CH_9 || !scan.lit(',"type":"')) return false;
    let snapshot: boolean;
    if (scan.lit('delta"')) snapshot = false;
    else if (scan.lit('snapshot"')) snapshot = true;
    else return false;
    if (!scan.lit(',"ts":')) return false;
    const ts = scan.int();
    if (ts !== ts || !scan.lit(',"data":{"s":') || !scan.str()) return false;
    const grid = this.grids.getAt(frame, scan.strStart, scan.strEnd);
    if (grid === undefined || !scan.lit(',"b":')) return false;
    const bids = scan.levels(grid);
    if (bids === null || !scan.lit(',"a":')) return false;
    const asks = scan.levels(grid);
    if (asks === null || !scan.lit(',"u":')) return false;
    const u = scan.int();
    if (u !== u) return false;
    let seq: number | null = null;
    if (scan.lit(',"seq":')) {
      seq = scan.int();
      if (seq !== seq) return false;
    }
    if (!scan.lit('}')) return false;
    if (scan.lit(',"cts":') && !scan.skipInt()) return false;
    if (!scan.lit('}') || !scan.atEnd) return false;
    // "u"=1 is snapshot data after a service restart, whatever the type (orderbook.mdx).
    if (snapshot || u === 1) {
      out.push({ kind: 'book-snapshot', symbol: grid.symbol, ts, bids, asks, updateId: u, seq });
    } else {
      out.push({ kind: 'book-delta', symbol: grid.symbol, ts, bids, asks, firstUpdateId: u, finalUpdateId: u, prevFinalUpdateId: null, seq });
    }
    return true;
  }
}
