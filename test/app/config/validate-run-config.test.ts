// Unit tests of validateRunConfig: defaults, canonical decimals, per-symbol flags, and the UsageError raised for every bad option value.
import '../../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { RUN_OPTION_SPECS } from '../../../src/app/config/run-option-specs.js';
import { ShadowExecError, UsageError } from '../../../src/core/errors/shadow-exec-error.js';
import { validateRunConfig } from '../../../src/app/config/validate-run-config.js';
import type { RunInput } from '../../../src/app/config/run-input.js';
import { FAKE_INSTRUMENTS } from '../../../src/venues/fake/fake-instruments.js';

/** Runs validateRunConfig expecting a UsageError; returns it so the test can inspect its message. */
function usageError(raw: RunInput): UsageError {
  let caught: unknown;
  try {
    validateRunConfig(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught, `validateRunConfig(${JSON.stringify(raw)}) should throw`).toBeInstanceOf(UsageError);
  const error = caught as UsageError;
  expect(error).toBeInstanceOf(ShadowExecError);
  expect(error.code).toBe('E_USAGE');
  expect(error.retryable).toBe(false);
  return error;
}

describe('validateRunConfig defaults', () => {
  it('resolves an empty option set to the declared defaults', () => {
    const config = validateRunConfig({});
    expect(config).toEqual({
      mode: 'shadow',
      seed: 42,
      start: '2025-01-01T00:00:00.000Z',
      startGiven: false,
      durationMs: null,
      iterations: 1000,
      intervalMs: 100,
      symbols: ['BTCUSDT'],
      fees: { makerBps: '2', takerBps: '5.5' },
      apiEnv: 'dev',
      recvWindowMs: 5000,
      throttle: true,
      barsMs: null,
      venue: {
        name: 'fake',
        market: 'default',
        instruments: [
          {
            spec: expect.objectContaining({ symbol: 'BTCUSDT', tickSize: '0.1', lotSize: '0.001' }),
            provenance: 'built-in fake instrument',
            takenAt: null,
            details: null,
            startPrice: '93500',
            volatilityBps: '0.5',
            spreadTicks: 1,
          },
        ],
        instrumentsFile: null,
      },
      feed: { kind: 'synthetic', startPrices: { BTCUSDT: '93500' }, volatilityBps: { BTCUSDT: '0.5' } },
      strategy: {
        spreadBps: '20',
        requoteBps: '2',
        orderNotionalUsd: '500',
        orderOptions: { timeInForce: 'GTC', postOnly: false, reduceOnly: false },
        requoteMode: 'replace',
        cancelMode: 'per-order',
        choice: null,
        params: {},
        budgetMs: 1000,
        exitOco: null,
      },
      fills: { model: 'probabilistic', fillRate: '0.05' },
      latency: { ms: 50, jitterMs: 0 },
      risk: {
        maxInvUsd: '10000',
        maxTotalUsd: '50000',
        edge: { thresholdBps: '2', markoutMs: 1000, window: 20, minFills: 5 },
        staleMs: null,
        maxDrawdownUsd: null,
        reduceAtDrawdownUsd: null,
        maxOrdersPerSec: null,
        unfreeze: 'manual',
        circuit: { failures: 5, windowMs: 30_000, cooldownMs: 60_000 },
      },
      output: { reportFills: 20 },
    });
  });

  it('gives the same config for every declared default spelled out as commander passes it (strings)', () => {
    // Every declared default as text, but those that only apply under another choice (--category, --api-env, --queue-cancels…)
    // and --start (giving it is what makes a replay start there).
    const elsewhere = new Set(['category', 'market', 'apiEnv', 'recvWindow', 'queueCancels', 'wsConnections', 'start']);
    const spelledOut: Record<string, string | boolean> = {};
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) {
      if (spec.path === null || spec.default === null || elsewhere.has(key)) continue;
      spelledOut[key] = typeof spec.default === 'boolean' ? spec.default : String(spec.default);
    }
    expect(Object.keys(spelledOut)).toContain('fillRate');
    expect(validateRunConfig(spelledOut as RunInput)).toEqual(validateRunConfig({}));
  });

  it('fills in the built-in start price and volatility of every listed symbol', () => {
    const config = validateRunConfig({ symbols: 'ETHUSDT,SOLUSDT' });
    expect(config.feed).toMatchObject({ kind: 'synthetic', startPrices: { ETHUSDT: '3350', SOLUSDT: '190' } });
    expect(config.feed).toMatchObject({ kind: 'synthetic', volatilityBps: { ETHUSDT: '0.7', SOLUSDT: '1' } });
  });
});

