// Bybit test instruments: the docs' instruments-info examples parsed into BybitInstrument, their engine Instrument, and raw responses to mutate.
import { readFileSync } from 'node:fs';
import { buildInstrument, type Instrument } from '../../src/core/model/instrument.js';
import type { BybitCategory } from '../../src/venues/bybit/bybit-category.js';
import { parseBybitInstrumentsInfo, type BybitInstrument } from '../../src/venues/bybit/bybit-instruments.js';

interface InstrumentsDocsFixture {
  readonly linear: unknown;
  readonly linear_pre_market: unknown;
  readonly spot: unknown;
}

/** A fresh parsed copy of test/fixtures/venues/bybit_v5_instruments_info_docs_examples.json (safe to mutate). */
export function instrumentsDocs(): InstrumentsDocsFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/venues/bybit_v5_instruments_info_docs_examples.json', import.meta.url), 'utf8')) as InstrumentsDocsFixture;
}

/** The docs' BTCUSDT of `category` (linear: tick 0.10, step 0.001, max 1190.000; spot: tick 0.1, precision 0.000001, max 83). */
export function docsBtc(category: BybitCategory): BybitInstrument {
  const [btc] = parseBybitInstrumentsInfo(instrumentsDocs()[category], category, 'docs');
  if (btc === undefined) throw new Error(`no ${category} BTCUSDT in the docs fixture`);
  return btc;
}

/** The engine's integer grid for a Bybit instrument. */
export function gridOf(bybit: BybitInstrument): Instrument {
  return buildInstrument(bybit.spec);
}
