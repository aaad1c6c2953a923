// The two rules every command's flags follow: choice values are case-insensitive, and a flag that does not apply to the chosen venue is refused (exit 2) naming the flag and the venue.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseRecordOptions } from '../../src/cli/record-options.js';
import { parseRunOptions } from '../../src/cli/run-options.js';

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (t: string) => void): Writable => new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) });
  const code = await runCli(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), env: { NO_COLOR: '1' } });
  return { code, stdout, stderr };
}

const TMP = tmpdir();

describe('a flag that does not apply to the chosen venue', () => {
  it.each([
    [['run', '--exchange', 'binance', '--category', 'linear'], '--category', '--exchange binance'],
    [['run', '--exchange', 'fake', '--category', 'linear'], '--category', '--exchange fake'],
    [['run', '--exchange', 'bybit', '--market', 'spot'], '--market', '--exchange bybit'],
    [['run', '--exchange', 'fake', '--instruments', 'x.json'], '--instruments', '--exchange fake'],
    [['run', '--exchange', 'bybit', '--exit-oco', '20:30'], '--exit-oco', '--exchange bybit'],
    [['run', '--exchange', 'binance', '--market', 'usdm', '--exit-oco', '20:30'], '--exit-oco', '--exchange binance --market usdm'],
    [['run', '--exchange', 'binance', '--requote-mode', 'amend'], '--requote-mode amend', '--exchange binance --market spot'],
    [['run', '--exchange', 'bybit', '--order-options', 'icebergQty=0.001'], '--order-options icebergQty', '--exchange bybit --category linear'],
    [['run', '--exchange', 'bybit', '--category', 'spot', '--order-options', 'reduceOnly'], '--order-options reduceOnly', '--exchange bybit --category spot'],
    [['run', '--exchange', 'binance', '--order-options', 'reduceOnly'], '--order-options reduceOnly', '--exchange binance --market spot'],
    [['run', '--exchange', 'binance', '--market', 'usdm', '--order-options', 'icebergQty=0.001'], '--order-options icebergQty', '--exchange binance --market usdm'],
    [['run', '--exchange', 'fake', '--order-options', 'icebergQty=0.001'], '--order-options icebergQty', '--exchange fake'],
    [['run', '--exchange', 'fake', '--api-env', 'prod'], '--api-env', '--exchange fake'],
    [['run', '--recv-window', '1000'], '--recv-window', '--exchange fake'],
    [['run', '--mode', 'dryrun'], '--mode dryrun', '--exchange fake'],
    [['run', '--secrets', join(TMP, 'no-such-secrets.json')], '--secrets', '--exchange fake'],
    [['run', '--journal', join(TMP, 'venue-flags-journal.jsonl')], '--journal', '--exchange fake'],
    [['run', '--exchange', 'bybit', '--feed', 'live', '--rest-url', 'http://127.0.0.1:1'], '--rest-url', '--exchange bybit'],
    [['record', '--exchange', 'binance', '--category', 'linear', '--symbols', 'BTCUSDT', '--out', 'x.jsonl'], '--category', '--exchange binance'],
    [['record', '--exchange', 'bybit', '--market', 'spot', '--symbols', 'BTCUSDT', '--out', 'x.jsonl'], '--market', '--exchange bybit'],
    [['record', '--exchange', 'bybit', '--rest-url', 'http://127.0.0.1:1', '--symbols', 'BTCUSDT', '--out', 'x.jsonl'], '--rest-url', '--exchange bybit'],
    [['sign', '--exchange', 'binance', '--method', 'GET', '--query', 'a=1', '--placeholder'], '--method', '--exchange binance'],
    [['sign', '--exchange', 'binance', '--recv-window', '1000', '--query', 'a=1', '--placeholder'], '--recv-window', '--exchange binance'],
    [['sign', '--exchange', 'binance', '--timestamp', '1', '--query', 'a=1', '--placeholder'], '--timestamp', '--exchange binance'],
  ] as const)('%j is refused with exit 2 naming %s and %s', async (args, flag, venue) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`^error: ${flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not apply to ${venue}: `));
  });

  it('the defaults of those flags are not mistaken for given flags', async () => {
    const { code } = await cli(['sign', '--exchange', 'binance', '--query', 'a=1', '--placeholder']);
    expect(code).toBe(0);
  });
});

describe('choice values are case-insensitive in every command', () => {
  it('run: every choice option takes any case and reports the canonical value', () => {
    const config = parseRunOptions({
      exchange: 'BYBIT',
      category: 'Linear',
      mode: 'DRYRUN',
      apiEnv: 'Prod',
      fillModel: 'QUEUE',
      queueCancels: 'Behind-First',
      requoteMode: 'AMEND',
      cancelMode: 'Cancel-All',
      unfreeze: 'AUTO:5000',
      orderOptions: 'POSTONLY,TimeInForce=gtc',
    });
    expect([config.venue.name, config.venue.market, config.mode, config.apiEnv, config.fills.model, config.fills.model === 'queue' ? config.fills.queueCancels : null, config.strategy.requoteMode, config.strategy.cancelMode, config.risk.unfreeze]).toEqual([
      'bybit',
      'linear',
      'dryrun',
      'prod',
      'queue',
      'behind-first',
      'amend',
      'cancel-all',
      'auto:5000',
    ]);
    expect(config.strategy.orderOptions).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: false });
    expect(parseRunOptions({ exchange: 'Binance', market: 'USDM' }).venue.market).toBe('usdm');
    expect(parseRunOptions({ unfreeze: 'Manual' }).risk.unfreeze).toBe('manual');
    expect(parseRunOptions({ feed: 'SYNTHETIC' }).feed.kind).toBe('synthetic');
    // The kind is a choice; the file name after it keeps its case.
    expect(parseRunOptions({ exchange: 'binance', feed: 'Replay:Data/BTC.jsonl' }).feed).toEqual({ kind: 'replay', file: 'Data/BTC.jsonl' });
  });

  it('record: --exchange, --market and --category take any case', () => {
    expect(parseRecordOptions({ exchange: 'BINANCE', market: 'USDM', symbols: 'btcusdt', out: 'x' })).toMatchObject({ venue: 'binance', market: 'usdm', symbols: ['BTCUSDT'] });
    expect(parseRecordOptions({ exchange: 'Bybit', category: 'SPOT', symbols: 'BTCUSDT', out: 'x' })).toMatchObject({ venue: 'bybit', market: 'spot' });
  });

  it('sign: --exchange, --method and --api-env take any case', async () => {
    const bybit = await cli(['sign', '--exchange', 'BYBIT', '--method', 'get', '--query', 'a=1', '--api-env', 'DEV', '--timestamp', '1', '--placeholder']);
    expect(bybit.code).toBe(0);
    expect(JSON.parse(bybit.stdout)).toMatchObject({ exchange: 'bybit', method: 'GET', credentials: { api_env: 'dev' } });
    const binance = await cli(['sign', '--exchange', 'Binance', '--query', 'a=1', '--api-env', 'Soak', '--placeholder']);
    expect(binance.code).toBe(0);
    expect(JSON.parse(binance.stdout)).toMatchObject({ exchange: 'binance', credentials: { api_env: 'soak' } });
  });
});