describe('validateRunConfig canonical values', () => {
  it('canonicalises decimals: trailing zeros go, whole numbers lose the point', () => {
    const config = validateRunConfig({ edgeThreshold: '5.0', maxInv: '1.10', fillRate: '1.0', spreadBps: '06.500', orderNotional: '500.00' });
    expect(config.risk.edge.thresholdBps).toBe('5');
    expect(config.risk.maxInvUsd).toBe('1.1');
    expect(config.fills).toEqual({ model: 'probabilistic', fillRate: '1' });
    expect(config.strategy.spreadBps).toBe('6.5');
    expect(config.strategy.orderNotionalUsd).toBe('500');
  });

  it('accepts a leading-dot decimal and a plus sign', () => {
    const config = validateRunConfig({ fillRate: '.25', edgeThreshold: '+3' });
    expect(config.fills).toEqual({ model: 'probabilistic', fillRate: '0.25' });
    expect(config.risk.edge.thresholdBps).toBe('3');
  });

  it('accepts a negative edge threshold and a maker rebate', () => {
    const config = validateRunConfig({ edgeThreshold: '-1.5', makerFeeBps: '-0.25' });
    expect(config.risk.edge.thresholdBps).toBe('-1.5');
    expect(config.fees.makerBps).toBe('-0.25');
  });

  it('upper-cases symbols and trims the spaces around them, keeping their order', () => {
    expect(validateRunConfig({ symbols: 'ethusdt, btcUSDT' }).symbols).toEqual(['ETHUSDT', 'BTCUSDT']);
  });

  it('lower-cases --exchange and --mode', () => {
    const config = validateRunConfig({ exchange: 'BYBIT', mode: 'DryRun' });
    expect(config.venue.name).toBe('bybit');
    expect(config.mode).toBe('dryrun');
  });

  it('normalises --start to an ISO-8601 UTC timestamp with milliseconds', () => {
    expect(validateRunConfig({ start: '2025-06-01' }).start).toBe('2025-06-01T00:00:00.000Z');
    expect(validateRunConfig({ start: '2025-06-01T12:30:00Z' }).start).toBe('2025-06-01T12:30:00.000Z');
    expect(validateRunConfig({ start: '2025-06-01T12:30+02:00' }).start).toBe('2025-06-01T10:30:00.000Z');
  });

  it('trims whitespace around whole numbers', () => {
    expect(validateRunConfig({ iterations: ' 7 ' }).iterations).toBe(7);
  });
});

describe('validateRunConfig per-symbol flags', () => {
  it('--volatility-bps with one value applies it to every symbol', () => {
    const config = validateRunConfig({ symbols: 'BTCUSDT,ETHUSDT', volatilityBps: '3.50' });
    expect(config.feed).toMatchObject({ kind: 'synthetic', volatilityBps: { BTCUSDT: '3.5', ETHUSDT: '3.5' } });
  });

  it('--volatility-bps with SYM=V pairs sets those symbols and keeps the built-in value of the rest', () => {
    const config = validateRunConfig({ symbols: 'BTCUSDT,ETHUSDT,SOLUSDT', volatilityBps: 'btcusdt=2,SOLUSDT=4.0' });
    expect(config.feed).toMatchObject({ kind: 'synthetic', volatilityBps: { BTCUSDT: '2', ETHUSDT: '0.7', SOLUSDT: '4' } });
  });

  it('--start-prices with SYM=V pairs overrides the built-in start price', () => {
    const config = validateRunConfig({ symbols: 'BTCUSDT,ETHUSDT', startPrices: 'BTCUSDT=95000.5,ethusdt=3400.10' });
    expect(config.feed).toMatchObject({ kind: 'synthetic', startPrices: { BTCUSDT: '95000.5', ETHUSDT: '3400.1' } });
  });

  it('--start-prices rejects a single bare value (pairs only)', () => {
    const error = usageError({ startPrices: '3000' });
    expect(error.message).toContain('--start-prices');
    expect(error.message).toContain("'3000'");
    expect(error.message).toContain('SYMBOL=VALUE');
  });

  it('--volatility-bps rejects a malformed pair and names both allowed forms', () => {
    const error = usageError({ volatilityBps: 'BTCUSDT=2=3' });
    expect(error.message).toContain('--volatility-bps');
    expect(error.message).toContain("'BTCUSDT=2=3'");
    expect(error.message).toContain('SYMBOL=VALUE pairs');
    expect(error.message).toContain('one value for every symbol');
  });

  it('--volatility-bps rejects a value above 1000 bps, naming the symbol', () => {
    const error = usageError({ volatilityBps: 'BTCUSDT=1001' });
    expect(error.message).toContain('--volatility-bps BTCUSDT');
    expect(error.message).toContain("'1001'");
    expect(error.message).toContain('from 0 to 1000');
  });
});

