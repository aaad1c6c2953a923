// Composition of a replay feed (`--feed replay:FILE`): scans the file, picks the recorded venue's parser and book sync, and describes the replay for the report.
//
// Contract for compose.ts (the integrator wires the CLI flags):
//   const replay = buildReplayFeed(path, instrumentSpecs, { clockStartMs, durationMs, barResolutions });
//   - `instrumentSpecs` are the instruments the run trades (the same specs the venue and loop get); each
//     must be quoted in USDT or USDC (the ledger, risk limits and report count money in one USD unit) — anything else
//     is refused with a UsageError. `replayInstrumentSpecs(catalogSpecs, symbols)` picks them by symbol.
//   - Start the VirtualClock at `replay.startMs` (the first record's receive time, or `clockStartMs`
//     when given: records before it warm the books up and deliver nothing) and hand `replay.feed` to
//     the ExecutionLoop in place of the SyntheticFeed; the loop's instruments are the traded ones.
//   - Report: `model.market = replay.model` (instead of the synthetic market model), and
//     `marketData: replay.healthReport(loop.marketEvents)` in buildReport's input (→ `market_data`).
//     Synthetic runs pass nothing, so their reports keep their exact bytes.
//   - `replay.warnings` (a cut last line, a file without records) are in `market_data.warnings` (only
//     when there are any) and are for the CLI to print on stderr.
//   - The file is read in two streaming passes (replay-source.ts): the validation scan here, the records
//     as the run consumes them; it is never held whole.
//   - `replay.header.venue`/`.market` say what was recorded: check them against --exchange/--category
//     (a file recorded on one venue and market needs that venue's grids), e.g. with `replayVenueMismatch()`.
// Errors: UsageError (unreadable path, non-USD-quoted or duplicate instrument), E_REPLAY_FORMAT with the line
// number (malformed file), E_REPLAY_READ (other I/O), E_CONFIG (bad bar resolution list).
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors/shadow-exec-error.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileIdentity } from './file-identity.js';
import type { EmptyIntervalRule } from '../core/market/bar-buffer.js';
import { formatResolution, parseResolutionList } from '../core/market/bar-resolution.js';
import { buildSymbolGridLookup, type SymbolGridLookup } from '../core/market/symbol-grid.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { isoUtc } from '../core/report/units.js';
import type { MarketEventTally } from '../engine/market-event-tally.js';
import { checkReplayVenue, isNormalizedReplay, type ReplayHeader, type ReplayRecord, type ReplayVenueTable } from '../feeds/replay/replay-format.js';
import { decodeReplay } from '../feeds/replay/replay-decoder.js';
import { normalizedReplayKit } from '../feeds/replay/normalized-replay-kit.js';
import { ReplayFeed } from '../feeds/replay/replay-feed.js';
import { ArrayRecordSource, type ReplayRecordSource } from '../feeds/replay/replay-record-source.js';
import { openReplayFile, type ReplayScan } from '../feeds/replay/replay-source.js';
import type { ReplayVenueKit } from '../ports/replay-venue-kit.js';
import { loadedVenues, venueModule } from './venue-registry.js';
import { isUsdQuoted } from './usd-quote.js';

export interface ReplayBuildOptions {
  /** Virtual clock start (--start); default: the first record's receive time. */
  readonly clockStartMs?: number | null;
  /** Virtual run length (--duration): records at or after start + duration are not read. Default: the whole file. */
  readonly durationMs?: number | null;
  /** Bar resolutions built from trades, "1s,1m" style (bar-resolution.ts); "" for none. @default "1m" */
  readonly barResolutions?: string;
  /** @default 'skip' */
  readonly emptyBars?: EmptyIntervalRule;
  /** Instruments whose frames are parsed and books kept for the health report, but not traded (any quote currency). */
  readonly observe?: readonly InstrumentSpec[];
  /** SHA-256 (hex) of the replay's bytes, for the report; null when unknown. @default null */
  readonly sha256?: string | null;
}

