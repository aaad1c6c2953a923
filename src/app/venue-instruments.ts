// The instruments a run trades, resolved from the chosen venue's catalog (built-in, bundled or --instruments FILE), with synthetic-market defaults.
import { basename } from 'node:path';
import { UsageError } from '../core/errors/shadow-exec-error.js';
import { Decimal } from '../core/money/decimal.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import { findFakeInstrument, FAKE_INSTRUMENTS } from '../venues/fake/fake-instruments.js';
import type { BybitCategory } from '../venues/bybit/bybit-category.js';
import type { BybitInstrument } from '../venues/bybit/bybit-instruments.js';
import type { BinanceInstrument } from '../venues/binance/binance-instruments.js';
import type { BinanceMarket } from '../venues/binance/binance-market.js';
import { binanceModules, bybitModules } from './venue-modules.js';

export interface VenueInstrument {
  readonly spec: InstrumentSpec;
  /** Where the numbers come from, and the date they were taken when known. */
  readonly provenance: string;
  readonly takenAt: string | null;
  /** Bybit's extra limits (price band, post-only maximum); null on other venues. */
  readonly bybit: BybitInstrument | null;
  /** Binance's filters (PRICE_FILTER, LOT_SIZE, NOTIONAL, ICEBERG_PARTS, MAX_NUM_ORDERS); null on other venues. */
  readonly binance: BinanceInstrument | null;
  /** Synthetic-market defaults: start price (null: --start-prices must give one), σ per update in bps, spread in ticks. */
  readonly startPrice: string | null;
  readonly volatilityBps: string;
  readonly spreadTicks: number;
}

export interface InstrumentCatalog {
  readonly description: string;
  readonly symbols: readonly string[];
  find(symbol: string): VenueInstrument | undefined;
}

function catalogOf(description: string, instruments: readonly VenueInstrument[]): InstrumentCatalog {
  const bySymbol = new Map(instruments.map((i) => [i.spec.symbol, i]));
  return { description, symbols: instruments.map((i) => i.spec.symbol), find: (symbol) => bySymbol.get(symbol) };
}

export function fakeCatalog(): InstrumentCatalog {
  return catalogOf(
    'the fake venue',
    FAKE_INSTRUMENTS.map((f) => ({
      spec: f,
      provenance: 'built-in fake instrument',
      takenAt: null,
      bybit: null,
      binance: null,
      startPrice: f.startPrice,
      volatilityBps: f.volatilityBps,
      spreadTicks: f.marketSpreadTicks,
    })),
  );
}

/** Market defaults for a real-venue symbol: the fake venue's start price and σ when it knows the symbol, its spread re-gridded. */
function withMarketDefaults(
  venue: { readonly spec: InstrumentSpec; readonly takenAt: string | null },
  provenance: string,
  extra: { readonly bybit: BybitInstrument | null; readonly binance: BinanceInstrument | null },
): VenueInstrument {
  const fake = findFakeInstrument(venue.spec.symbol);
  const spreadPrice = fake === undefined ? null : new Decimal(fake.tickSize).times(fake.marketSpreadTicks);
  const startPrice = fake === undefined || !new Decimal(fake.startPrice).div(venue.spec.tickSize).isInteger() ? null : fake.startPrice;
  return {
    spec: venue.spec,
    provenance,
    takenAt: venue.takenAt,
    ...extra,
    startPrice,
    volatilityBps: fake?.volatilityBps ?? '1',
    spreadTicks: spreadPrice === null ? 1 : Math.max(1, spreadPrice.div(venue.spec.tickSize).ceil().toNumber()),
  };
}

/** The bundled Bybit instruments of `category`, or those of a saved instruments-info response (`file` already JSON-parsed). */
export function bybitCatalog(category: BybitCategory, file: { readonly path: string; readonly json: unknown } | null): InstrumentCatalog {
  const { BYBIT_BUNDLED_INSTRUMENTS, parseBybitInstrumentsInfo } = bybitModules();
  if (file !== null) {
    const provenance = `--instruments ${basename(file.path)}`;
    const list = parseBybitInstrumentsInfo(file.json, category, file.path).map((b) => withMarketDefaults(b, provenance, { bybit: b, binance: null }));
    return catalogOf(`Bybit ${category} instruments from ${file.path}`, list);
  }
  const list = BYBIT_BUNDLED_INSTRUMENTS[category].flatMap((bundle) =>
    parseBybitInstrumentsInfo(bundle.response, category, 'bundled Bybit instruments').map((b) => withMarketDefaults(b, bundle.provenance, { bybit: b, binance: null })),
  );
  return catalogOf(`Bybit ${category} (bundled)`, list);
}

/** The bundled Binance instruments of `market`, or those of a saved exchangeInfo response (`file` already JSON-parsed). */
export function binanceCatalog(market: BinanceMarket, file: { readonly path: string; readonly json: unknown } | null): InstrumentCatalog {
  const { BINANCE_BUNDLED_INSTRUMENTS, parseBinanceExchangeInfo } = binanceModules();
  const label = market === 'spot' ? 'spot' : 'USD-M';
  if (file !== null) {
    const provenance = `--instruments ${basename(file.path)}`;
    const list = parseBinanceExchangeInfo(file.json, market, file.path).map((b) => withMarketDefaults(b, provenance, { bybit: null, binance: b }));
    return catalogOf(`Binance ${label} instruments from ${file.path}`, list);
  }
  const list = BINANCE_BUNDLED_INSTRUMENTS[market].flatMap((bundle) =>
    parseBinanceExchangeInfo(bundle.response, market, 'bundled Binance instruments').map((b) => withMarketDefaults(b, bundle.provenance, { bybit: null, binance: b })),
  );
  return catalogOf(`Binance ${label} (bundled)`, list);
}

/** Looks up each symbol, or explains which ones the catalog has. */
export function resolveSymbols(catalog: InstrumentCatalog, symbols: readonly string[]): VenueInstrument[] {
  return symbols.map((symbol) => {
    const found = catalog.find(symbol);
    if (found === undefined) {
      throw new UsageError(`--symbols '${symbol}' is not a symbol of ${catalog.description}: expected one or more of ${catalog.symbols.join(', ')}`);
    }
    return found;
  });
}
