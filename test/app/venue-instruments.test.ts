// Covers the instrument catalogs: bundled Bybit linear/spot (symbols, specs, provenance, takenAt), market defaults re-gridded from the fake venue, --instruments files, and resolveSymbols.
import '../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { resolveSymbols, type InstrumentCatalog, type InstrumentFile, type VenueInstrument } from '../../src/app/venue-instruments.js';
import { venueModule } from '../../src/app/venue-registry.js';
import type { BybitInstrument } from '../../src/venues/bybit/bybit-instruments.js';

/** The catalogs of the venue modules (bybitVenue.catalog, fakeVenue.catalog). */
const bybitCatalog = (category: 'linear' | 'spot', file: InstrumentFile | null): InstrumentCatalog => venueModule('bybit').catalog.load(category, file);
const fakeCatalog = (): InstrumentCatalog => venueModule('fake').catalog.load('default', null);
const bybitOf = (v: VenueInstrument): BybitInstrument => v.details as BybitInstrument;
import { thrown } from '../helpers/thrown.js';
import { instrumentsDocs } from '../helpers/bybit-instruments.js';

const DOCS_LINEAR = 'bybit-exchange/docs docs/v5/market/instrument.mdx, linear response example';
const DOCS_SPOT = 'bybit-exchange/docs docs/v5/market/instrument.mdx, spot response example';
const UNVERIFIED = 'Bybit mainnet values as commonly published in 2025; not verified against a stored response';

function found(catalog: ReturnType<typeof bybitCatalog>, symbol: string): VenueInstrument {
  const instrument = catalog.find(symbol);
  if (instrument === undefined) throw new Error(`${symbol} missing`);
  return instrument;
}

/** What a test reads of a catalog entry besides the full BybitInstrument. */
function summary(v: VenueInstrument): Record<string, unknown> {
  return { tickSize: v.spec.tickSize, provenance: v.provenance, takenAt: v.takenAt, startPrice: v.startPrice, volatilityBps: v.volatilityBps, spreadTicks: v.spreadTicks };
}

