// Covers parseHyperliquidMeta: the bundled real meta response, the docs' meta and metaAndAssetCtxs examples, exact errors, and hostile input (fast-check) that only ever yields E_CONFIG.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShadowExecError } from '../../../src/core/errors/shadow-exec-error.js';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import { HYPERLIQUID_BUNDLED_META_JSON, HYPERLIQUID_BUNDLED_REFERENCE_PRICES } from '../../../src/venues/hyperliquid/hyperliquid-bundled-meta.js';
import { parseHyperliquidMeta, tickDecimalsAt } from '../../../src/venues/hyperliquid/hyperliquid-instruments.js';
import { thrown } from '../../helpers/thrown.js';

const cassette = JSON.parse(readFileSync(new URL('./fixtures/hyperliquid_python_sdk_info_cassette_2023-07-17.json', import.meta.url), 'utf8')) as { meta: unknown };

/** The meta example of the docs (info-endpoint/perpetuals, "Retrieve perpetuals metadata"), comments removed. */
const DOCS_META = {
  universe: [
    { name: 'BTC', szDecimals: 5, maxLeverage: 50 },
    { name: 'ETH', szDecimals: 4, maxLeverage: 50 },
    { name: 'HPOS', szDecimals: 0, maxLeverage: 3, onlyIsolated: true },
    { name: 'LOOM', szDecimals: 1, maxLeverage: 3, isDelisted: true, marginMode: 'strictIsolated', onlyIsolated: true },
  ],
  marginTables: [[50, { description: '', marginTiers: [{ lowerBound: '0.0', maxLeverage: 50 }] }]],
};