export interface ReplayWiring {
  readonly feed: ReplayFeed;
  readonly header: ReplayHeader;
  /** Traded symbols, in the order given. */
  readonly symbols: readonly string[];
  /** Where the virtual clock starts. */
  readonly startMs: number;
  /** For the report's `model.market`. */
  readonly model: JsonValue;
  /** How the report names the replay (`config.replay_file`): base name (or label) and SHA-256. */
  readonly identity: { readonly file: string; readonly sha256: string | null };
  /** Problems that do not stop the replay, each naming the file and line (also in `market_data.warnings`). */
  readonly warnings: readonly string[];
  /** The report's `market_data` section: the feed's health plus what the loop received (`loop`). */
  healthReport(received: MarketEventTally): JsonValue;
}

/** True for a regular file (a missing path is left to the reader's own error). */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Used as the clock start of a file without records and without --start (DESIGN §3 default). */
const EMPTY_REPLAY_START_MS = Date.UTC(2025, 0, 1);

/** A replay decoded whole, in memory (tests, benchmarks): record i is on line i + 2. */
export interface DecodedReplay {
  readonly header: ReplayHeader;
  readonly records: readonly ReplayRecord[];
}

/**
 * Scans `path` (validating every line), then composes the feed, which streams the records. The report names the file
 * by base name and SHA-256 (hashed in chunks, apart from the reader), never by the path: the same recording elsewhere
 * gives the same report bytes. A FIFO or /dev/stdin can be read only once: its hash is null.
 */
export function buildReplayFeed(path: string, instruments: readonly InstrumentSpec[], options: ReplayBuildOptions = {}): ReplayWiring {
  const regular = isRegularFile(path);
  const identity = regular ? fileIdentity(path, '--feed replay:FILE') : { file: basename(path), sha256: null };
  const source = openReplayFile(path);
  checkReplayVenue(source.scan.header, replayVenueTable(), path);
  return buildReplayFeedFromSource(identity.file, source.scan, source.records(), instruments, { ...options, sha256: identity.sha256 });
}

/** The same from replay text already in memory (tests, benchmarks); `label` names it in the report, the text's SHA-256 identifies it. */
export function buildReplayFeedFromText(label: string, text: string, instruments: readonly InstrumentSpec[], options: ReplayBuildOptions = {}): ReplayWiring {
  const decoded = decodeReplay(text);
  checkReplayVenue(decoded.header, replayVenueTable());
  return buildReplayFeedFromDecoded(label, decoded, instruments, { sha256: createHash('sha256').update(text, 'utf8').digest('hex'), ...options });
}

/** The same from records already decoded (benchmarks); `label` names the replay in the report. */
export function buildReplayFeedFromDecoded(label: string, replay: DecodedReplay, instruments: readonly InstrumentSpec[], options: ReplayBuildOptions): ReplayWiring {
  const { header, records } = replay;
  const scan: ReplayScan = { header, records: records.length, firstRecordMs: records[0]?.t ?? null, lastRecordMs: records[records.length - 1]?.t ?? null, warnings: [] };
  return buildReplayFeedFromSource(label, scan, new ArrayRecordSource(records), instruments, options);
}

/** Picks the specs of `symbols` from `available` (a venue catalog or an --instruments file), refusing unknown symbols. */
export function replayInstrumentSpecs(available: readonly InstrumentSpec[], symbols: readonly string[]): InstrumentSpec[] {
  return symbols.map((symbol) => {
    const spec = available.find((s) => s.symbol === symbol);
    if (spec === undefined) {
      throw new UsageError(`replay symbol '${symbol}' has no instrument spec: expected one of ${available.map((s) => s.symbol).join(', ')}`);
    }
    return spec;
  });
}

/** A message when the recorded venue/market cannot be run as `exchange`/`category`, else null. */
export function replayVenueMismatch(header: ReplayHeader, exchange: string, category: string | null): string | null {
  if (header.venue !== exchange) return `the replay was recorded on ${header.venue} ${header.market}, not on ${exchange}`;
  if (category !== null && header.market !== category) return `the replay was recorded on ${header.venue} ${header.market}, not ${category}`;
  return null;
}

