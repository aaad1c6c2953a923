// PackedTradeRecord and PackedQuoteRecord: trade and quote records as the binary decoder reads them — prices and sizes packed as (mantissa, fraction digits), their decimal strings made only when asked for.
//
// Why: a bookTicker replay is all quotes; four strings a quote, made from numbers only to be read back into ticks and
// lots, were ~40 % of a binary bookTicker replay's CPU with the GC they cause (profile). As ScannedBookRecord for books:
// NormalizedEventMapper converts the numbers (SymbolGrid.priceUnitsScaled), with the same results and messages as from
// the strings (differential test); the records read as NormalizedTrade / NormalizedQuote (the getters make the text,
// which is the canonical spelling: one per value). A null quote field has fraction digits NULL_PACKED.
import type { NormalizedQuote, NormalizedTrade } from './normalized-record.js';
import { packedDecimalText } from './scanned-book-record.js';

/** Fraction digits of a null field. */
export const NULL_PACKED = -1;

const text = (mantissa: number, fracDigits: number): string | null => (fracDigits === NULL_PACKED ? null : packedDecimalText(mantissa, fracDigits));

export class PackedTradeRecord implements NormalizedTrade {
  readonly type = 'trade';

  constructor(
    readonly symbol: string,
    readonly exchange_us: number,
    readonly local_us: number,
    readonly id: string,
    readonly side: 'buy' | 'sell' | 'unknown',
    readonly priceMantissa: number,
    readonly priceFrac: number,
    readonly sizeMantissa: number,
    readonly sizeFrac: number,
  ) {}

  get price(): string {
    return packedDecimalText(this.priceMantissa, this.priceFrac);
  }

  get size(): string {
    return packedDecimalText(this.sizeMantissa, this.sizeFrac);
  }
}

export class PackedQuoteRecord implements NormalizedQuote {
  readonly type = 'quote';

  /** Each field as mantissa and fraction digits (NULL_PACKED digits: null). */
  constructor(
    readonly symbol: string,
    readonly exchange_us: number,
    readonly local_us: number,
    readonly bidPriceMantissa: number,
    readonly bidPriceFrac: number,
    readonly bidSizeMantissa: number,
    readonly bidSizeFrac: number,
    readonly askPriceMantissa: number,
    readonly askPriceFrac: number,
    readonly askSizeMantissa: number,
    readonly askSizeFrac: number,
  ) {}

  get bid_price(): string | null {
    return text(this.bidPriceMantissa, this.bidPriceFrac);
  }

  get bid_size(): string | null {
    return text(this.bidSizeMantissa, this.bidSizeFrac);
  }

  get ask_price(): string | null {
    return text(this.askPriceMantissa, this.askPriceFrac);
  }

  get ask_size(): string | null {
    return text(this.askSizeMantissa, this.askSizeFrac);
  }
}

/** The record as a plain object (keys in canonical order, strings made), for tests and anything that copies records. */
export function plainTradeQuoteRecord(record: PackedTradeRecord | PackedQuoteRecord): NormalizedTrade | NormalizedQuote {
  const { symbol, exchange_us, local_us } = record;
  return record instanceof PackedTradeRecord
    ? { type: 'trade', symbol, exchange_us, local_us, id: record.id, side: record.side, price: record.price, size: record.size }
    : { type: 'quote', symbol, exchange_us, local_us, bid_price: record.bid_price, bid_size: record.bid_size, ask_price: record.ask_price, ask_size: record.ask_size };
}
