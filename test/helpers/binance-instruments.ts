// Binance test instruments: the docs' exchangeInfo examples (raw, to mutate), the spot example completed with filters.md's filters, and the bundled instruments parsed.
import { readFileSync } from 'node:fs';
import { BINANCE_BUNDLED_INSTRUMENTS } from '../../src/venues/binance/binance-bundled-instruments.js';
import { parseBinanceExchangeInfo, type BinanceInstrument } from '../../src/venues/binance/binance-instruments.js';
import type { BinanceMarket } from '../../src/venues/binance/binance-market.js';

/** Raw parsed JSON the tests mutate field by field. */
export type Raw = any;

interface ExchangeInfoDocsFixture {
  readonly spot: Raw;
  readonly spot_filters_md: Raw[];
  readonly usdm: Raw;
}

/** A fresh parsed copy of test/fixtures/venues/binance_exchange_info_docs_examples.json (safe to mutate). */
export function exchangeInfoDocs(): ExchangeInfoDocsFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/venues/binance_exchange_info_docs_examples.json', import.meta.url), 'utf8')) as ExchangeInfoDocsFixture;
}

/** The spot docs response (ETHBTC) with its empty `filters` filled by filters.md's six format examples. */
export function spotDocsWithFilters(): Raw {
  const docs = exchangeInfoDocs();
  docs.spot.symbols[0].filters = docs.spot_filters_md;
  return docs.spot;
}

/** A bundled instrument by market and symbol (spot BTCUSDT: tick 0.01, step 0.00001, NOTIONAL 5..9000000, 10 iceberg parts, 200 orders). */
export function bundled(market: BinanceMarket, symbol: string): BinanceInstrument {
  const all = BINANCE_BUNDLED_INSTRUMENTS[market].flatMap((b) => parseBinanceExchangeInfo(b.response, market, 'bundled'));
  const found = all.find((i) => i.spec.symbol === symbol);
  if (found === undefined) throw new Error(`no bundled ${market} ${symbol}`);
  return found;
}
