// A ccxt market (loadMarkets() output) as a shadow-exec instrument: tick and lot from `precision`, filters from `limits`, fees, contract size and linear/inverse, every value exact or reported.
//
// Quantities are simulated in base units: a contract market's lot is precision.amount × contractSize (ccxt amounts are
// contracts there), so notional is price × quantity as for every venue. Limits that are not on the grid are never
// rounded silently: the minimum is raised, the maximum lowered to the nearest grid value (so every order they admit is one
// the venue admits), and each such value is listed in the instrument's `off_grid` in the report.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import { instrumentQuoteScale, QUOTE_E8, type InstrumentSpec } from '../../core/model/instrument.js';
import { withMarketDefaults, type InstrumentCatalog, type VenueInstrument } from '../shared/venue-instrument.js';
import type { CcxtMarketsFile } from './ccxt-markets-file.js';
import { isOfType } from './ccxt-market-type.js';
import { ccxtDecimal } from './ccxt-number.js';
import { precisionStep } from './ccxt-precision.js';

/** The ccxt market's own record beside the spec: read by the ccxt rules and the report. */
export interface CcxtInstrumentDetails {
  readonly id: string;
  readonly type: string;
  /** 'linear' for spot and linear contracts; inverse markets are refused. */
  readonly settlement: 'spot' | 'linear';
  /** Base units per contract (1 for spot). */
  readonly contractSize: string;
  /** precision.amount as the venue states it (contracts on contract markets). */
  readonly venueLot: string;
  readonly minPrice: string | null;
  readonly maxPrice: string | null;
  readonly maxCost: string | null;
  /** Fee rates as fractions of notional (ccxt's maker/taker), or null when the market has none. */
  readonly maker: string | null;
  readonly taker: string | null;
  /** Limits moved onto the grid ("limits.amount.min 0.000015 → 0.00002"), in the order found. */
  readonly offGrid: readonly string[];
}

/** Quantities without a stated maximum: this many lots (far above any order a quoting loop sends). */
const NO_MAX_LOTS = new Decimal('1e12');
/** The largest stated maximum kept, in lots: quantities are Numbers of lots, exact below 2^53 (OKX spot BTC/USDT states 9999999999 BTC = 1e18 lots of 1e-8). */
const MAX_LOTS = new Decimal('1e15');

function nested(market: Record<string, unknown>, a: string, b: string): unknown {
  const inner = market[a];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[b] : undefined;
}

/** value onto multiples of unit: ceil for minimums, floor for maximums; a moved value is noted. */
function onGrid(value: Decimal, unit: Decimal, direction: 'up' | 'down', what: string, notes: string[]): Decimal {
  const units = value.div(unit);
  if (units.isInteger()) return value;
  const moved = (direction === 'up' ? units.ceil() : units.floor()).times(unit);
  notes.push(`${what} ${value.toFixed()} → ${moved.toFixed()} (off the ${unit.toFixed()} grid)`);
  return moved;
}

