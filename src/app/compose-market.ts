// The market a run trades against: the seeded synthetic walk, a replay file (--feed replay:FILE) or a venue's live public feed (--feed live), with its model and health for the report.
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import { parseDecimal, toUnits } from '../core/money/decimal.js';
import { priceToTicks, type Instrument } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { MarketEventTally } from '../engine/market-event-tally.js';
import { SyntheticFeed } from '../feeds/synthetic/synthetic-feed.js';
import { MidBarFeed } from '../feeds/synthetic/mid-bar-feed.js';
import { formatResolution } from '../core/market/bar-resolution.js';
import type { MarketDataFeed } from '../ports/market-data-feed.js';
import type { Rng } from '../ports/rng.js';
import type { LiveBuildPorts } from './compose-live.js';
import type { ReplayBuildOptions, ReplayWiring } from './compose-replay.js';
import { feedModule } from './feed-modules.js';
import type { LiveFeedConfig, SyntheticFeedConfig } from './config/feed-config.js';
import type { RunConfig } from './config/run-config.js';
import { chosenMarket } from './config/venue-config.js';
import { noLiveFeedError } from './no-live-feed.js';
import { runVenue } from './run-venue.js';

export interface ComposedMarket {
  readonly feed: MarketDataFeed;
  /** Where the virtual clock starts. */
  readonly startMs: number;
  /** The report's `model.market`. */
  readonly model: JsonValue;
  /** A replay's `config.replay_file`: base name and SHA-256, in place of the path given. */
  readonly replayFile?: JsonValue;
  /** Problems of the input that do not stop the run (replay: cut last line, no records); also in `market_data.warnings`. */
  readonly warnings: readonly string[];
  /** The report's `market_data` section (replay and live feeds: the feed's health and what the loop received). */
  marketData(received: MarketEventTally): JsonValue | undefined;
}

/** A USD amount in the instrument's quote units (QUOTE_E8 at the default scale). */
function usdUnits(usd: string, what: string, instrument: Instrument): number {
  return toUnits(parseDecimal(usd, what), instrument.quoteUnit, what);
}

/** `livePorts`: the live feed's clock, timers and library hooks a test replaces (--feed live only). */
export function composeMarket(config: RunConfig, instruments: readonly Instrument[], rng: Rng, livePorts: LiveBuildPorts = {}): ComposedMarket {
  const feed = config.feed;
  switch (feed.kind) {
    case 'live':
      return liveMarket(config, feed, instruments, rng, livePorts);
    case 'replay':
      return replayMarket(config, feed.file, instruments);
    case 'import':
      return importMarket(config, feed.source, feed.pattern, instruments);
    case 'synthetic':
      return syntheticMarket(config, feed, instruments, rng);
  }
}

function liveMarket(config: RunConfig, live: LiveFeedConfig, instruments: readonly Instrument[], rng: Rng, ports: LiveBuildPorts): ComposedMarket {
  const { module, market } = runVenue(config);
  if (module.live === undefined && module.streams === undefined) throw noLiveFeedError(module);
  const wiring = feedModule('live').buildLiveFeed(
    { venue: module.name, market, wsUrl: live.wsUrl, restUrl: live.restUrl, connections: live.connections, instrumentsFile: config.venue.instrumentsFile, ...barsSetting(config) },
    instruments.map((i) => i.spec),
    rng,
    ports,
  );
  return { feed: wiring.feed, startMs: wiring.startMs, model: wiring.model, warnings: [], marketData: (received) => wiring.healthReport(received) };
}

function replayMarket(config: RunConfig, path: string, instruments: readonly Instrument[]): ComposedMarket {
  const { buildReplayFeed, replayVenueMismatch } = feedModule('replay');
  const replay = buildReplayFeed(path, instruments.map((i) => i.spec), replayBuildOptions(config));
  const mismatch = replayVenueMismatch(replay.header, config.venue.name, chosenMarket(config.venue));
  if (mismatch !== null) throw new UsageError(`--feed replay:${path}: ${mismatch}`);
  return replayedMarket(replay);
}

function importMarket(config: RunConfig, source: string, pattern: string, instruments: readonly Instrument[]): ComposedMarket {
  const market = chosenMarket(config.venue);
  const replay = feedModule('import').buildImportFeed(source, pattern, market, instruments.map((i) => i.spec), replayBuildOptions(config));
  const mismatch = feedModule('replay').replayVenueMismatch(replay.header, config.venue.name, market);
  if (mismatch !== null) throw new UsageError(`--feed ${source}:${pattern}: ${mismatch.replace('the replay was recorded', 'the files are data')}`);
  return replayedMarket(replay);
}

