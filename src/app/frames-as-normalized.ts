// A raw-frame replay file (version 1) read as the normalized records (version 2) that replay the same way: its venue's catalog, parser and book sync through FrameNormalizer, streamed one record at a time.
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import { buildSymbolGridLookup } from '../core/market/symbol-grid.js';
import { FrameNormalizer, type FrameNormalizerCounts } from '../feeds/replay/frame-normalizer.js';
import type { NormalizedRecord } from '../feeds/replay/normalized-record.js';
import { checkReplayVenue, isNormalizedReplay, NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader } from '../feeds/replay/replay-format.js';
import type { ReplayRecordSource } from '../feeds/replay/replay-record-source.js';
import { openReplayFile } from '../feeds/replay/replay-source.js';
import { loadCatalog, readText, type ReadText } from './config/venue-options.js';
import { replayVenueKit, replayVenueTable } from './compose-replay.js';
import { venueModule } from './venue-registry.js';

export interface FramesAsNormalizedOptions {
  /** A saved instruments response of the recorded venue and market (as `run --instruments`); default: the venue's bundled catalog. */
  readonly instruments?: string;
  /** Symbols to convert; default: every symbol of the catalog (frames of others are counted and dropped). */
  readonly symbols?: readonly string[];
}

/** The normalized records of a frame file, one at a time, with the header of the file they make. */
export interface NormalizedRecordStream {
  /** Version 2, `data: "normalized"`, the recording's venue, market and url; `source` names the conversion. */
  readonly header: ReplayHeader;
  /** How many records next() gives: not known before the frames are read (null). */
  readonly records: null;
  /** The next record, or null at the end. */
  next(): NormalizedRecord | null;
  /** What was read, written and dropped so far. */
  readonly counts: FrameNormalizerCounts;
  /** The line of the frame file the last record came from. */
  readonly line: number;
  /** "line N" of the frame file, for messages. */
  readonly position: string;
  close(): void;
}

/** A replay file already scanned (replay-source.ts openReplayFile): its path, what pass 1 found, and pass 2. */
export interface ScannedReplayFile {
  readonly path: string;
  readonly scan: { readonly header: ReplayHeader };
  records(): ReplayRecordSource;
}

/**
 * Opens `path` (a replay of frames: validated whole first, like `run --feed replay:`) for conversion. UsageError: not a
 * frame file, an unknown symbol, a bad --instruments file; E_REPLAY_FORMAT/E_REPLAY_READ as for a replay.
 */
export function openFramesAsNormalized(path: string, options: FramesAsNormalizedOptions = {}, read: ReadText = readText): NormalizedRecordStream {
  return framesAsNormalized(openReplayFile(path), options, read);
}

/** The same for a file already scanned. */
export function framesAsNormalized(source: ScannedReplayFile, options: FramesAsNormalizedOptions = {}, read: ReadText = readText): NormalizedRecordStream {
  const path = source.path;
  const header = source.scan.header;
  if (isNormalizedReplay(header)) throw new UsageError(`replay file '${path}' already holds normalized records (version 2): nothing to normalize`);
  checkReplayVenue(header, replayVenueTable(), path);
  const venue = venueModule(header.venue);
  const catalog = loadCatalog((file) => venue.catalog.load(header.market, file), venue.catalog.sourceRequest(header.market) ?? '', options.instruments, read);
  const symbols = options.symbols ?? catalog.symbols;
  const specs: InstrumentSpec[] = symbols.map((symbol) => {
    const found = catalog.find(symbol);
    if (found === undefined) throw new UsageError(`--symbols '${symbol}' is not a symbol of ${catalog.description}: expected one or more of ${catalog.symbols.join(', ')}`);
    return found.spec;
  });
  const normalizer = new FrameNormalizer(replayVenueKit(header, buildSymbolGridLookup(specs)), specs);
  const normalizedHeader: ReplayHeader = {
    format: REPLAY_FORMAT,
    version: NORMALIZED_REPLAY_VERSION,
    venue: header.venue,
    market: header.market,
    data: 'normalized',
    ...(header.url === undefined ? {} : { url: header.url }),
    source: `shadow-exec convert: the frames of ${header.source === undefined ? 'a recording' : JSON.stringify(header.source.slice(0, 200))} normalized through the ${header.venue} ${header.market} parser and book sync`,
  };
  return new FrameRecordStream(normalizedHeader, source.records(), normalizer);
}

class FrameRecordStream implements NormalizedRecordStream {
  readonly records = null;
  private readonly pending: NormalizedRecord[] = [];
  private head = 0;

  constructor(readonly header: ReplayHeader, private readonly frames: ReplayRecordSource, private readonly normalizer: FrameNormalizer) {}

  get counts(): FrameNormalizerCounts {
    return this.normalizer.counts;
  }

  get line(): number {
    return this.frames.line;
  }

  get position(): string {
    return `line ${this.frames.line}`;
  }

  next(): NormalizedRecord | null {
    while (this.head === this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
      const record = this.frames.next();
      if (record === null) return null;
      this.normalizer.push(record, this.pending);
    }
    return this.pending[this.head++]!;
  }

  close(): void {
    this.frames.close();
  }
}
