// Instrument spec and the exact integer grid it defines: prices in ticks, quantities in lots, money in pico-quote.
import { Decimal, formatUnits, parseDecimal, toUnits } from '../money/decimal.js';
import { ShadowExecError } from '../errors/shadow-exec-error.js';

/** Money unit of the ledger: 1 pico-quote = 1e-12 of the quote currency (USDT). */
export const PICO = new Decimal('1e-12');
/** Notional unit of risk checks: 1e-8 of the quote currency; a Number stays exact below 9e7 USDT. */
export const QUOTE_E8 = new Decimal('1e-8');

/**
 * The run's quote scale S: notionals, risk limits and order sizes are counted in 10^-S of the quote currency, S = 8
 * (QUOTE_E8) unless an instrument's tick × lot is finer (OKX and Kraken spot BTC/USDT: 0.1 × 1e-8 = 1e-9 → 9). The
 * largest S is 12, the ledger's pico unit: a finer grid cannot be simulated exactly. A Number stays exact below
 * 2^53 × 10^-S quote units (9e7 USDT at 8, 9e6 at 9, … 9e3 at 12), so a scale above 8 shrinks the largest limit.
 */
export const DEFAULT_QUOTE_SCALE = 8;
export const MAX_QUOTE_SCALE = 12;

/** 10^-scale as a Decimal (1e-8 at the default scale). */
export function quoteUnit(scale: number): Decimal {
  return scale === DEFAULT_QUOTE_SCALE ? QUOTE_E8 : new Decimal(10).pow(-scale);
}

/** The smallest scale (8..12) at which `spec`'s tick × lot is a whole number of quote units; null when finer than 1e-12. */
export function instrumentQuoteScale(spec: Pick<InstrumentSpec, 'symbol' | 'tickSize' | 'lotSize'>): number | null {
  const atom = parseDecimal(spec.tickSize, `${spec.symbol} tickSize`).times(parseDecimal(spec.lotSize, `${spec.symbol} lotSize`));
  for (let scale = DEFAULT_QUOTE_SCALE; scale <= MAX_QUOTE_SCALE; scale++) if (atom.div(quoteUnit(scale)).isInteger()) return scale;
  return null;
}

/** The run's scale: the largest any instrument needs (DEFAULT_QUOTE_SCALE for none); E_CONFIG naming a grid finer than 1e-12. */
export function runQuoteScale(specs: readonly Pick<InstrumentSpec, 'symbol' | 'tickSize' | 'lotSize'>[]): number {
  let scale = DEFAULT_QUOTE_SCALE;
  for (const spec of specs) {
    const needed = instrumentQuoteScale(spec);
    if (needed === null) throw new ShadowExecError('E_CONFIG', `${spec.symbol}: tick × lot (${new Decimal(spec.tickSize).times(spec.lotSize).toString()}) is finer than 1e-12, the ledger's unit`);
    scale = Math.max(scale, needed);
  }
  return scale;
}

/** Venue-neutral description of an instrument, decimals as strings exactly as a venue publishes them. */
export interface InstrumentSpec {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly tickSize: string;
  readonly lotSize: string;
  readonly minQty: string;
  readonly maxQty: string;
  readonly minNotional: string;
}

/** An instrument with its grid precomputed for the hot path. */
export interface Instrument {
  readonly spec: InstrumentSpec;
  readonly symbol: string;
  readonly tickSize: Decimal;
  readonly lotSize: Decimal;
  /** Minimum and maximum order quantity, in lots. */
  readonly minQtyLots: number;
  readonly maxQtyLots: number;
  /**
   * The run's quote unit 10^-S (QUOTE_E8 unless the run's instruments need a finer one, runQuoteScale): the unit of
   * every "E8" amount below and of the run's risk limits and order sizes. The names keep "E8", the default.
   */
  readonly quoteUnit: Decimal;
  /** Minimum order notional in quote units (QUOTE_E8 at the default scale). */
  readonly minNotionalE8: number;
  /** priceTicks × qtyLots × atomE8 = notional in quote units (integer: tick × lot is a multiple of the unit). */
  readonly atomE8: number;
  /** priceTicks × qtyLots × atomPico = notional in pico-quote (bigint, for the ledger). */
  readonly atomPico: bigint;
}

/**
 * The instrument on the grid of `spec`, its amounts in 10^-quoteScale of the quote currency (the run's runQuoteScale;
 * @default DEFAULT_QUOTE_SCALE). An options object, not a number, so `specs.map(buildInstrument)` cannot pass an index.
 */
export function buildInstrument(spec: InstrumentSpec, options: { readonly quoteScale?: number } = {}): Instrument {
  const quoteScale = options.quoteScale ?? DEFAULT_QUOTE_SCALE;
  const tickSize = parseDecimal(spec.tickSize, `${spec.symbol} tickSize`);
  const lotSize = parseDecimal(spec.lotSize, `${spec.symbol} lotSize`);
  if (tickSize.lte(0) || lotSize.lte(0)) {
    throw new ShadowExecError('E_CONFIG', `${spec.symbol}: tick size and lot size must be positive`);
  }
  if (!Number.isInteger(quoteScale) || quoteScale < DEFAULT_QUOTE_SCALE || quoteScale > MAX_QUOTE_SCALE) {
    throw new ShadowExecError('E_INVARIANT', `invariant violated: quote scale ${quoteScale} is not a whole number from ${DEFAULT_QUOTE_SCALE} to ${MAX_QUOTE_SCALE}`);
  }
  const unit = quoteUnit(quoteScale);
  const atom = tickSize.times(lotSize);
  const atomE8 = atom.div(unit);
  if (!atomE8.isInteger()) {
    throw new ShadowExecError('E_CONFIG', `${spec.symbol}: tick × lot (${atom.toString()}) must be a multiple of ${unit.toExponential()}`);
  }
  return {
    spec,
    symbol: spec.symbol,
    tickSize,
    lotSize,
    quoteUnit: unit,
    minQtyLots: toUnits(parseDecimal(spec.minQty, `${spec.symbol} minQty`), lotSize, `${spec.symbol} minQty`),
    maxQtyLots: toUnits(parseDecimal(spec.maxQty, `${spec.symbol} maxQty`), lotSize, `${spec.symbol} maxQty`),
    minNotionalE8: toUnits(parseDecimal(spec.minNotional, `${spec.symbol} minNotional`), unit, `${spec.symbol} minNotional`),
    atomE8: atomE8.toNumber(),
    atomPico: BigInt(atom.div(PICO).toFixed(0)),
  };
}

export function priceToTicks(instrument: Instrument, price: Decimal): number {
  return toUnits(price, instrument.tickSize, `${instrument.symbol} price`);
}

export function formatPrice(instrument: Instrument, ticks: number): string {
  return formatUnits(ticks, instrument.tickSize);
}

export function formatQty(instrument: Instrument, lots: number): string {
  return formatUnits(lots, instrument.lotSize);
}
