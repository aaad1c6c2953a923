// Covers the hyperliquidVenue module object: bundled and saved catalogs, order options, wiring, the `sign` signer on a python SDK vector, live endpoints and topics, the replay kit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_OPTIONS } from '../../../src/core/model/order.js';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import type { VenueCredentials } from '../../../src/ports/secret-provider.js';
import type { SignFlags } from '../../../src/venues/venue-module.js';
import { hyperliquidVenue } from '../../../src/venues/hyperliquid/hyperliquid-venue.js';

const CREDENTIALS = { venue: 'hyperliquid', apiEnv: 'dev', apiKey: '0x14791697260E4c9A71f18484C9f997B308e59325', apiSecret: '0x0123456789012345678901234567890123456789012345678901234567890123', source: 'env' } as VenueCredentials;

function flags(over: Partial<SignFlags> & { readonly givenNames?: readonly string[] }): SignFlags {
  const given = new Set(over.givenNames ?? []);
  return { method: 'POST', recvWindow: '5000', ...over, given: (name) => given.has(name) };
}

describe('hyperliquidVenue', () => {
  it('bundles BTC, ETH and SOL with their asset indexes and reference ticks', () => {
    const catalog = hyperliquidVenue.catalog.load('default', null);
    expect(catalog.symbols).toEqual(['BTC', 'ETH', 'SOL']);
    expect(catalog.find('SOL')).toMatchObject({ startPrice: '190', takenAt: '2023-07-17', spec: { tickSize: '0.01', lotSize: '0.01', minNotional: '10' } });
    expect(hyperliquidVenue.describeInstrument(catalog.find('ETH')!)).toEqual({ asset: 1, sz_decimals: 4, max_leverage: 50, tick_reference_price: '3350' });
  });

  it('reads a saved metaAndAssetCtxs response, each tick at its markPx', () => {
    const catalog = hyperliquidVenue.catalog.load('default', { path: 'ctxs.json', json: [{ universe: [{ name: 'BTC', szDecimals: 5, maxLeverage: 40 }] }, [{ markPx: '104250.0' }]] });
    expect(catalog.find('BTC')).toMatchObject({ startPrice: '104250.0', provenance: '--instruments ctxs.json', spec: { tickSize: '1' } });
  });

  it('takes postOnly (Alo), reduceOnly and timeInForce GTC or IOC; refuses FOK and postOnly with IOC', () => {
    expect(hyperliquidVenue.orderOptions.supported('default')).toEqual(['postOnly', 'reduceOnly', 'timeInForce=GTC|IOC']);
    expect(() => hyperliquidVenue.orderOptions.check('default', { ...DEFAULT_ORDER_OPTIONS, timeInForce: 'FOK' })).toThrow(/FOK is not allowed for hyperliquid/);
    expect(() => hyperliquidVenue.orderOptions.check('default', { ...DEFAULT_ORDER_OPTIONS, postOnly: true, timeInForce: 'IOC' })).toThrow(/cannot also be Ioc/);
    expect(() => hyperliquidVenue.orderOptions.check('default', { ...DEFAULT_ORDER_OPTIONS, postOnly: true })).not.toThrow();
  });

  it('signs an action given as --body for the --timestamp nonce: the python SDK vector test_schedule_cancel_action', () => {
    const prepared = hyperliquidVenue.signer!.prepare(flags({ body: '{"type":"scheduleCancel"}', timestamp: '0' }), 999, (flag, why) => new Error(`${flag}: ${why}`));
    const out = prepared.sign(CREDENTIALS, () => '0x1…***') as Record<string, unknown>;
    expect(out['body_text']).toBe('{"action":{"type":"scheduleCancel"},"nonce":0,"signature":{"r":"0x6cdfb286702f5917e76cd9b3b8bf678fcc49aec194c02a73e6d4f16891195df9","s":"0x6557ac307fa05d25b8d61f21fb8a938e703b3d9bf575f6717ba21ec61261b2a0","v":27}}');
    expect(out['signer']).toBe('0x1479…9325');
    expect(() => hyperliquidVenue.signer!.prepare(flags({ body: '[1]' }), 0, (f, w) => new Error(`${f}: ${w}`))).toThrow(/string "type"/);
    expect(() => hyperliquidVenue.signer!.prepare(flags({ body: '{"type":"noop"}', query: 'a=1' }), 0, (f, w) => new Error(`${f}: ${w}`))).toThrow('--query: Hyperliquid signs its action (--body), not a query string');
  });

  it('streams from the documented mainnet URL, topics <kind>:<coin>, books on the socket', () => {
    const live = hyperliquidVenue.live!;
    expect(live.endpoint('default', null, null)).toEqual({ venue: 'hyperliquid', market: 'default', wsUrl: 'wss://api.hyperliquid.xyz/ws', restUrl: null });
    expect(live.topics(['BTC', 'ETH'], live.defaultStreams)).toEqual(['l2Book:BTC', 'trades:BTC', 'l2Book:ETH', 'trades:ETH']);
    expect(() => live.endpoint('default', null, 'https://x.example')).toThrow(/does not apply to Hyperliquid/);
    expect(live.protocol(live.endpoint('default', null, null)).encodePing(1)).toBe('{"method":"ping"}');
  });

  it('replays recorded l2Book pushes through its parser and whole-book sync', () => {
    const specs = hyperliquidVenue.catalog.load('default', null).symbols.map((s) => hyperliquidVenue.catalog.load('default', null).find(s)!.spec);
    const kit = hyperliquidVenue.replay!.kit({ market: 'default' }, buildSymbolGridLookup(specs));
    const out: MarketDataEvent[] = [];
    expect(kit.parser.parse('{"channel":"l2Book","data":{"coin":"ETH","time":5,"levels":[[{"px":"3007.1","sz":"2.7954","n":1}],[{"px":"3040.1","sz":"3.9499","n":1}]]}}', 0, out)).toBe('market-data');
    const sync = kit.newBookSync('ETH');
    expect(sync.onSnapshot(out[0] as never)).toMatchObject({ kind: 'resynced', updateId: 5 });
    expect(kit.parseRest('GET /x', '', 0, [])).toBe('unsupported');
  });
});