describe('validateRunConfig rejects bad values with a UsageError naming flag, value and what is allowed', () => {
  it('--fill-rate above 1', () => {
    const { message } = usageError({ fillRate: '1.5' });
    expect(message).toContain('--fill-rate');
    expect(message).toContain("'1.5'");
    expect(message).toContain('from 0 to 1');
  });

  it('--fill-rate that is not a number', () => {
    const { message } = usageError({ fillRate: 'abc' });
    expect(message).toContain('--fill-rate');
    expect(message).toContain("'abc'");
    expect(message).toContain('a decimal from 0 to 1');
  });

  it('--fill-rate in exponent notation', () => {
    const { message } = usageError({ fillRate: '1e-1' });
    expect(message).toContain("--fill-rate '1e-1'");
  });

  it('--fill-rate with more than 6 decimal places', () => {
    const { message } = usageError({ fillRate: '0.1234567' });
    expect(message).toContain("--fill-rate '0.1234567'");
    expect(message).toContain('at most 6 decimal places');
  });

  it('--iterations 0', () => {
    const { message } = usageError({ iterations: '0' });
    expect(message).toContain("--iterations '0'");
    expect(message).toContain('a whole number from 1 to 1000000000');
  });

  it('--iterations 1.5', () => {
    const { message } = usageError({ iterations: '1.5' });
    expect(message).toContain("--iterations '1.5'");
    expect(message).toContain('whole number');
  });

  it('--iterations above the maximum', () => {
    const { message } = usageError({ iterations: '1000000001' });
    expect(message).toContain("--iterations '1000000001'");
  });

  it('--latency-ms -1', () => {
    const { message } = usageError({ latencyMs: '-1' });
    expect(message).toContain("--latency-ms '-1'");
    expect(message).toContain('a whole number from 0 to 600000');
  });

  it('--spread-bps 0 (must be strictly positive)', () => {
    const { message } = usageError({ spreadBps: '0' });
    expect(message).toContain("--spread-bps '0'");
    expect(message).toContain('greater than 0');
  });

  it('--max-inv -5', () => {
    const { message } = usageError({ maxInv: '-5' });
    expect(message).toContain("--max-inv '-5'");
    expect(message).toContain('from 0 to 90000000');
  });

  it('--seed beyond the largest safe integer', () => {
    const { message } = usageError({ seed: '9007199254740992' });
    expect(message).toContain("--seed '9007199254740992'");
    expect(message).toContain('9007199254740991');
  });

  it('--symbols FOOUSDT, listing every known symbol', () => {
    const { message } = usageError({ symbols: 'FOOUSDT' });
    expect(message).toContain("--symbols 'FOOUSDT'");
    expect(message).toContain('not a symbol of the fake venue');
    for (const instrument of FAKE_INSTRUMENTS) expect(message).toContain(instrument.symbol);
  });

  it('--symbols naming the same symbol twice', () => {
    const { message } = usageError({ symbols: 'BTCUSDT,BTCUSDT' });
    expect(message).toContain("--symbols 'BTCUSDT,BTCUSDT'");
    expect(message).toContain('BTCUSDT twice');
    expect(message).toContain('list each symbol once');
  });

  it('--symbols with an empty entry', () => {
    const { message } = usageError({ symbols: 'BTCUSDT,' });
    expect(message).toContain("--symbols 'BTCUSDT,'");
    expect(message).toContain('comma-separated list');
  });

  it('--start tomorrow', () => {
    const { message } = usageError({ start: 'tomorrow' });
    expect(message).toContain("--start 'tomorrow'");
    expect(message).toContain('ISO-8601');
  });

  it('--start before the Unix epoch', () => {
    const { message } = usageError({ start: '1969-12-31' });
    expect(message).toContain("--start '1969-12-31'");
  });

  it('--market on a venue other than binance, and --category off bybit', () => {
    expect(usageError({ market: 'spot' }).message).toBe('--market does not apply to --exchange fake: it is a binance flag (Bybit: --category linear|spot)');
    expect(usageError({ exchange: 'binance', category: 'spot' }).message).toBe('--category does not apply to --exchange binance: it is a bybit flag (Binance: --market spot|usdm)');
    expect(usageError({ exchange: 'binance', market: 'coinm' }).message).toContain("--market 'coinm'");
  });

  it('--requote-mode amend on Binance spot, and --exit-oco on Bybit or Binance USD-M', () => {
    expect(usageError({ exchange: 'binance', requoteMode: 'amend' }).message).toContain('--requote-mode amend does not apply to --exchange binance --market spot: spot cannot amend a price');
    expect(usageError({ exchange: 'bybit', exitOco: '20:30' }).message).toContain('--exit-oco does not apply to --exchange bybit: it needs OCO order lists, which Bybit V5 has none of');
    expect(usageError({ exchange: 'binance', market: 'usdm', exitOco: '20:30' }).message).toContain('--exit-oco does not apply to --exchange binance --market usdm: it needs OCO order lists, which Binance USD-M futures have none of');
  });

  it('--exchange with an unknown venue', () => {
    const { message } = usageError({ exchange: 'kraken' });
    expect(message).toContain("--exchange 'kraken'");
    expect(message).toContain('expected fake');
  });

  it('--mode live', () => {
    const { message } = usageError({ mode: 'live' });
    expect(message).toContain("--mode 'live'");
    expect(message).toContain('shadow or dryrun');
  });

  it('--start-prices off the 0.1 tick grid of BTCUSDT', () => {
    const { message } = usageError({ startPrices: 'BTCUSDT=93500.05' });
    expect(message).toContain("--start-prices BTCUSDT '93500.05'");
    expect(message).toContain('multiple of the tick size 0.1');
  });

  it('--start-prices for a symbol that is not in --symbols', () => {
    const { message } = usageError({ symbols: 'BTCUSDT', startPrices: 'ETHUSDT=3000' });
    expect(message).toContain('--start-prices');
    expect(message).toContain('ETHUSDT');
    expect(message).toContain('not in --symbols (BTCUSDT)');
  });

  it('--start-prices of zero', () => {
    const { message } = usageError({ startPrices: 'BTCUSDT=0' });
    expect(message).toContain("--start-prices BTCUSDT '0'");
    expect(message).toContain('greater than 0');
  });

  it('--order-notional 5, too small to buy the BTCUSDT minimum quantity', () => {
    const { message } = usageError({ orderNotional: '5' });
    expect(message).toContain("--order-notional '5'");
    expect(message).toContain('too small for BTCUSDT');
    expect(message).toContain('at least 93.5 USDT');
    expect(message).toContain('min qty 0.001');
  });

  it('--order-notional checks the minimum against the start price given on the command line', () => {
    expect(() => validateRunConfig({ orderNotional: '99.99', startPrices: 'BTCUSDT=100000' })).toThrow(/too small for BTCUSDT: one order must be worth at least 100 USDT/);
    expect(validateRunConfig({ orderNotional: '100', startPrices: 'BTCUSDT=100000' }).strategy.orderNotionalUsd).toBe('100');
    expect(validateRunConfig({ orderNotional: '99.99', startPrices: 'BTCUSDT=99000' }).strategy.orderNotionalUsd).toBe('99.99');
  });

  it('--edge-min-fills greater than --edge-window', () => {
    const { message } = usageError({ edgeWindow: '10', edgeMinFills: '11' });
    expect(message).toContain("--edge-min-fills '11'");
    expect(message).toContain('a whole number from 1 to 10');
  });

  it('--edge-min-fills equal to --edge-window is allowed', () => {
    const config = validateRunConfig({ edgeWindow: '10', edgeMinFills: '10' });
    expect(config.risk.edge.window).toBe(10);
    expect(config.risk.edge.minFills).toBe(10);
  });

  it('--maker-fee-bps with too many decimal places', () => {
    const { message } = usageError({ makerFeeBps: '1.234' });
    expect(message).toContain("--maker-fee-bps '1.234'");
    expect(message).toContain('at most 2 decimal places');
  });

  it('an empty value', () => {
    const { message } = usageError({ fillRate: '' });
    expect(message).toContain("--fill-rate ''");
  });
});