describe('bybitCatalog, bundled', () => {
  it('lists BTCUSDT, ETHUSDT and SOLUSDT in both categories', () => {
    expect(bybitCatalog('linear', null).symbols).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(bybitCatalog('spot', null).symbols).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(bybitCatalog('linear', null).description).toBe('Bybit linear (bundled)');
    expect(bybitCatalog('spot', null).description).toBe('Bybit spot (bundled)');
  });

  it('gives the linear BTCUSDT the docs example spec, its date and the fake venue market defaults', () => {
    expect(found(bybitCatalog('linear', null), 'BTCUSDT')).toEqual({
      spec: { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.10', lotSize: '0.001', minQty: '0.001', maxQty: '1190.000', minNotional: '5' },
      provenance: DOCS_LINEAR,
      takenAt: '2025-01-02',
      details: {
        category: 'linear',
        spec: { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.10', lotSize: '0.001', minQty: '0.001', maxQty: '1190.000', minNotional: '5' },
        minPrice: '0.10',
        maxPrice: '1999999.80',
        postOnlyMaxQty: '1190.000',
        takenAt: '2025-01-02',
      },
      startPrice: '93500',
      volatilityBps: '0.5',
      spreadTicks: 1,
    });
  });

  it('marks ETHUSDT and SOLUSDT as unverified and undated, with their own grids', () => {
    const linear = bybitCatalog('linear', null);
    expect(summary(found(linear, 'ETHUSDT'))).toEqual({ tickSize: '0.01', provenance: UNVERIFIED, takenAt: null, startPrice: '3350', volatilityBps: '0.7', spreadTicks: 1 });
    expect(summary(found(linear, 'SOLUSDT'))).toEqual({ tickSize: '0.010', provenance: UNVERIFIED, takenAt: null, startPrice: '190', volatilityBps: '1', spreadTicks: 1 });
    expect(found(linear, 'SOLUSDT').spec).toMatchObject({ lotSize: '0.1', minQty: '0.1', maxQty: '79770.0' });
  });

  it('gives the spot symbols basePrecision grids, the spot date and the 5× post-only maximum where the bundle has no post-only size', () => {
    const spot = bybitCatalog('spot', null);
    expect(summary(found(spot, 'BTCUSDT'))).toEqual({ tickSize: '0.1', provenance: DOCS_SPOT, takenAt: '2025-10-09', startPrice: '93500', volatilityBps: '0.5', spreadTicks: 1 });
    expect(bybitOf(found(spot, 'BTCUSDT'))).toMatchObject({ category: 'spot', minPrice: null, maxPrice: null, postOnlyMaxQty: '60000' });
    expect(found(spot, 'ETHUSDT').spec).toMatchObject({ lotSize: '0.00001', minQty: '0.00001', maxQty: '1229.2', minNotional: '5' });
    expect(bybitOf(found(spot, 'ETHUSDT')).postOnlyMaxQty).toBe('6146');
    expect(bybitOf(found(spot, 'SOLUSDT')).postOnlyMaxQty).toBe('120000');
    expect(found(spot, 'SOLUSDT').takenAt).toBe(null);
  });
});

/** A linear instruments-info response built from the docs' BTCUSDT entry, one entry per [symbol, tickSize]. */
function savedLinear(entries: readonly (readonly [string, string])[]): unknown {
  const docs = instrumentsDocs().linear as { result: { list: Record<string, unknown>[] } };
  const btc = docs.result.list[0]!;
  docs.result.list = entries.map(([symbol, tickSize]) => ({
    ...btc,
    symbol,
    baseCoin: symbol.replace('USDT', ''),
    priceFilter: { minPrice: tickSize, maxPrice: '99999', tickSize },
  }));
  return docs;
}

describe('bybitCatalog market defaults', () => {
  const catalog = bybitCatalog('linear', {
    path: 'saved.json',
    json: savedLinear([
      ['XRPUSDT', '0.00001'],
      ['BNBUSDT', '0.005'],
      ['AVAXUSDT', '0.0015'],
      ['LINKUSDT', '0.003'],
      ['NEWUSDT', '0.01'],
    ]),
  });

  it('re-grids the fake spread (ticks × fake tick) onto the venue tick, rounding up to at least 1 tick', () => {
    expect(found(catalog, 'XRPUSDT').spreadTicks).toBe(10); // 1 × 0.0001 on 0.00001
    expect(found(catalog, 'BNBUSDT').spreadTicks).toBe(4); // 2 × 0.01 on 0.005
    expect(found(catalog, 'AVAXUSDT').spreadTicks).toBe(2); // 2 × 0.001 = 0.002 on 0.0015 → 1.33 → 2
    expect(found(catalog, 'LINKUSDT').spreadTicks).toBe(1); // 0.002 on 0.003 → 0.67 → 1
  });

  it('keeps the fake start price only when it lies on the venue tick grid', () => {
    expect(found(catalog, 'XRPUSDT').startPrice).toBe('2.08');
    expect(found(catalog, 'BNBUSDT').startPrice).toBe('700');
    expect(found(catalog, 'AVAXUSDT').startPrice).toBe('36');
    expect(found(catalog, 'LINKUSDT').startPrice).toBe(null); // 20.5 / 0.003 is not whole
    expect(found(catalog, 'LINKUSDT').volatilityBps).toBe('1.1');
  });

  it('gives a symbol the fake venue does not know no start price, σ 1 bps and a 1-tick spread', () => {
    expect(summary(found(catalog, 'NEWUSDT'))).toEqual({
      tickSize: '0.01',
      provenance: '--instruments saved.json',
      takenAt: '2025-01-02',
      startPrice: null,
      volatilityBps: '1',
      spreadTicks: 1,
    });
  });
});

describe('bybitCatalog from an --instruments file', () => {
  it('uses only the file, names it by path in the description and by base name in the provenance (the report), and dates entries from its time', () => {
    const catalog = bybitCatalog('spot', { path: 'data/spot.json', json: instrumentsDocs().spot });
    expect(catalog.description).toBe('Bybit spot instruments from data/spot.json');
    expect(catalog.symbols).toEqual(['BTCUSDT']);
    expect(summary(found(catalog, 'BTCUSDT'))).toEqual({
      tickSize: '0.1',
      provenance: '--instruments spot.json',
      takenAt: '2025-10-09',
      startPrice: '93500',
      volatilityBps: '0.5',
      spreadTicks: 1,
    });
    expect(catalog.find('ETHUSDT')).toBe(undefined);
  });

  it('reports a bad file with its path', () => {
    expect(thrown(() => bybitCatalog('spot', { path: 'data/linear.json', json: instrumentsDocs().linear }))).toEqual({
      name: 'ShadowExecError',
      code: 'E_CONFIG',
      message: `data/linear.json: result.category must be 'spot' for --category spot, got "linear"`,
    });
  });
});

describe('fakeCatalog and resolveSymbols', () => {
  it('lists the fake venue instruments with their built-in defaults and no Bybit limits', () => {
    const fake = fakeCatalog();
    expect(fake.description).toBe('the fake venue');
    expect(fake.symbols).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT', 'LINKUSDT', 'LTCUSDT', 'AVAXUSDT']);
    expect(summary(found(fake, 'BNBUSDT'))).toEqual({ tickSize: '0.01', provenance: 'built-in fake instrument', takenAt: null, startPrice: '700', volatilityBps: '0.6', spreadTicks: 2 });
    expect(found(fake, 'BNBUSDT').details).toBe(null);
  });

  it('resolves symbols in the order asked', () => {
    expect(resolveSymbols(bybitCatalog('linear', null), ['SOLUSDT', 'BTCUSDT']).map((v) => v.spec.symbol)).toEqual(['SOLUSDT', 'BTCUSDT']);
  });

  it('refuses an unknown symbol, listing the symbols the catalog has', () => {
    expect(thrown(() => resolveSymbols(bybitCatalog('spot', null), ['BTCUSDT', 'XRPUSDT']))).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "--symbols 'XRPUSDT' is not a symbol of Bybit spot (bundled): expected one or more of BTCUSDT, ETHUSDT, SOLUSDT",
    });
    expect(thrown(() => resolveSymbols(fakeCatalog(), ['btcusdt'])).message).toBe(
      "--symbols 'btcusdt' is not a symbol of the fake venue: expected one or more of BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT, XRPUSDT, DOGEUSDT, ADAUSDT, LINKUSDT, LTCUSDT, AVAXUSDT",
    );
  });
});
