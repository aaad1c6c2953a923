// Unit tests of parseRecordOptions: defaults per venue, stream kinds and symbols, and the UsageError for every bad flag.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors/shadow-exec-error.js';
import { parseRecordOptions, type RawRecordOptions } from '../../src/cli/record-options.js';

function usage(raw: RawRecordOptions): string {
  try {
    parseRecordOptions(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseRecordOptions', () => {
  it('resolves the defaults of each venue', () => {
    expect(parseRecordOptions({ exchange: 'binance', symbols: 'btcusdt,ETHUSDT', out: 'a.jsonl' })).toEqual({
      venue: 'binance',
      market: 'spot',
      symbols: ['BTCUSDT', 'ETHUSDT'],
      streams: ['depth@100ms', 'bookTicker', 'aggTrade'],
      durationMs: null,
      out: 'a.jsonl',
      wsUrl: null,
      restUrl: null,
    });
    expect(parseRecordOptions({ exchange: 'bybit', category: 'spot', symbols: 'BTCUSDT', streams: 'orderbook.1,publicTrade', duration: '10m', out: 'b.jsonl', wsUrl: 'ws://127.0.0.1:1' })).toEqual({
      venue: 'bybit',
      market: 'spot',
      symbols: ['BTCUSDT'],
      streams: ['orderbook.1', 'publicTrade'],
      durationMs: 600_000,
      out: 'b.jsonl',
      wsUrl: 'ws://127.0.0.1:1',
      restUrl: null,
    });
    expect(parseRecordOptions({ exchange: 'binance', market: 'usdm', symbols: 'BTCUSDT', out: 'c.jsonl', restUrl: 'http://127.0.0.1:2' }).market).toBe('usdm');
  });

  it.each<[RawRecordOptions, string]>([
    [{ symbols: 'BTCUSDT', out: 'x' }, "--exchange '' is not allowed: expected binance, bybit or hyperliquid"],
    [{ exchange: 'fake', symbols: 'BTCUSDT', out: 'x' }, "--exchange 'fake' is not allowed"],
    [{ exchange: 'binance', market: 'coinm', symbols: 'BTCUSDT', out: 'x' }, "--market 'coinm' is not allowed: expected spot or usdm"],
    [{ exchange: 'binance', category: 'spot', symbols: 'BTCUSDT', out: 'x' }, '--category does not apply to --exchange binance'],
    [{ exchange: 'bybit', market: 'spot', symbols: 'BTCUSDT', out: 'x' }, '--market does not apply to --exchange bybit'],
    [{ exchange: 'bybit', symbols: 'BTCUSDT', out: 'x', restUrl: 'http://a' }, '--rest-url does not apply to --exchange bybit'],
    [{ exchange: 'bybit', out: 'x' }, '--symbols is required'],
    [{ exchange: 'bybit', symbols: 'BTC/USDT', out: 'x' }, "'BTC/USDT' is not a venue symbol"],
    [{ exchange: 'bybit', symbols: 'BTCUSDT,BTCUSDT', out: 'x' }, 'names BTCUSDT twice'],
    [{ exchange: 'bybit', symbols: 'BTCUSDT' }, '--out is required'],
    [{ exchange: 'bybit', symbols: 'BTCUSDT', out: 'x', duration: '5' }, "--duration '5' is not allowed"],
    [{ exchange: 'bybit', symbols: 'BTCUSDT', out: 'x', wsUrl: 'http://a' }, "--ws-url: WebSocket URL 'http://a' must start with ws:// or wss://"],
    [{ exchange: 'bybit', symbols: 'BTCUSDT', out: 'x', streams: 'orderbook 50' }, "--streams 'orderbook 50' is not allowed: 'orderbook 50.BTCUSDT' is not a Bybit topic"],
  ])('refuses %j', (raw, expected) => {
    expect(usage(raw)).toContain(expected);
  });
});
