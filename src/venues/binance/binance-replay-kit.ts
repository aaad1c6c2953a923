// Binance's replay kit: the stream parser (combined or raw stream), the diff-depth book sync per market, and the REST depth snapshot records.
import type { MarketDataEvent } from '../../core/model/market-data-event.js';
import type { RestRecordClass } from '../../ports/replay-venue-kit.js';
import type { VenueReplay } from '../venue-module.js';
import { BinanceBookSync } from './binance-book-sync.js';
import { BINANCE_DEPTH_PATHS, binanceMarketOf } from './binance-public-endpoints.js';
import { BinanceStreamParser } from './ws/binance-stream-parser.js';

/** The stream name of a raw `/ws/<streamName>` URL (one stream, unwrapped payloads); null for combined streams or no URL. */
function rawStreamOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  if (!path.startsWith('/ws/')) return null;
  const name = path.slice('/ws/'.length);
  return name === '' || name.includes('/') ? null : name;
}

export const binanceReplay: VenueReplay = {
  markets: ['spot', 'usdm'],
  kit(header, grids) {
    const market = binanceMarketOf(header.market);
    const rawStream = rawStreamOf(header.url);
    const parser = new BinanceStreamParser(rawStream === null ? { grids } : { grids, rawStream });
    const depthPath = BINANCE_DEPTH_PATHS[market];
    return {
      parser,
      newBookSync: (symbol) => new BinanceBookSync(symbol, { market }),
      parseRest(request: string, body: string, receivedAtMs: number, out: MarketDataEvent[]): RestRecordClass {
        const target = request.slice('GET '.length);
        const query = target.indexOf('?');
        if ((query < 0 ? target : target.slice(0, query)) !== depthPath) return 'unsupported';
        const symbol = new URLSearchParams(query < 0 ? '' : target.slice(query + 1)).get('symbol');
        if (symbol === null) return 'unsupported';
        return parser.parseDepthSnapshotBody(body, symbol, receivedAtMs, out);
      },
      bookSyncRule:
        market === 'spot'
          ? `Binance spot diff depth on a ${depthPath} snapshot (binance/binance-spot-api-docs web-socket-streams.md, "How to manage a local order book correctly"): deltas buffered until the snapshot, the first applied one has U <= lastUpdateId+1 <= u, later ones with u <= the book's id are stale, one with U > the book's id + 1 is a gap`
          : `Binance USD-M diff depth on a ${depthPath} snapshot (How-to-manage-a-local-order-book-correctly): deltas with u < lastUpdateId dropped, the first has U <= lastUpdateId <= u, then each pu = previous u; a mismatch is a gap`,
    };
  },
};
