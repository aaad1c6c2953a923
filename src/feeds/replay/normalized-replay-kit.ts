// The replay kit of a normalized file: venue-neutral book syncs and a mapper from records to events, in place of a venue's frame parser.
import type { SymbolGridLookup } from '../../core/market/symbol-grid.js';
import type { FrameClass, MarketFrameParser } from '../../ports/market-frame-parser.js';
import type { ReplayVenueKit } from '../../ports/replay-venue-kit.js';
import { NormalizedBookSync } from './normalized-book-sync.js';
import { NormalizedEventMapper } from './normalized-event-mapper.js';

/** A normalized file holds no frames (the decoder refuses them): a parser that would class any as 'unknown'. */
class NoFrameParser implements MarketFrameParser {
  readonly lastDetail = 'a normalized replay holds no venue frames';
  parse(): FrameClass {
    return 'unknown';
  }
  reset(): void {}
}

export interface NormalizedReplayKit {
  readonly kit: ReplayVenueKit;
  readonly mapper: NormalizedEventMapper;
}

export function normalizedReplayKit(grids: SymbolGridLookup): NormalizedReplayKit {
  return {
    kit: {
      parser: new NoFrameParser(),
      newBookSync: (symbol) => new NormalizedBookSync(symbol),
      parseRest: () => 'unsupported',
      bookSyncRule:
        'normalized records (docs/replay-format.md, version 2): every book_snapshot, and the first is_snapshot book_update after a non-snapshot one, replaces the book; later is_snapshot updates add to it; updates before the first snapshot are dropped (there is no book to apply them to); records carry no venue update ids, so no gap can be seen; a crossed book waits for the next snapshot',
    },
    mapper: new NormalizedEventMapper(grids),
  };
}