/** Composes the feed over `records` described by `scan` (header, count, time range, warnings); `label` names the replay in the report. */
export function buildReplayFeedFromSource(label: string, scan: ReplayScan, records: ReplayRecordSource, instruments: readonly InstrumentSpec[], options: ReplayBuildOptions): ReplayWiring {
  const { header, firstRecordMs, lastRecordMs, warnings } = scan;
  const symbols = instruments.map((i) => i.symbol);
  for (const spec of instruments) {
    if (!isUsdQuoted(spec.quoteAsset)) {
      throw new UsageError(`replay symbol '${spec.symbol}' is quoted in ${spec.quoteAsset}: a run trades USDT- or USDC-quoted instruments only (money is counted in USD); observe it instead`);
    }
  }
  const observed = (options.observe ?? []).filter((s) => !symbols.includes(s.symbol));
  const grids = buildSymbolGridLookup([...instruments, ...observed]);
  const normalized = isNormalizedReplay(header) ? normalizedReplayKit(grids) : null;
  const kit = normalized?.kit ?? replayVenueKit(header, grids);
  const resolutionText = options.barResolutions ?? '1m';
  const resolutionsMs = resolutionText === '' ? [] : parseResolutionList(resolutionText);
  const emptyBars = options.emptyBars ?? 'skip';
  const startMs = options.clockStartMs ?? firstRecordMs ?? EMPTY_REPLAY_START_MS;
  const endMs = options.durationMs === undefined || options.durationMs === null ? null : startMs + options.durationMs;
  const feed = new ReplayFeed({ label, header, records, firstRecordMs, lastRecordMs, kit, ...(normalized === null ? {} : { normalized: normalized.mapper }), tradedSymbols: symbols, barResolutionsMs: resolutionsMs, emptyBars, startMs, endMs });

  const model: JsonValue = {
    kind: 'replay',
    file: label,
    sha256: options.sha256 ?? null,
    venue: header.venue,
    market: header.market,
    url: header.url ?? null,
    source: header.source ?? null,
    records: scan.records,
    first_record_utc: firstRecordMs === null ? null : isoUtc(firstRecordMs),
    last_record_utc: lastRecordMs === null ? null : isoUtc(lastRecordMs),
    start_utc: isoUtc(startMs),
    end_utc: endMs === null ? null : isoUtc(endMs),
    traded_symbols: [...symbols],
    observed_symbols: observed.map((s) => s.symbol),
    event_time:
      "every event a record produces is delivered at the record's receive time t (ms) on the virtual clock, whatever venue time the frame carries; records before the start warm books up and deliver nothing",
    top_of_book:
      'per symbol, once a depth snapshot or delta has been read the synced book is the only quote source: a quote is published whenever its best bid or ask (price or size) changes; stream quotes (bookTicker, tickers) are delivered only for symbols without book events so far',
    book_sync: kit.bookSyncRule,
    gaps: 'a replay cannot resubscribe or fetch: after a gap, a too-old snapshot or a crossed book the symbol publishes no quote until a later snapshot in the file resyncs its book',
    bars: {
      resolutions: resolutionsMs.map(formatResolution),
      empty_intervals: emptyBars,
      rule: 'bars built from the traded symbols\' trades on the receive-time clock, aligned to epoch boundaries, delivered at their end boundary; late trades dropped; bars open at the end are not delivered; venue klines are delivered as received (source venue)',
    },
  };

  return {
    feed,
    header,
    symbols,
    startMs,
    model,
    identity: { file: label, sha256: options.sha256 ?? null },
    warnings,
    healthReport(received: MarketEventTally): JsonValue {
      // `warnings` only when there are any: reports of clean files keep their exact bytes.
      return { ...(feed.health() as Record<string, JsonValue>), loop: received.toJson(), ...(warnings.length === 0 ? {} : { warnings: [...warnings] }) };
    },
  };
}

/** The loaded venues with a replay kit, by name (sorted), and the markets a header may name for each. */
export function replayVenueTable(): ReplayVenueTable {
  const venues = loadedVenues().filter((v) => v.replay !== undefined);
  return new Map([...venues].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((v) => [v.name, v.replay!.markets]));
}

/** The recorded venue's parser, book sync and REST decoding (the header names a loaded venue with a replay kit). */
export function replayVenueKit(header: ReplayHeader, grids: SymbolGridLookup): ReplayVenueKit {
  const replay = venueModule(header.venue).replay;
  if (replay === undefined) throw new UsageError(`venue '${header.venue}' has no replay kit`);
  return replay.kit(header, grids);
}
