// Bybit's replay kit: the V5 stream parser and orderbook sync for a recorded file (no REST records: book snapshots arrive on the socket).
import type { VenueReplay } from '../venue-module.js';
import { BybitBookSync } from './bybit-book-sync.js';
import { BybitStreamParser } from './ws/bybit-stream-parser.js';

export const bybitReplay: VenueReplay = {
  markets: ['spot', 'linear'],
  kit: (_header, grids) => ({
    parser: new BybitStreamParser({ grids }),
    newBookSync: (symbol) => new BybitBookSync(symbol),
    parseRest: () => 'unsupported',
    bookSyncRule:
      'Bybit V5 orderbook.<depth>.<symbol> (bybit-exchange/docs docs/v5/websocket/public/orderbook.mdx): every snapshot replaces the book; deltas before a snapshot or after a sync loss are dropped; a message with u = 1 (service restart) replaces the book; a delta with u not above the book\'s is stale; a delta with u above the book\'s + 1 is a gap (u steps by 1 per topic); a gap or a crossed book is a sync loss',
  }),
};