/** The instrument of one ccxt market; UsageError naming the market when it cannot be simulated. */
export function ccxtInstrument(file: CcxtMarketsFile, precisionMode: number, market: Record<string, unknown>, provenance: string): VenueInstrument {
  const exchange = file.exchange;
  const symbol = String(market['symbol']);
  const where = `ccxt:${exchange} market ${symbol}`;
  if (market['inverse'] === true) throw new UsageError(`${where} is an inverse contract (settled in ${String(market['settle'])}): shadow-exec's ledger counts money in the quote currency, so only spot and linear markets are simulated`);
  const quote = String(market['quote']);
  const base = String(market['base']);
  const contract = market['contract'] === true;
  const contractSize = contract ? ccxtDecimal(market['contractSize']) : new Decimal(1);
  if (contractSize === null || contractSize.lte(0)) throw new UsageError(`${where} has no positive contractSize`);
  const tick = precisionStep(nested(market, 'precision', 'price'), precisionMode, exchange, symbol, 'price');
  const venueLot = precisionStep(nested(market, 'precision', 'amount'), precisionMode, exchange, symbol, 'amount');
  const lot = venueLot.times(contractSize);
  // A grid finer than 1e-8 of the quote makes the run count notionals in a finer unit (runQuoteScale); finer than 1e-12 is the ledger's limit.
  if (instrumentQuoteScale({ symbol, tickSize: tick.toFixed(), lotSize: lot.toFixed() }) === null) {
    throw new UsageError(`${where}: tick ${tick.toFixed()} × lot ${lot.toFixed()} ${quote} is finer than the ledger's 1e-12 ${quote}: shadow-exec cannot simulate this grid exactly`);
  }
  const notes: string[] = [];
  const limit = (key: 'amount' | 'price' | 'cost', side: 'min' | 'max'): Decimal | null => {
    const limits = market['limits'];
    const group = typeof limits === 'object' && limits !== null ? (limits as Record<string, unknown>)[key] : undefined;
    const d = ccxtDecimal(typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[side] : undefined);
    return d === null || d.lte(0) ? null : d;
  };
  const minAmount = limit('amount', 'min');
  const maxAmount = limit('amount', 'max');
  const minQty = minAmount === null ? lot : Decimal.max(lot, onGrid(minAmount.times(contractSize), lot, 'up', 'limits.amount.min', notes));
  const statedMax = maxAmount === null ? null : onGrid(maxAmount.times(contractSize), lot, 'down', 'limits.amount.max', notes);
  let maxQty = statedMax ?? lot.times(NO_MAX_LOTS);
  if (maxQty.gt(lot.times(MAX_LOTS))) {
    maxQty = lot.times(MAX_LOTS);
    notes.push(`limits.amount.max ${statedMax!.toFixed()} → ${maxQty.toFixed()} (capped at 1e15 lots: quantities are exact below 2^53 lots)`);
  }
  if (maxQty.lt(minQty)) throw new UsageError(`${where}: limits.amount.max is below its minimum order size`);
  const minCost = limit('cost', 'min');
  const minNotional = minCost === null ? new Decimal(0) : onGrid(minCost, QUOTE_E8, 'up', 'limits.cost.min', notes);
  const minPrice = limit('price', 'min');
  const maxPrice = limit('price', 'max');
  const maxCost = limit('cost', 'max');
  const fee = (key: 'maker' | 'taker'): string | null => ccxtDecimal(market[key])?.toFixed() ?? null;
  const spec: InstrumentSpec = {
    symbol,
    baseAsset: base,
    quoteAsset: quote,
    tickSize: tick.toFixed(),
    lotSize: lot.toFixed(),
    minQty: minQty.toFixed(),
    maxQty: maxQty.toFixed(),
    minNotional: minNotional.toFixed(),
  };
  const details: CcxtInstrumentDetails = {
    id: String(market['id']),
    type: String(market['type']),
    settlement: contract ? 'linear' : 'spot',
    contractSize: contractSize.toFixed(),
    venueLot: venueLot.toFixed(),
    minPrice: minPrice?.toFixed() ?? null,
    maxPrice: maxPrice?.toFixed() ?? null,
    maxCost: maxCost?.toFixed() ?? null,
    maker: fee('maker'),
    taker: fee('taker'),
    offGrid: notes,
  };
  // Synthetic-market defaults (start price, σ) of the built-in instrument named base+quote ("BTCUSDT"), when there is one.
  const defaults = withMarketDefaults({ spec: { ...spec, symbol: `${base}${quote}` }, takenAt: file.takenAt }, provenance, details);
  return { ...defaults, spec };
}

/** The catalog of `type` markets in a markets file; instruments are built when a run asks for them (one bad market refuses only itself). */
export function ccxtCatalog(file: CcxtMarketsFile, precisionMode: number, type: string, provenance: string): InstrumentCatalog {
  const markets = Object.values(file.markets).filter((m) => isOfType(m, type));
  const symbols = markets.map((m) => String(m['symbol'])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const bySymbol = new Map(markets.map((m) => [String(m['symbol']), m]));
  const built = new Map<string, VenueInstrument>();
  return {
    description: `the ccxt:${file.exchange} ${type} markets of ${provenance}`,
    symbols,
    find(symbol) {
      const cached = built.get(symbol);
      if (cached !== undefined) return cached;
      const market = bySymbol.get(symbol);
      if (market === undefined) return undefined;
      const instrument = ccxtInstrument(file, precisionMode, market, provenance);
      built.set(symbol, instrument);
      return instrument;
    },
  };
}

/** Default fees in bps (decimal strings) from the instruments' maker/taker fractions; null when they are missing or differ. */
export function ccxtInstrumentFees(instruments: readonly VenueInstrument[]): { makerBps: string; takerBps: string } | null {
  const rates = instruments.map((i) => i.details as CcxtInstrumentDetails);
  const first = rates[0];
  if (first === undefined || first.maker === null || first.taker === null) return null;
  if (rates.some((r) => r.maker !== first.maker || r.taker !== first.taker)) return null;
  return { makerBps: new Decimal(first.maker).times(10000).toFixed(), takerBps: new Decimal(first.taker).times(10000).toFixed() };
}
