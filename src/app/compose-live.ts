// Composition of a live feed (`--feed live`): the venue's public endpoint, streams and parser, the shared frame pipeline, and the live model and health for the report; or, on a venue whose client library streams normalized records, those streams through the normalized replay path.
import { UsageError } from '../core/errors/shadow-exec-error.js';
import { formatResolution, parseResolutionList } from '../core/market/bar-resolution.js';
import { buildSymbolGridLookup } from '../core/market/symbol-grid.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { MarketEventTally } from '../engine/market-event-tally.js';
import { SystemClock } from '../engine/system-clock.js';
import type { HttpGet } from '../feeds/live/depth-snapshot-fetcher.js';
import { LiveFeed, type LiveWsTuning } from '../feeds/live/live-feed.js';
import type { LiveMarketFeed } from '../feeds/live/live-market-feed.js';
import { StreamLiveFeed } from '../feeds/live/stream-live-feed.js';
import { normalizedReplayKit } from '../feeds/replay/normalized-replay-kit.js';
import type { VenueStreams } from '../venues/venue-module.js';
import { readMarketsFile } from './stream-recorder.js';
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayMarket, type ReplayVenue } from '../feeds/replay/replay-format.js';
import { venueModule } from './venue-registry.js';
import { SystemTimers } from '../feeds/ws/system-timers.js';
import type { Timers } from '../ports/timers.js';
import type { Clock } from '../ports/clock.js';
import type { Rng } from '../ports/rng.js';
import { replayVenueKit } from './compose-replay.js';
import { liveEndpoint, liveProtocol, liveTopics, venueLive } from './live-venue.js';
import { isUsdQuoted } from './usd-quote.js';

export interface LiveBuildSettings {
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  /** --ws-url, --rest-url; null: the venue's public endpoints. */
  readonly wsUrl: string | null;
  readonly restUrl: string | null;
  /** --ws-connections. */
  readonly connections: number;
  /** Bar resolutions built from trades ("1m"). @default "1m" */
  readonly barResolutions?: string;
  /** --instruments FILE: the saved markets a streams venue's library needs before it subscribes; null: none given. @default null */
  readonly instrumentsFile?: string | null;
}

/** Ports a test may replace. */
export interface LiveBuildPorts {
  readonly clock?: Clock;
  readonly timers?: Timers;
  readonly get?: HttpGet;
  readonly ws?: LiveWsTuning;
  /** A streams venue's library hooks (ccxt: `fetch` answering its REST calls in-process). */
  readonly streamHooks?: Readonly<Record<string, unknown>>;
}

export interface LiveWiring {
  readonly feed: LiveMarketFeed;
  /** Where the run's clock starts: the system clock at composition. */
  readonly startMs: number;
  /** The report's `model.market`. */
  readonly model: JsonValue;
  /** The report's `market_data`: the feed's health (pipeline, books, WebSocket, snapshots) and what the loop received. */
  healthReport(received: MarketEventTally): JsonValue;
}

export function buildLiveFeed(settings: LiveBuildSettings, instruments: readonly InstrumentSpec[], rng: Rng, ports: LiveBuildPorts = {}): LiveWiring {
  for (const spec of instruments) {
    if (!isUsdQuoted(spec.quoteAsset)) throw new UsageError(`live symbol '${spec.symbol}' is quoted in ${spec.quoteAsset}: a run trades USDT- or USDC-quoted instruments only (money is counted in USD)`);
  }
  const { venue, market } = settings;
  const module = venueModule(venue);
  if (module.live === undefined && module.streams !== undefined) return buildStreamLiveFeed(settings, module.streams, instruments, ports);
  const live = venueLive(module);
  const symbols = instruments.map((i) => i.symbol);
  const endpoint = liveEndpoint(module, market, settings.wsUrl, settings.restUrl);
  const protocol = liveProtocol(module, endpoint);
  const topics = liveTopics(module, symbols);
  const kit = replayVenueKit({ format: REPLAY_FORMAT, version: REPLAY_VERSION, venue, market, url: endpoint.wsUrl }, buildSymbolGridLookup(instruments));
  const clock = ports.clock ?? new SystemClock();
  const timers = ports.timers ?? new SystemTimers();
  const resolutionText = settings.barResolutions ?? '1m';
  const resolutionsMs = resolutionText === '' ? [] : parseResolutionList(resolutionText);
  const restUrl = endpoint.restUrl;
  const feed = new LiveFeed({
    venue,
    market,
    protocol,
    topics,
    kit,
    tradedSymbols: symbols,
    barResolutionsMs: resolutionsMs,
    connections: settings.connections,
    timers,
    clock,
    rng: rng.fork('ws'),
    snapshots:
      restUrl === null || live.snapshots === undefined
        ? null
        : { restUrl, requestLine: (symbol) => live.snapshots!.requestLine(market, symbol), ...(ports.get === undefined ? {} : { get: ports.get }) },
    ...(live.bookTopic === undefined ? {} : { bookTopic: (symbol: string) => live.bookTopic!(symbol) }),
    ...(ports.ws === undefined ? {} : { ws: ports.ws }),
  });
  const startMs = clock.now();
  const model: JsonValue = {
    kind: 'live',
    venue,
    market,
    url: endpoint.wsUrl,
    rest_url: restUrl,
    topics: [...topics],
    connections: settings.connections,
    traded_symbols: [...symbols],
    clock: 'system: wall-clock ms since the epoch, held when the system clock steps back',
    event_time:
      'every event a frame (or REST snapshot) produces is delivered at its receive time on the system clock, whatever venue time it carries; market events are handled as they arrive, order latency and other scheduled events when the wall clock reaches their time',
    top_of_book:
      'per symbol, once a depth snapshot or delta has been read the synced book is the only quote source: a quote is published whenever its best bid or ask (price or size) changes; stream quotes (bookTicker, tickers) are delivered only for symbols without book events so far',
    book_sync: kit.bookSyncRule,
    gaps: live.gapsRule,
    redundancy: 'every connection subscribes every topic; frames with a venue sequence id are delivered once, from whichever connection got them first',
    bars: {
      resolutions: resolutionsMs.map(formatResolution),
      empty_intervals: 'skip',
      rule: "bars built from the traded symbols' trades on the receive-time clock, aligned to epoch boundaries, delivered at their end boundary (with the next frame at or after it); late trades dropped; bars open at the end are not delivered; venue klines are delivered as received (source venue)",
    },
  };
  return liveWiring(feed, startMs, model);
}

