// Validates the `record` command's raw flag values into RecordConfig; every rejection names the flag, the value and what is allowed.
import { invalidRecordTopic } from '../app/compose-record.js';
import { validateRestUrl } from '../app/live-venue.js';
import { VENUE_FAMILIES, venueNamesWhere } from '../app/venue-registry.js';
import { orList } from '../core/text/or-list.js';
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import type { ReplayMarket, ReplayVenue } from '../feeds/replay/replay-format.js';
import { validateWsUrl } from '../feeds/ws/validate-ws-url.js';
import { refuseRestUrl, urlOption } from '../app/config/live-feed-options.js';
import { durationOption } from '../app/config/text-options.js';
import { chooseVenue, refuseForeignMarketFlags } from '../app/config/venue-choice.js';

export interface RawRecordOptions {
  readonly exchange?: string;
  readonly market?: string;
  readonly category?: string;
  readonly symbols?: string;
  readonly streams?: string;
  readonly duration?: string;
  readonly out?: string;
  readonly wsUrl?: string;
  readonly restUrl?: string;
  readonly instruments?: string;
}

export interface RecordConfig {
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  /** Upper-case venue symbols, in the order given. */
  readonly symbols: readonly string[];
  /** Stream kinds per symbol ("depth@100ms", "orderbook.50"). */
  readonly streams: readonly string[];
  /** Wall-clock length, ms; null: until Ctrl-C. */
  readonly durationMs: number | null;
  readonly out: string;
  readonly wsUrl: string | null;
  readonly restUrl: string | null;
}

const SYMBOL = /^[A-Z0-9][A-Z0-9-]*$/;

function list(flag: string, raw: string, what: string): string[] {
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`${flag} '${raw}' is not allowed: expected a comma-separated list of ${what}`);
  const duplicate = items.find((s, i) => items.indexOf(s) !== i);
  if (duplicate !== undefined) throw new UsageError(`${flag} '${raw}' names ${duplicate} twice: list each once`);
  return items;
}

/** `record` on a venue whose client library streams normalized records (VenueModule.streams): what to open. */
export interface StreamRecordConfig {
  readonly venue: string;
  readonly market: string;
  /** The venue's own symbols, as given (ccxt's unified "BTC/USDT"). */
  readonly symbols: readonly string[];
  readonly kinds: readonly string[];
  readonly durationMs: number | null;
  readonly out: string;
  readonly wsUrl: string | null;
  readonly instruments: string | null;
}

const recordable = (v: { readonly live: unknown; readonly replay: unknown; readonly streams?: unknown }): boolean => (v.live !== undefined || v.streams !== undefined) && v.replay !== undefined;

/** The options of a `record` on a streams venue (--rest-url does not apply; --instruments gives the saved markets). */
export function parseStreamRecordOptions(raw: RawRecordOptions): StreamRecordConfig | null {
  const venue = chooseVenue(raw.exchange, '', recordable, `${orList([...venueNamesWhere(recordable, 'name'), ...VENUE_FAMILIES.map((f) => f.choice)])} (record reads a real venue's public streams)`);
  const streams = venue.streams;
  if (streams === undefined) {
    if (raw.instruments !== undefined) throw new UsageError(`--instruments does not apply to record --exchange ${venue.name}: it records the venue's raw frames (--instruments is for ${orList(VENUE_FAMILIES.map((f) => f.choice))})`);
    return null;
  }
  refuseForeignMarketFlags(venue, raw);
  if (raw.restUrl !== undefined) throw new UsageError(`--rest-url does not apply to record --exchange ${venue.name}: its client library fetches what it needs (--instruments FILE keeps it offline)`);
  const market = (raw.market ?? venue.markets.default).trim().toLowerCase();
  if (!venue.markets.names.includes(market)) throw new UsageError(`--market '${market}' is not allowed: expected ${venue.markets.names.join(' or ')}`);
  if (raw.symbols === undefined) throw new UsageError('--symbols is required: the symbols to record, e.g. BTC/USDT or BTCUSDT');
  const symbols = list('--symbols', raw.symbols, 'symbols').map((s) => s.toUpperCase());
  const kinds = raw.streams === undefined ? [...streams.defaultKinds] : list('--streams', raw.streams, 'stream kinds');
  const unknown = kinds.find((k) => !streams.kinds.includes(k));
  if (unknown !== undefined) throw new UsageError(`--streams '${raw.streams ?? ''}' is not allowed: '${unknown}' is not a ${venue.name} stream (expected ${streams.kinds.join(', ')})`);
  if (raw.out === undefined) throw new UsageError('--out is required: the replay file to write');
  return {
    venue: venue.name,
    market,
    symbols,
    kinds,
    durationMs: durationOption(raw.duration),
    out: raw.out,
    wsUrl: urlOption('--ws-url', raw.wsUrl, validateWsUrl),
    instruments: raw.instruments ?? null,
  };
}

export function parseRecordOptions(raw: RawRecordOptions): RecordConfig {
  const venue = chooseVenue(raw.exchange, '', recordable, `${orList(venueNamesWhere(recordable, 'name'))} (record reads a real venue's public streams)`);
  const live = venue.live!;
  refuseForeignMarketFlags(venue, raw);
  if (raw.restUrl !== undefined) refuseRestUrl(venue, live.restUrlRefusal);
  const flag = venue.markets.flag;
  const marketRaw = (flag === null ? venue.markets.default : ((flag === '--category' ? raw.category : raw.market) ?? venue.markets.default)).trim().toLowerCase();
  if (!venue.markets.names.includes(marketRaw)) throw new UsageError(`${flag} '${marketRaw}' is not allowed: expected ${venue.markets.names.join(' or ')}`);
  const market: ReplayMarket = marketRaw;
  const exchange = venue.name;
  if (raw.symbols === undefined) throw new UsageError('--symbols is required: the symbols to record, e.g. BTCUSDT,ETHUSDT');
  const symbols = list('--symbols', raw.symbols, 'symbols').map((s) => s.toUpperCase());
  const badSymbol = symbols.find((s) => !SYMBOL.test(s));
  if (badSymbol !== undefined) throw new UsageError(`--symbols '${raw.symbols}' is not allowed: '${badSymbol}' is not a venue symbol (letters and digits, e.g. BTCUSDT)`);
  const streams = raw.streams === undefined ? [...live.defaultStreams] : list('--streams', raw.streams, 'stream kinds');
  if (raw.out === undefined) throw new UsageError('--out is required: the replay file to write');
  const config: RecordConfig = {
    venue: exchange,
    market,
    symbols,
    streams,
    durationMs: durationOption(raw.duration),
    out: raw.out,
    wsUrl: urlOption('--ws-url', raw.wsUrl, validateWsUrl),
    restUrl: urlOption('--rest-url', raw.restUrl, validateRestUrl),
  };
  let invalid: string | null;
  try {
    invalid = invalidRecordTopic(config);
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(error.message);
    throw error;
  }
  if (invalid !== null) {
    const kinds = live.defaultStreams.join(',');
    throw new UsageError(`--streams '${streams.join(',')}' is not allowed: ${invalid}; stream kinds are per symbol, e.g. ${kinds}`);
  }
  return config;
}
