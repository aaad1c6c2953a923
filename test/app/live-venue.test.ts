// Covers the live endpoints and topics: public WebSocket and REST bases per venue/market, overrides, per-symbol stream names, the depth request line, and URL validation.
import { describe, expect, it } from 'vitest';
import '../helpers/lazy-modules-setup.js';
import { endpointHostWarnings, liveEndpoint, liveProtocol, liveTopics, validateRestUrl } from '../../src/app/live-venue.js';
import { venueModule } from '../../src/app/venue-registry.js';

const depthSnapshotRequest = (market: string, symbol: string): string => venueModule('binance').live!.snapshots!.requestLine(market, symbol);
import { thrown } from '../helpers/thrown.js';

describe('liveEndpoint', () => {
  it('uses the public endpoints of each venue and market', () => {
    expect(liveEndpoint(venueModule('binance'), 'spot', null, null)).toEqual({ venue: 'binance', market: 'spot', wsUrl: 'wss://stream.binance.com:9443/stream', restUrl: 'https://api.binance.com' });
    expect(liveEndpoint(venueModule('binance'), 'usdm', null, null)).toEqual({ venue: 'binance', market: 'usdm', wsUrl: 'wss://fstream.binance.com/stream', restUrl: 'https://fapi.binance.com' });
    expect(liveEndpoint(venueModule('bybit'), 'linear', null, null)).toEqual({ venue: 'bybit', market: 'linear', wsUrl: 'wss://stream.bybit.com/v5/public/linear', restUrl: null });
    expect(liveEndpoint(venueModule('bybit'), 'spot', null, null).wsUrl).toBe('wss://stream.bybit.com/v5/public/spot');
  });

  it('applies overrides and refuses what cannot be dialled', () => {
    expect(liveEndpoint(venueModule('binance'), 'spot', 'ws://127.0.0.1:1/stream', 'http://127.0.0.1:2/')).toMatchObject({ wsUrl: 'ws://127.0.0.1:1/stream', restUrl: 'http://127.0.0.1:2' });
    expect(thrown(() => liveEndpoint(venueModule('bybit'), 'linear', null, 'http://127.0.0.1:2'))).toEqual({
      name: 'ShadowExecError',
      code: 'E_CONFIG',
      message: 'a REST URL applies to Binance only: Bybit book snapshots arrive on the WebSocket',
    });
    expect(thrown(() => validateRestUrl('not a url')).message).toBe("REST URL 'not a url' is not a valid URL");
  });
});

describe('liveTopics and depthSnapshotRequest', () => {
  it('expands the default streams per symbol in the venue\'s syntax, valid for its protocol', () => {
    const binance = liveTopics(venueModule('binance'), ['BTCUSDT', 'ETHUSDT']);
    expect(binance).toEqual(['btcusdt@depth@100ms', 'btcusdt@bookTicker', 'btcusdt@aggTrade', 'ethusdt@depth@100ms', 'ethusdt@bookTicker', 'ethusdt@aggTrade']);
    const bybit = liveTopics(venueModule('bybit'), ['BTCUSDT']);
    expect(bybit).toEqual(['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.BTCUSDT']);
    expect(liveTopics(venueModule('bybit'), ['BTCUSDT'], ['kline.1'])).toEqual(['kline.1.BTCUSDT']);
    const binanceProtocol = liveProtocol(venueModule('binance'), liveEndpoint(venueModule('binance'), 'spot', null, null));
    const bybitProtocol = liveProtocol(venueModule('bybit'), liveEndpoint(venueModule('bybit'), 'linear', null, null));
    expect([...binance.map((t) => binanceProtocol.validateTopic(t)), ...bybit.map((t) => bybitProtocol.validateTopic(t))].every((v) => v === null)).toBe(true);
  });

  it('builds the depth request line of each Binance market', () => {
    expect(depthSnapshotRequest('spot', 'BTCUSDT')).toBe('GET /api/v3/depth?symbol=BTCUSDT&limit=1000');
    expect(depthSnapshotRequest('usdm', 'BTCUSDT')).toBe('GET /fapi/v1/depth?symbol=BTCUSDT&limit=1000');
  });
});

describe('endpointHostWarnings', () => {
  it("warns on each URL whose host is not one of the venue's public hosts, ports and paths aside", () => {
    expect(endpointHostWarnings(venueModule('binance'), [['--ws-url', 'wss://stream.binance.com:443/stream'], ['--rest-url', 'https://api2.binance.com'], ['--x', null]])).toEqual([]);
    expect(endpointHostWarnings(venueModule('bybit'), [['--ws-url', 'wss://STREAM.bybit.com/v5/public/spot']])).toEqual([]);
    expect(endpointHostWarnings(venueModule('binance'), [['--ws-url', 'ws://127.0.0.1:9000/stream'], ['--rest-url', 'https://api.binance.com.evil.test']])).toEqual([
      "warning: --ws-url host '127.0.0.1' is not one of the venue's public hosts (stream.binance.com, fstream.binance.com, api.binance.com, api1.binance.com, api2.binance.com, api3.binance.com, fapi.binance.com): the market data comes from whoever runs it",
      "warning: --rest-url host 'api.binance.com.evil.test' is not one of the venue's public hosts (stream.binance.com, fstream.binance.com, api.binance.com, api1.binance.com, api2.binance.com, api3.binance.com, fapi.binance.com): the market data comes from whoever runs it",
    ]);
    expect(endpointHostWarnings(venueModule('bybit'), [['--ws-url', 'wss://stream.binance.com:9443/stream']])).toEqual([
      "warning: --ws-url host 'stream.binance.com' is not one of the venue's public hosts (stream.bybit.com): the market data comes from whoever runs it",
    ]);
  });
});
