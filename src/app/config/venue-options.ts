// The venue options of a run: --exchange, --category/--market, --instruments and the flags only some venues take; resolves the instruments and default fees.
import { readFileSync } from 'node:fs';
import { inputReadError } from '../../core/errors/io-failure.js';
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';
import { BYBIT_CATEGORIES, BYBIT_DEFAULT_FEES, type BybitCategory } from '../../venues/bybit/bybit-category.js';
import { BINANCE_DEFAULT_FEES, BINANCE_MARKETS, type BinanceMarket } from '../../venues/binance/binance-market.js';
import { FAKE_DEFAULT_FEES } from '../../venues/fake/fake-venue-rules.js';
import { binanceCatalog, bybitCatalog, fakeCatalog, resolveSymbols, type InstrumentCatalog, type VenueInstrument } from '../venue-instruments.js';
import { hasVenueApi } from '../venue-modules.js';
import { bad, choiceValue, defaultText, rangeOf } from './option-values.js';
import type { RunInput } from './run-input.js';
import { notOnVenue, venueFlags } from './venue-flag.js';

/** Reads --instruments FILE; replaced in tests. */
export type ReadText = (path: string) => string;
export const readText: ReadText = (path) => readFileSync(path, 'utf8');

export interface ResolvedVenue {
  readonly exchange: 'fake' | 'bybit' | 'binance';
  readonly mode: 'shadow' | 'dryrun';
  readonly category: BybitCategory | null;
  readonly market: BinanceMarket | null;
  readonly symbols: string[];
  readonly instruments: readonly VenueInstrument[];
  /** The venue market's default maker and taker fees, bps. */
  readonly fees: { readonly makerBps: string; readonly takerBps: string };
}

/** The venue's catalog: bundled specs, or a saved instruments response (--instruments FILE) read and checked here. */
function loadCatalog(load: (file: { path: string; json: unknown } | null) => InstrumentCatalog, what: string, path: string | undefined, read: ReadText): InstrumentCatalog {
  if (path === undefined) return load(null);
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw inputReadError('--instruments', path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // jsonSyntaxError names the position only: JSON.parse's message would quote the file (a secrets file given by mistake).
    throw new UsageError(`--instruments '${path}' is ${jsonSyntaxError(text)}: expected a saved ${what} response`);
  }
  try {
    return load({ path, json });
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(`--instruments ${error.message}`);
    throw error;
  }
}

/** The venue, mode and instruments of `input`; a flag that does not apply to the chosen venue is refused. */
export function resolveVenue(input: RunInput, symbolsOf: (raw: string | undefined) => string[], read: ReadText): ResolvedVenue {
  const exchange = (input.exchange ?? defaultText('exchange')).trim().toLowerCase();
  if (exchange !== 'fake' && exchange !== 'bybit' && exchange !== 'binance') throw bad('--exchange', input.exchange ?? '', rangeOf('exchange', 'format').text);
  const mode = (input.mode ?? defaultText('mode')).trim().toLowerCase();
  if (mode !== 'shadow' && mode !== 'dryrun') throw bad('--mode', input.mode ?? '', rangeOf('mode', 'format').text);
  if (exchange === 'fake' && input.instruments !== undefined) throw notOnVenue('--instruments', venueFlags(exchange), 'the fake venue has one built-in catalog (--exchange bybit or binance read a saved one)');
  if (exchange !== 'bybit' && input.category !== undefined) throw notOnVenue('--category', venueFlags(exchange), 'it is a bybit flag (Binance: --market spot|usdm)');
  if (exchange !== 'binance' && input.market !== undefined) throw notOnVenue('--market', venueFlags(exchange), 'it is a binance flag (Bybit: --category linear|spot)');
  if (!hasVenueApi(exchange)) {
    const signing = (['--api-env', '--recv-window'] as const).find((_, i) => [input.apiEnv, input.recvWindow][i] !== undefined);
    if (signing !== undefined) throw notOnVenue(signing, venueFlags(exchange), 'the fake venue signs no requests (--exchange bybit or binance)');
    if (mode === 'dryrun') throw notOnVenue('--mode dryrun', venueFlags(exchange), 'the fake venue has no wire format to render or sign (--exchange bybit or binance)');
  }
  const category: BybitCategory | null = exchange === 'bybit' ? choiceValue('category', input.category, BYBIT_CATEGORIES) : null;
  const market: BinanceMarket | null = exchange === 'binance' ? choiceValue('market', input.market, BINANCE_MARKETS) : null;
  const catalog =
    category !== null
      ? loadCatalog((file) => bybitCatalog(category, file), '/v5/market/instruments-info', input.instruments, read)
      : market !== null
        ? loadCatalog((file) => binanceCatalog(market, file), market === 'spot' ? 'GET /api/v3/exchangeInfo' : 'GET /fapi/v1/exchangeInfo', input.instruments, read)
        : fakeCatalog();
  const symbols = symbolsOf(input.symbols);
  const instruments = resolveSymbols(catalog, symbols);
  const fees = category !== null ? BYBIT_DEFAULT_FEES[category] : market !== null ? BINANCE_DEFAULT_FEES[market] : FAKE_DEFAULT_FEES;
  return { exchange, mode, category, market, symbols, instruments, fees };
}
