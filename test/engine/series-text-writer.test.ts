// Covers writeSeriesText (SeriesSampler.takeText): on fast-check generated runs — fills, block bursts, freezes and unfreezes, a few symbols, any interval, taken in batches or at the end — its bytes equal the plain path's, formatSeriesRows of the records.
import '../helpers/lazy-modules-setup.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeRun } from '../../src/app/compose.js';
import type { RunInput } from '../../src/app/config/run-input.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import { formatSeriesRows, type SeriesFormat } from '../../src/core/report/series-format.js';
import { runSession } from '../../src/engine/run-session.js';
import type { SeriesSampler } from '../../src/engine/series-sampler.js';

const TOOL = { name: 'shadow-exec', version: '0' };

/** The series of one run, as one byte string: each batch taken by `take` after every `slice` events and at the end. */
async function series(input: RunInput, everyMs: number, slice: number, take: (s: SeriesSampler) => Uint8Array): Promise<Buffer> {
  const run = composeRun(validateRunConfig(input), TOOL, { seriesEveryMs: everyMs });
  const parts: Uint8Array[] = [];
  await runSession(run, { stopRequested: () => false, yieldSlice: async () => undefined, sliceEvents: slice, onProgress: () => void parts.push(take(run.series!)) });
  parts.push(take(run.series!));
  return Buffer.concat(parts);
}

const plain = (format: SeriesFormat) => (s: SeriesSampler): Uint8Array => Buffer.from(formatSeriesRows(s.takeRecords(), format), 'utf8');
const fast = (format: SeriesFormat) => (s: SeriesSampler): Uint8Array => s.takeText(format);

const runs = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  iterations: fc.integer({ min: 20, max: 400 }),
  symbols: fc.constantFrom('BTCUSDT', 'BTCUSDT,ETHUSDT', 'ETHUSDT,SOLUSDT,BTCUSDT'),
  exchange: fc.constantFrom('fake', 'bybit', 'binance'),
  fillRate: fc.constantFrom('0.1', '0.5', '0.9'),
  requoteBps: fc.constantFrom('0', '1', '10'),
  volatilityBps: fc.constantFrom('1', '5', '20'),
  // Small limits: blocks (MAX_INVENTORY, MAX_ORDER_RATE), drawdown freezes and auto unfreezes.
  maxInv: fc.option(fc.constantFrom('0.001', '0.01', '0.05'), { nil: undefined }),
  maxOrdersPerSec: fc.option(fc.constantFrom('1', '4', '5'), { nil: undefined }),
  maxDrawdown: fc.option(fc.constantFrom('0.5', '1', '3'), { nil: undefined }),
  edgeThreshold: fc.constantFrom('2', '-10000', '20'),
  everyMs: fc.constantFrom(1, 7, 100, 250, 1000, 2500, 60_000),
  slice: fc.constantFrom(3, 16, 257, 1 << 20),
  format: fc.constantFrom<SeriesFormat>('jsonl', 'csv'),
});

describe('writeSeriesText', () => {
  it('writes the bytes of formatSeriesRows(takeRecords()) for every generated run, batch size and format', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async (r) => {
        const input: RunInput = {
          seed: String(r.seed),
          iterations: String(r.iterations),
          symbols: r.symbols,
          exchange: r.exchange,
          fillRate: r.fillRate,
          requoteBps: r.requoteBps,
          volatilityBps: r.volatilityBps,
          edgeThreshold: r.edgeThreshold,
          unfreeze: 'auto:500',
          ...(r.maxInv === undefined ? {} : { maxInv: r.maxInv }),
          ...(r.maxOrdersPerSec === undefined ? {} : { maxOrdersPerSec: r.maxOrdersPerSec }),
          ...(r.maxDrawdown === undefined ? {} : { maxDrawdown: r.maxDrawdown }),
        };
        const expected = await series(input, r.everyMs, r.slice, plain(r.format));
        const actual = await series(input, r.everyMs, r.slice, fast(r.format));
        expect(actual.toString('utf8')).toBe(expected.toString('utf8'));
      }),
      { numRuns: 60, seed: 20 },
    );
  });

  it('writes fills, block bursts, a freeze and its unfreeze as the plain path does (a run that has each)', async () => {
    const input: RunInput = { seed: '42', iterations: '1200', maxDrawdown: '1', unfreeze: 'auto:1000', maxOrdersPerSec: '4' };
    const expected = (await series(input, 1000, 64, plain('jsonl'))).toString('utf8');
    const types = new Set(expected.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { type: string }).type));
    expect([...types].sort()).toEqual(['blocks', 'fill', 'freeze', 'risk_state', 'sample', 'unfreeze']);
    expect((await series(input, 1000, 64, fast('jsonl'))).toString('utf8')).toBe(expected);
    expect((await series(input, 1000, 64, fast('csv'))).toString('utf8')).toBe((await series(input, 1000, 64, plain('csv'))).toString('utf8'));
  });
});