/** A replay's or an import's build options: the clock start given (--start), the duration and the bar resolutions. */
function replayBuildOptions(config: RunConfig): ReplayBuildOptions {
  return { clockStartMs: config.startGiven ? Date.parse(config.start) : null, durationMs: config.durationMs, barResolutions: barsSetting(config).barResolutions ?? '1m' };
}

/** A replayed feed (a replay file or imported files) as the run's market: its model, file identity, warnings and health. */
function replayedMarket(replay: ReplayWiring): ComposedMarket {
  return {
    feed: replay.feed,
    startMs: replay.startMs,
    model: replay.model,
    replayFile: { file: replay.identity.file, sha256: replay.identity.sha256 },
    warnings: replay.warnings,
    marketData: (received) => replay.healthReport(received),
  };
}

function syntheticMarket(config: RunConfig, synthetic: SyntheticFeedConfig, instruments: readonly Instrument[], rng: Rng): ComposedMarket {
  const startMs = Date.parse(config.start);
  const marketSpec = instruments.map((instrument, i) => {
    const defaults = config.venue.instruments[i]!;
    const startText = synthetic.startPrices[instrument.symbol];
    const volatilityText = synthetic.volatilityBps[instrument.symbol];
    if (startText === undefined || volatilityText === undefined) throw new ShadowExecError('E_INVARIANT', `invariant violated: no synthetic market settings for ${instrument.symbol}`);
    const startPrice = parseDecimal(startText, `--start-prices ${instrument.symbol}`);
    const startTicks = priceToTicks(instrument, startPrice);
    const volatility = parseDecimal(volatilityText, `--volatility-bps ${instrument.symbol}`);
    const spreadTicks = defaults.spreadTicks;
    return {
      instrument,
      spreadTicks,
      walk: {
        symbol: instrument.symbol,
        startBidTicks: Math.max(1, startTicks - Math.floor(spreadTicks / 2)),
        spreadTicks,
        sigmaTicks: startPrice.times(volatility).div(10_000).div(instrument.tickSize).toNumber(),
        maxLevelLots: Math.max(1, Math.floor(usdUnits('200000', 'level size', instrument) / (startTicks * instrument.atomE8))),
      },
    };
  });
  const walks = new SyntheticFeed(
    { walks: marketSpec.map((m) => m.walk), startMs, intervalMs: config.intervalMs, iterations: config.iterations, durationMs: config.durationMs },
    rng.fork('market'),
  );
  // --bars: bars of the mids (the synthetic market prints no trades); without it the feed is untouched (reports keep their bytes).
  const feed = config.barsMs === null ? walks : new MidBarFeed(walks, config.barsMs);
  const model: JsonValue = {
    kind: 'synthetic',
    ...(config.barsMs === null ? {} : { bars: { resolutions: config.barsMs.map(formatResolution), rule: 'bars of each symbol\'s mid (floor((bid + ask) / 2)) aligned to epoch boundaries: open the first mid of the interval, close the last, high/low the extremes, volume 0 (the synthetic market prints no trades); delivered before the quote that completed them; a bar open at the end is not delivered' } }),
    interval_ms: config.intervalMs,
    generator:
      'per symbol a seeded random walk of the best bid in whole ticks: step = round(N(0,1) × σ), σ = volatility_bps of the start price; N(0,1) approximated by Irwin–Hall of 4 uniforms; ask = bid + spread_ticks',
    symbols: Object.fromEntries(
      marketSpec.map((m) => [
        m.instrument.symbol,
        {
          start_price: synthetic.startPrices[m.instrument.symbol]!,
          volatility_bps: synthetic.volatilityBps[m.instrument.symbol]!,
          spread_ticks: m.spreadTicks,
          tick_size: m.instrument.spec.tickSize,
          lot_size: m.instrument.spec.lotSize,
          min_qty: m.instrument.spec.minQty,
          min_notional: m.instrument.spec.minNotional,
        },
      ]),
    ),
  };
  return { feed, startMs, model, warnings: [], marketData: () => undefined };
}

/** --bars as the replay and live feeds take it ("1m,5m"); absent: their default (1m). */
function barsSetting(config: RunConfig): { barResolutions?: string } {
  return config.barsMs === null ? {} : { barResolutions: config.barsMs.map(formatResolution).join(',') };
}
