// Covers SeriesSampler through a composed synthetic run: samples on the virtual-time grid (and one at the end), every fill and risk event at its time, exact values, and a report byte-identical to the run without --series.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { composeRun } from '../../src/app/compose.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import type { RunInput } from '../../src/app/config/run-input.js';
import { canonicalJson } from '../../src/core/report/canonical-json.js';
import { toCsv, toJsonLines } from '../../src/core/report/series-format.js';
import type { SeriesRecord } from '../../src/core/report/series-record.js';
import { runSession } from '../../src/engine/run-session.js';

const TOOL = { name: 'shadow-exec', version: '0' };
const T0 = Date.parse('2025-01-01T00:00:00.000Z');

async function run(input: RunInput, seriesEveryMs: number | null): Promise<{ report: string; records: SeriesRecord[] | null; json: unknown }> {
  const composed = composeRun(validateRunConfig(input), TOOL, { seriesEveryMs });
  const result = await runSession(composed, { stopRequested: () => false, yieldSlice: async () => undefined });
  return { report: canonicalJson(result.report), records: composed.series?.records() ?? null, json: result.report };
}

describe('SeriesSampler', () => {
  it('samples every 1 s of virtual time and once more at the end; 50 updates at 100 ms, seed 7: 6 samples and 3 fills', async () => {
    const { records } = await run({ iterations: '50', seed: '7' }, 1000);
    const samples = records!.filter((r) => r.type === 'sample');
    expect(samples.map((r) => r.ts_ms - T0)).toEqual([0, 1000, 2000, 3000, 4000, 4950]);
    expect(records!.filter((r) => r.type === 'fill').map((r) => [r.ts_ms - T0, r.side, r.price, r.liquidity, r.fee_usd])).toEqual([
      [1500, 'BUY', '93406.5', 'MAKER', '0.0934065'],
      [4000, 'SELL', '93571.4', 'MAKER', '0.0935714'],
      [4200, 'BUY', '93389.7', 'MAKER', '0.0933897'],
    ]);
    expect(records!.length).toBe(9);
  });

  it('records a sample as the state after every event at or before its time, money as decimal strings', async () => {
    const { records } = await run({ iterations: '50', seed: '7' }, 1000);
    expect(records!.find((r) => r.type === 'sample' && r.ts_ms === T0 + 2000)).toEqual({
      type: 'sample',
      ts_ms: T0 + 2000,
      utc: '2025-01-01T00:00:02.000Z',
      symbol: 'BTCUSDT',
      mid: '93488.9',
      bid: '93389.7',
      ask: '93571.4',
      position: '0.005',
      inventory_usd: '467.4445',
      realized_pnl_usd: '0',
      unrealized_pnl_usd: '0.412',
      fees_usd: '0.0934065',
      total_pnl_usd: '0.3185935',
      net_edge_bps: '8',
      edge_threshold_bps: '2',
      open_orders: 2,
      risk_state: 'ACTIVE',
    });
    // A fill at the same ms as a sample comes first: the sample shows its effect.
    const at4000 = records!.filter((r) => r.ts_ms === T0 + 4000).map((r) => r.type);
    expect(at4000).toEqual(['fill', 'sample']);
  });

  it('ends on the report\'s own figures: the last sample is the final state (quotes cancelled, PnL as reported)', async () => {
    const { records, json } = await run({ iterations: '50', seed: '7' }, 1000);
    const last = records!.filter((r) => r.type === 'sample').at(-1)!;
    const pnl = (json as { pnl: { by_symbol: Record<string, Record<string, string>> } }).pnl.by_symbol['BTCUSDT']!;
    expect([last.total_pnl_usd, last.realized_pnl_usd, last.unrealized_pnl_usd, last.fees_usd]).toEqual([pnl['total'], pnl['realized'], pnl['unrealized'], pnl['fees']]);
    expect([last.bid, last.ask, last.open_orders]).toEqual([null, null, 0]);
  });

  it('leaves the report byte-identical to the same run without --series', async () => {
    const input = { iterations: '300', seed: '42', edgeThreshold: '7', maxInv: '600' };
    const [plain, sampled] = await Promise.all([run(input, null), run(input, 250)]);
    expect(sampled.report).toBe(plain.report);
    expect(plain.records).toBeNull();
  });

  it('gives the same bytes for the same seed and flags, in JSON Lines and in CSV', async () => {
    const input = { iterations: '200', seed: '3', symbols: 'BTCUSDT,ETHUSDT' };
    const a = (await run(input, 500)).records!;
    const b = (await run(input, 500)).records!;
    expect(toJsonLines(b)).toBe(toJsonLines(a));
    expect(toCsv(b)).toBe(toCsv(a));
    // Two symbols: one sample per symbol per time, in the configured symbol order.
    const samples = a.filter((r) => r.type === 'sample');
    expect(samples.slice(0, 2).map((r) => r.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(samples.length).toBe(2 * 41);
  });

  it('records the freeze and the state change at their own ms, and blocks between two samples as one burst per reason', async () => {
    const { records } = await run({ iterations: '300', seed: '42', edgeThreshold: '7', maxInv: '600' }, 1000);
    const events = records!.filter((r) => r.type !== 'sample' && r.type !== 'fill');
    expect(events[0]).toEqual({ type: 'blocks', ts_ms: T0 + 1000, utc: '2025-01-01T00:00:01.000Z', reason: 'MAX_INVENTORY', count: 1, since_ms: T0 });
    const blocks = events.filter((r) => r.type === 'blocks').reduce((n, r) => n + (r.count as number), 0);
    expect(blocks).toBeGreaterThan(0);
    const frozen = await run({ iterations: '600', seed: '42', edgeThreshold: '7' }, 1000);
    expect(frozen.records!.filter((r) => r.type === 'freeze' || r.type === 'risk_state')).toEqual([
      { type: 'freeze', ts_ms: T0 + 12_800, utc: '2025-01-01T00:00:12.800Z', symbol: 'BTCUSDT', reason: 'EDGE_BELOW_THRESHOLD', source: 'auto', net_edge_bps: '6.7103', edge_threshold_bps: '7' },
      { type: 'risk_state', ts_ms: T0 + 12_800, utc: '2025-01-01T00:00:12.800Z', from: 'ACTIVE', to: 'FROZEN', reason: 'EDGE_BELOW_THRESHOLD', source: 'auto' },
    ]);
    expect(frozen.records!.filter((r) => r.type === 'sample' && r.ts_ms >= T0 + 13_000).every((r) => r.risk_state === 'FROZEN' && r.open_orders === 0)).toBe(true);
  });

  it('gives in batches taken between slices of the run (--series-out streaming) exactly the records of the whole run, in JSON Lines and CSV', async () => {
    const input = { iterations: '600', seed: '42', edgeThreshold: '7' };
    const whole = (await run(input, 250)).records!;
    const composed = composeRun(validateRunConfig(input), TOOL, { seriesEveryMs: 250 });
    const batches: SeriesRecord[][] = [];
    const result = await runSession(composed, { stopRequested: () => false, yieldSlice: async () => undefined, sliceEvents: 16, onProgress: () => void batches.push(composed.series!.takeRecords()) });
    batches.push(composed.series!.takeRecords());
    expect(result.status).toBe('completed');
    // Many batches, each smaller than the series (the sampler holds one slice), the freeze among them.
    expect(batches.filter((b) => b.length > 0).length).toBe(41);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThan(whole.length / 10);
    expect(batches.flat().filter((r) => r.type === 'freeze').map((r) => r.ts_ms - T0)).toEqual([12_800]);
    expect(batches.map(toJsonLines).join('')).toBe(toJsonLines(whole));
    expect(toCsv([]) + batches.map((b) => toCsv(b).slice(toCsv([]).length)).join('')).toBe(toCsv(whole));
    expect(composed.series!.takeRecords()).toEqual([]);
  });
});
