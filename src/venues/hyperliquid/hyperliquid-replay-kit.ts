// Hyperliquid's replay kit: the l2Book/trades/bbo stream parser and the whole-book sync for a recorded file (no REST records: every book push is whole).
import type { VenueReplay } from '../venue-module.js';
import { HYPERLIQUID_BOOK_SYNC_RULE, HyperliquidBookSync } from './hyperliquid-book-sync.js';
import { HyperliquidStreamParser } from './ws/hyperliquid-stream-parser.js';

export const hyperliquidReplay: VenueReplay = {
  markets: ['default'],
  kit: (_header, grids) => ({
    parser: new HyperliquidStreamParser({ grids }),
    newBookSync: (symbol) => new HyperliquidBookSync(symbol),
    parseRest: () => 'unsupported',
    bookSyncRule: HYPERLIQUID_BOOK_SYNC_RULE,
  }),
};