describe('validateRunConfig edge cases found in review', () => {
  it('rejects a calendar date that does not exist instead of rolling it forward', () => {
    expect(usageError({ start: '2025-02-30' }).message).toContain("--start '2025-02-30' is not allowed");
    expect(usageError({ start: '2025-01-01T24:00:00Z' }).message).toContain('--start');
  });

  it('converts a time with an offset to UTC', () => {
    expect(validateRunConfig({ start: '2025-01-01T12:30:00+02:00' }).start).toBe('2025-01-01T10:30:00.000Z');
  });

  it('rejects a symbol named twice in a per-symbol flag', () => {
    expect(usageError({ startPrices: 'BTCUSDT=95000,BTCUSDT=96000' }).message).toContain('names BTCUSDT twice');
  });

  it('lowers the default --edge-min-fills to a smaller --edge-window', () => {
    expect(validateRunConfig({ edgeWindow: '3' }).risk.edge.minFills).toBe(3);
    expect(validateRunConfig({ edgeWindow: '30' }).risk.edge.minFills).toBe(5);
  });
});

describe('validateRunConfig --fill-model', () => {
  it('defaults to probabilistic on the synthetic feed and to trade-through on live and replay feeds', () => {
    expect(validateRunConfig({})).toMatchObject({ fills: { model: 'probabilistic', fillRate: '0.05' }, latency: { jitterMs: 0 } });
    expect(validateRunConfig({ exchange: 'binance', feed: 'live' }).fills.model).toBe('trade-through');
    expect(validateRunConfig({ exchange: 'binance', feed: 'replay:x.jsonl' }).fills.model).toBe('trade-through');
  });

  it('takes the queue model with its cancel rule (proportional by default) and a latency jitter', () => {
    expect(validateRunConfig({ exchange: 'bybit', feed: 'live', fillModel: 'queue' }).fills).toEqual({ model: 'queue', queueCancels: 'proportional' });
    expect(validateRunConfig({ fillModel: 'Queue', queueCancels: 'AHEAD-FIRST', latencyJitterMs: '25' })).toMatchObject({ fills: { model: 'queue', queueCancels: 'ahead-first' }, latency: { jitterMs: 25 } });
    expect(validateRunConfig({ exchange: 'binance', feed: 'live', fillModel: 'probabilistic', fillRate: '0.2' }).fills).toEqual({ model: 'probabilistic', fillRate: '0.2' });
  });
});