/**
 * The live feed of a venue whose client library streams its public data (VenueModule.streams): the library's default
 * kinds per symbol, opened when the session opens the feed, each record through the normalized replay path.
 */
function buildStreamLiveFeed(settings: LiveBuildSettings, streams: VenueStreams, instruments: readonly InstrumentSpec[], ports: LiveBuildPorts): LiveWiring {
  const { venue, market } = settings;
  const symbols = instruments.map((i) => i.symbol);
  const kinds = [...streams.defaultKinds];
  const clock = ports.clock ?? new SystemClock();
  const timers = ports.timers ?? new SystemTimers();
  const resolutionText = settings.barResolutions ?? '1m';
  const resolutionsMs = resolutionText === '' ? [] : parseResolutionList(resolutionText);
  const kit = normalizedReplayKit(buildSymbolGridLookup(instruments));
  const markets = readMarketsFile(settings.instrumentsFile ?? null);
  const url = settings.wsUrl ?? streams.defaultUrl;
  const feed = new StreamLiveFeed({
    venue,
    market,
    url,
    kinds,
    kit,
    tradedSymbols: symbols,
    barResolutionsMs: resolutionsMs,
    clock,
    timers,
    open: (log) =>
      streams.open({ market, symbols, kinds, wsUrl: settings.wsUrl, markets, clock, log, ...(ports.streamHooks === undefined ? {} : { hooks: ports.streamHooks }) }),
  });
  const startMs = clock.now();
  const model: JsonValue = {
    kind: 'live',
    venue,
    market,
    url,
    streams: kinds,
    traded_symbols: [...symbols],
    clock: 'system: wall-clock ms since the epoch, held when the system clock steps back',
    event_time:
      "every record the streams hand over is delivered at its receive time (local_us, ms on the system clock), whatever venue time it carries; market events are handled as they arrive, order latency and other scheduled events when the wall clock reaches their time",
    path: 'the normalized records of a recording of these streams (record): the same mapper, book sync, top of book and bars as --feed replay: of that recording',
    top_of_book:
      'per symbol, once a book record has been read the synced book is the only quote source: a quote is published whenever its best bid or ask (price or size) changes; ticker quotes are delivered only for symbols without book records so far',
    book_sync: kit.kit.bookSyncRule,
    books: streams.liveRules.books,
    reconnects: streams.liveRules.reconnects,
    bars: {
      resolutions: resolutionsMs.map(formatResolution),
      empty_intervals: 'skip',
      rule: "bars built from the traded symbols' trades on the receive-time clock, aligned to epoch boundaries, delivered at their end boundary (with the next record at or after it); late trades dropped; bars open at the end are not delivered",
    },
  };
  return liveWiring(feed, startMs, model);
}

/** The wiring of `feed`: its health in the report gains the loop's tally of the events it received. */
function liveWiring(feed: LiveMarketFeed, startMs: number, model: JsonValue): LiveWiring {
  return {
    feed,
    startMs,
    model,
    healthReport(received: MarketEventTally): JsonValue {
      return { ...(feed.health() as Record<string, JsonValue>), loop: received.toJson() };
    },
  };
}
