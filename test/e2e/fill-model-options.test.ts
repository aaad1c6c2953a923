// End-to-end --fill-model, --queue-cancels and --latency-jitter-ms: the models on the real Binance capture through the built CLI (byte-stable, stated in the report), defaults per feed, and usage errors.
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const NKN = ['--exchange', 'binance', '--instruments', 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json', '--symbols', 'NKNUSDT'];
const CAPTURE = 'replay:test/fixtures/replay/binance-spot-2021-10-11.jsonl';
/** Quotes at the touch: the capture's one NKNUSDT aggTrade prints at the ask quote. */
const AT_TOUCH = ['run', ...NKN, '--feed', CAPTURE, '--spread-bps', '14', '--edge-threshold', '-100', '--quiet'];

describe('shadow-exec run --fill-model on a replay', () => {
  it('trade-through (the replay default) fills the ask partially, as maker, from the trade at its price', async () => {
    const r = await runCliInProcess(AT_TOUCH);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.config.fill_model).toBe('trade-through');
    expect(report.model.venue.fill_model.name).toBe('trade-through');
    // 58 of 1417.2 NKN: 1359.2 stay open.
    expect(report.fills.recent).toEqual([expect.objectContaining({ side: 'SELL', price: '0.3528', qty: '58', liquidity: 'MAKER', leaves_qty: '1359.2' })]);
    expect(report.fills.partial).toBe(1);
    expect(report.fills.model).toEqual({ fills_from_touch: 0, fills_from_trades: 1 });
  });

  it('queue puts the order behind the public size at its level: the same trade is absorbed ahead of it; the bytes are the same twice', async () => {
    const a = await runCliInProcess([...AT_TOUCH, '--fill-model', 'queue']);
    const b = await runCliInProcess([...AT_TOUCH, '--fill-model', 'queue']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.fills.count).toBe(0);
    expect(report.fills.model.ahead_depleted_by_symbol).toEqual({ NKNUSDT: { traded_qty: '58', cancelled_qty: '5476' } });
    expect(report.model.venue.fill_model.cancels_ahead).toBe('proportional');
    expect(report.model.simplifications.join('\n')).toContain('own orders take a queue place');
    // The capture's levels empty out whole, so every cancel rule leaves nothing ahead there (the rules differ in test/core/sim).
    const behind = JSON.parse((await runCliInProcess([...AT_TOUCH, '--fill-model', 'queue', '--queue-cancels', 'behind-first'])).stdout);
    expect(behind.config.queue_cancels).toBe('behind-first');
    expect(behind.model.venue.fill_model.rules.cancels).toContain('from behind the order first');
  });
});

describe('shadow-exec run --latency-jitter-ms', () => {
  it('states the jittered latency model and counts cancels that lost the race to a fill', async () => {
    const args = ['run', '--iterations', '400', '--latency-ms', '100', '--fill-rate', '0.2', '--volatility-bps', '4', '--edge-threshold', '-100', '--quiet'];
    const constant = JSON.parse((await runCliInProcess(args)).stdout);
    const jittered = JSON.parse((await runCliInProcess([...args, '--latency-jitter-ms', '200'])).stdout);
    expect(constant.model.venue.latency_model.name).toBe('constant');
    expect(constant.orders.cancel_races_lost).toBe(0);
    expect(jittered.model.venue.latency_model).toMatchObject({ name: 'uniform-jitter', base_ms: '100', jitter_ms: '200' });
    expect(jittered.config.latency_jitter_ms).toBe(200);
    expect(jittered.orders.cancel_races_lost).toBeGreaterThan(0);
  });
});

describe('shadow-exec run --fill-model usage', () => {
  it('defaults to probabilistic on the synthetic feed', async () => {
    const report = JSON.parse((await runCliInProcess(['run', '--iterations', '20', '--quiet'])).stdout);
    expect(report.config.fill_model).toBe('probabilistic');
    expect(report.config.fill_rate).toBe('0.05');
  });

  it.each([
    [['--fill-model', 'magic'], "--fill-model 'magic' is not allowed: expected probabilistic, trade-through, queue"],
    [['--fill-model', 'trade-through', '--fill-rate', '0.5'], '--fill-rate applies to --fill-model probabilistic, not trade-through'],
    [['--queue-cancels', 'proportional'], '--queue-cancels applies to --fill-model queue, not probabilistic'],
    [['--fill-model', 'queue', '--queue-cancels', 'random'], "--queue-cancels 'random' is not allowed: expected proportional, behind-first, ahead-first"],
    [['--latency-jitter-ms', '-5'], "--latency-jitter-ms '-5' is not allowed"],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(['run', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
