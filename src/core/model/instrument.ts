// Instrument spec and the exact integer grid it defines: prices in ticks, quantities in lots, money in pico-quote.
import { Decimal, formatUnits, parseDecimal, toUnits } from '../money/decimal.js';
import { ShadowExecError } from '../errors/shadow-exec-error.js';

/** Money unit of the ledger: 1 pico-quote = 1e-12 of the quote currency (USDT). */
export const PICO = new Decimal('1e-12');
/** Notional unit of risk checks: 1e-8 of the quote currency; a Number stays exact below 9e7 USDT. */
export const QUOTE_E8 = new Decimal('1e-8');

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
  /** Minimum order notional in QUOTE_E8 units. */
  readonly minNotionalE8: number;
  /** priceTicks × qtyLots × atomE8 = notional in QUOTE_E8 units (integer: tick × lot ≥ 1e-8). */
  readonly atomE8: number;
  /** priceTicks × qtyLots × atomPico = notional in pico-quote (bigint, for the ledger). */
  readonly atomPico: bigint;
}

export function buildInstrument(spec: InstrumentSpec): Instrument {
  const tickSize = parseDecimal(spec.tickSize, `${spec.symbol} tickSize`);
  const lotSize = parseDecimal(spec.lotSize, `${spec.symbol} lotSize`);
  if (tickSize.lte(0) || lotSize.lte(0)) {
    throw new ShadowExecError('E_CONFIG', `${spec.symbol}: tick size and lot size must be positive`);
  }
  const atom = tickSize.times(lotSize);
  const atomE8 = atom.div(QUOTE_E8);
  if (!atomE8.isInteger()) {
    throw new ShadowExecError('E_CONFIG', `${spec.symbol}: tick × lot (${atom.toString()}) must be a multiple of 1e-8`);
  }
  return {
    spec,
    symbol: spec.symbol,
    tickSize,
    lotSize,
    minQtyLots: toUnits(parseDecimal(spec.minQty, `${spec.symbol} minQty`), lotSize, `${spec.symbol} minQty`),
    maxQtyLots: toUnits(parseDecimal(spec.maxQty, `${spec.symbol} maxQty`), lotSize, `${spec.symbol} maxQty`),
    minNotionalE8: toUnits(parseDecimal(spec.minNotional, `${spec.symbol} minNotional`), QUOTE_E8, `${spec.symbol} minNotional`),
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