describe('parseHyperliquidMeta', () => {
  it('reads the bundled response (python SDK cassette, 2023-07-17): BTC 0, ETH 1, SOL 5 with their grids', () => {
    const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled');
    expect(coins).toHaveLength(28);
    const bySymbol = new Map(coins.map((c) => [c.spec.symbol, c]));
    expect(bySymbol.get('BTC')).toEqual({
      market: 'perp', asset: 0, szDecimals: 5, maxLeverage: 50, onlyIsolated: false, tickReferencePrice: null,
      spec: { symbol: 'BTC', baseAsset: 'BTC', quoteAsset: 'USDC', tickSize: '0.1', lotSize: '0.00001', minQty: '0.00001', maxQty: '1000000000', minNotional: '10' },
    });
    expect(bySymbol.get('ETH')?.spec.tickSize).toBe('0.01');
    expect(bySymbol.get('ETH')?.asset).toBe(1);
    expect(bySymbol.get('SOL')).toMatchObject({ asset: 5, szDecimals: 2, spec: { tickSize: '0.0001', lotSize: '0.01' } });
    expect(bySymbol.get('DOGE')?.spec).toMatchObject({ tickSize: '0.000001', lotSize: '1' });
    // Every spec builds on the core's integer grid (tick × lot a multiple of 1e-8).
    for (const c of coins) expect(buildInstrument(c.spec).atomE8).toBe(100);
  });

  it('reads the same response from the test fixture copy', () => {
    expect(parseHyperliquidMeta(cassette.meta, 'cassette')).toEqual(parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled'));
  });

  it('reads the docs example, keeping universe indexes and dropping the delisted coin', () => {
    const coins = parseHyperliquidMeta(DOCS_META, 'meta.json');
    expect(coins.map((c) => [c.spec.symbol, c.asset, c.onlyIsolated, c.spec.tickSize])).toEqual([
      ['BTC', 0, false, '0.1'],
      ['ETH', 1, false, '0.01'],
      ['HPOS', 2, true, '0.000001'],
    ]);
  });

  it('reads a metaAndAssetCtxs pair [meta, assetCtxs], each tick chosen at the coin\'s markPx (docs example contexts)', () => {
    const ctx = (markPx: string) => ({ dayNtlVlm: '1169046.29406', funding: '0.0000125', markPx, midPx: '14.314', openInterest: '688.11', oraclePx: '14.32', premium: '0.00031774', prevDayPx: '15.322' });
    const coins = parseHyperliquidMeta([{ universe: DOCS_META.universe.slice(0, 3), marginTables: [], collateralToken: 0 }, [ctx('14.3161'), ctx('6.0436'), ctx('8.4542')]], 'ctxs.json');
    expect(coins.map((c) => [c.spec.symbol, c.tickReferencePrice, c.spec.tickSize])).toEqual([
      ['BTC', '14.3161', '0.1'],
      ['ETH', '6.0436', '0.01'],
      ['HPOS', '8.4542', '0.0001'],
    ]);
    expect(thrown(() => parseHyperliquidMeta([{ universe: DOCS_META.universe.slice(0, 1) }, [ctx('-1')]], 'c.json')).message).toBe('c.json: [1][0].markPx must be a positive plain decimal string, got "-1"');
  });

  it('chooses the bundled ticks at the reference prices: BTC 1, ETH 0.1, SOL 0.01', () => {
    const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled', HYPERLIQUID_BUNDLED_REFERENCE_PRICES);
    const tick = (s: string) => coins.find((c) => c.spec.symbol === s)?.spec.tickSize;
    expect([tick('BTC'), tick('ETH'), tick('SOL'), tick('DOGE')]).toEqual(['1', '0.1', '0.01', '0.000001']);
  });

  it('tickDecimalsAt: 5 significant figures at the price, within 0 … 6 - szDecimals', () => {
    expect(tickDecimalsAt('93500', 5)).toBe(0);
    expect(tickDecimalsAt('123456', 0)).toBe(0);
    expect(tickDecimalsAt('3350', 4)).toBe(1);
    expect(tickDecimalsAt('190', 2)).toBe(2);
    expect(tickDecimalsAt('0.00123', 0)).toBe(6);
    expect(tickDecimalsAt('0.5', 0)).toBe(5);
    expect(tickDecimalsAt(null, 1)).toBe(5);
  });

  it('names the bad field exactly', () => {
    expect(thrown(() => parseHyperliquidMeta({ universe: [] }, 'm.json'))).toEqual({ name: 'ShadowExecError', code: 'E_CONFIG', message: 'm.json: universe must be a non-empty array' });
    expect(thrown(() => parseHyperliquidMeta({ universe: [{ name: 'BTC', szDecimals: 7, maxLeverage: 50 }] }, 'm.json')).message).toBe('m.json: universe[0].szDecimals must be an integer from 0 to 6, got 7');
    expect(thrown(() => parseHyperliquidMeta({ universe: [{ name: 'B T C', szDecimals: 5, maxLeverage: 50 }] }, 'm.json')).message).toBe(
      `m.json: universe[0].name must be a coin name (letters, digits, ':', '@', '/', '_', '-'; at most 32), got "B T C"`,
    );
    expect(thrown(() => parseHyperliquidMeta([DOCS_META, []], 'm.json')).message).toBe('m.json: [1] must have one asset context per coin (4), got 0');
    expect(thrown(() => parseHyperliquidMeta({ universe: [{ name: 'BTC', szDecimals: 5, maxLeverage: 50 }, { name: 'BTC', szDecimals: 5, maxLeverage: 50 }] }, 'm.json')).message).toBe('m.json: universe[1].name repeats BTC');
    expect(thrown(() => parseHyperliquidMeta('nope', 'm.json')).message).toBe('m.json: (top level) must be a meta object {"universe": […]}');
  });

  it('never throws anything but E_CONFIG on hostile input (fast-check)', () => {
    const coin = fc.record({ name: fc.oneof(fc.constantFrom('BTC', 'ETH', ''), fc.string()), szDecimals: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.double(), fc.string()), maxLeverage: fc.anything(), onlyIsolated: fc.anything(), isDelisted: fc.anything() }, { requiredKeys: [] });
    const meta = fc.oneof(fc.anything(), fc.record({ universe: fc.oneof(fc.array(coin, { maxLength: 6 }), fc.anything()) }));
    const input = fc.oneof(meta, fc.tuple(meta, fc.oneof(fc.array(fc.anything(), { maxLength: 6 }), fc.anything())), fc.jsonValue());
    fc.assert(
      fc.property(input, (value) => {
        try {
          const coins = parseHyperliquidMeta(value, 'fuzz.json');
          for (const c of coins) expect(buildInstrument(c.spec).symbol).toBe(c.spec.symbol);
        } catch (e) {
          expect(e).toBeInstanceOf(ShadowExecError);
          expect((e as ShadowExecError).code).toBe('E_CONFIG');
        }
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