describe('validateRunConfig --feed live', () => {
  it('resolves the live settings on a real venue, with the public endpoints by default', () => {
    const config = validateRunConfig({ exchange: 'binance', feed: 'live' });
    expect(config.feed).toEqual({ kind: 'live', wsUrl: null, restUrl: null, connections: 1 });
    const custom = validateRunConfig({ exchange: 'binance', feed: 'live', wsUrl: 'ws://127.0.0.1:9000/stream', restUrl: 'http://127.0.0.1:9001/', wsConnections: '3' });
    expect(custom.feed).toEqual({ kind: 'live', wsUrl: 'ws://127.0.0.1:9000/stream', restUrl: 'http://127.0.0.1:9001', connections: 3 });
    expect(validateRunConfig({ exchange: 'bybit', feed: 'live', wsUrl: 'wss://example.test/v5/public/linear' }).feed).toEqual({
      kind: 'live',
      wsUrl: 'wss://example.test/v5/public/linear',
      restUrl: null,
      connections: 1,
    });
  });

  it.each<[RunInput, string]>([
    [{ feed: 'live' }, '--feed live needs --exchange binance, bybit, hyperliquid or ccxt:<id>: the fake venue has no public market data'],
    [{ wsUrl: 'ws://127.0.0.1:1' }, '--ws-url applies to --feed live only'],
    [{ exchange: 'binance', wsConnections: '2' }, '--ws-connections applies to --feed live only'],
    [{ exchange: 'bybit', feed: 'live', restUrl: 'http://127.0.0.1:1' }, '--rest-url does not apply to --exchange bybit'],
    [{ exchange: 'binance', feed: 'live', wsUrl: 'http://127.0.0.1:1' }, "--ws-url: WebSocket URL 'http://127.0.0.1:1' must start with ws:// or wss://"],
    [{ exchange: 'binance', feed: 'live', restUrl: 'ftp://x' }, "--rest-url: REST URL 'ftp://x' must start with http:// or https://"],
    [{ exchange: 'binance', feed: 'live', wsUrl: 'wss://me:s3cret@stream.binance.com:9443/stream' }, "--ws-url: WebSocket URL of host 'stream.binance.com:9443' carries credentials (user:password@)"],
    [{ exchange: 'binance', feed: 'live', restUrl: 'https://key@api.binance.com' }, "--rest-url: REST URL of host 'api.binance.com' carries credentials"],
    [{ exchange: 'binance', feed: 'live', wsUrl: 'wss://stream.binance.com:9443/stream?streams=btcusdt@depth' }, "--ws-url: WebSocket URL of host 'stream.binance.com:9443' carries a query (?…)"],
    [{ exchange: 'binance', feed: 'live', restUrl: 'https://api.binance.com/?' }, "--rest-url: REST URL of host 'api.binance.com' carries a query"],
    [{ exchange: 'bybit', feed: 'live', wsUrl: 'wss://stream.bybit.com/v5/public/linear#token' }, "--ws-url: WebSocket URL of host 'stream.bybit.com' carries a fragment (#…)"],
    [{ exchange: 'binance', feed: 'live', wsConnections: '17' }, "--ws-connections '17' is not allowed: expected a whole number from 1 to 16"],
    [{ exchange: 'binance', feed: 'live', start: '2025-01-01' }, '--start does not apply to --feed live'],
    [{ exchange: 'binance', feed: 'live', startPrices: 'BTCUSDT=95000' }, 'a live feed brings its own prices'],
  ])('refuses %j', (raw, expected) => {
    expect(usageError(raw).message).toContain(expected);
  });

  it('never repeats the credentials, query or fragment it refuses', () => {
    for (const url of ['wss://me:s3cret@x.test/ws', 'wss://x.test/ws?token=s3cret', 'wss://x.test/ws#s3cret']) {
      expect(usageError({ exchange: 'binance', feed: 'live', wsUrl: url }).message).not.toContain('s3cret');
    }
  });
});

describe('validateRunConfig venue-aware default spread', () => {
  it('widens the default spread on 10 bps maker-fee spot venues so a quote starts 8 bps above the fee', () => {
    expect(validateRunConfig({ exchange: 'binance' }).strategy.spreadBps).toBe('36');
    expect(validateRunConfig({ exchange: 'bybit', category: 'spot' }).strategy.spreadBps).toBe('36');
  });

  it('keeps 20 bps where the maker fee is 2 bps or a rebate', () => {
    expect(validateRunConfig({}).strategy.spreadBps).toBe('20');
    expect(validateRunConfig({ exchange: 'bybit' }).strategy.spreadBps).toBe('20');
    expect(validateRunConfig({ exchange: 'binance', market: 'usdm' }).strategy.spreadBps).toBe('20');
    expect(validateRunConfig({ makerFeeBps: '-1' }).strategy.spreadBps).toBe('20');
  });

  it('derives the default from --maker-fee-bps and leaves an explicit --spread-bps alone', () => {
    expect(validateRunConfig({ makerFeeBps: '7.25' }).strategy.spreadBps).toBe('30.5');
    expect(validateRunConfig({ exchange: 'binance', spreadBps: '14' }).strategy.spreadBps).toBe('14');
  });
});

describe('validateRunConfig --instruments that is not JSON', () => {
  it('names the file and the position, never a character of its content (a secrets file given by mistake)', () => {
    const secrets = 'BYBIT_API_KEY=abcdEFGH1234\nBYBIT_API_SECRET=zyxwVUTS9876\n';
    let caught: unknown;
    try {
      validateRunConfig({ exchange: 'bybit', instruments: 'keys.env' }, () => secrets);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const message = (caught as UsageError).message;
    expect(message).toBe("--instruments 'keys.env' is not valid JSON: unexpected character at line 1, column 1: expected a saved /v5/market/instruments-info response");
    for (const piece of ['BYBIT', 'abcd', 'zyxw']) expect(message).not.toContain(piece);
    expect(() => validateRunConfig({ exchange: 'bybit', instruments: 'x.json' }, () => '{"retCode":0,\n "result": {"list": [}}')).toThrow("--instruments 'x.json' is not valid JSON: unexpected character at line 2, column 22");
  });
});
