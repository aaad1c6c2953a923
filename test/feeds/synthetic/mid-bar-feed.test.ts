// Covers --bars on the synthetic feed (MidBarFeed) and on a replay: bars of every resolution reach the strategy's onBar with exact OHLCV, before the quote that completed them.
import { describe, expect, it } from 'vitest';
import { composeRun } from '../../../src/app/compose.js';
import { validateRunConfig } from '../../../src/app/config/validate-run-config.js';
import type { RunInput } from '../../../src/app/config/run-input.js';
import { loadAllFeedModules } from '../../../src/app/feed-modules.js';
import { loadAllVenues } from '../../../src/app/venue-registry.js';
import type { LoadedPlugin } from '../../../src/app/strategy-wiring.js';
import { runSession } from '../../../src/engine/run-session.js';
import type { StrategyBar, StrategyDefinition } from '../../../src/ports/strategy.js';

interface Seen {
  readonly mids: { ts: number; mid: number }[];
  readonly bars: StrategyBar[];
  /** Callback order: 'q@ts' and 'b<res>@ts'. */
  readonly order: string[];
}

/** A plug-in (as loaded) that quotes nothing and records every mid and bar it hears. */
function recorder(seen: Seen): LoadedPlugin {
  const definition: StrategyDefinition = {
    name: 'recorder',
    version: '0',
    description: 'records mids and bars',
    create: () => ({
      onQuote: (_symbol, quote, mid) => {
        seen.mids.push({ ts: quote.ts, mid });
        seen.order.push(`q@${quote.ts}`);
      },
      onBar: (_symbol, bar) => {
        seen.bars.push(bar);
        seen.order.push(`b${bar.resolutionMs}@${bar.ts}`);
      },
    }),
  };
  return { definition, url: 'file:///recorder.mjs', identity: { file: 'recorder.mjs', sha256: '0'.repeat(64) } };
}

async function runWith(input: RunInput): Promise<Seen> {
  await loadAllVenues();
  await loadAllFeedModules();
  const seen: Seen = { mids: [], bars: [], order: [] };
  const run = composeRun(validateRunConfig({ strategy: './recorder.mjs', ...input }), { name: 't', version: '0' }, { plugin: recorder(seen) });
  await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve() });
  return seen;
}

/** The OHLC each epoch-aligned interval of `resolutionMs` must have, from the mids alone (intervals closed by a later mid). */
function expectedBars(mids: readonly { ts: number; mid: number }[], resolutionMs: number): [number, number, number, number, number][] {
  const out: [number, number, number, number, number][] = [];
  const last = mids[mids.length - 1]!.ts;
  const lastOpen = last - (last % resolutionMs);
  for (const { ts, mid } of mids) {
    const open = ts - (ts % resolutionMs);
    if (open >= lastOpen) break;
    const bar = out[out.length - 1];
    if (bar === undefined || bar[0] !== open) out.push([open, mid, mid, mid, mid]);
    else {
      bar[2] = Math.max(bar[2], mid);
      bar[3] = Math.min(bar[3], mid);
      bar[4] = mid;
    }
  }
  return out;
}

describe('--bars on the synthetic feed', () => {
  it('delivers 1m, 5m and 1h bars of the mids to onBar with exact OHLC, volume 0, each before the quote that completed it', async () => {
    // 2 h 10 min of 1 s updates: 129 closed 1m bars, 25 closed 5m bars, 2 closed 1h bars.
    const seen = await runWith({ bars: '1m,5m,1h', iterations: '7800', intervalMs: '1000' });
    for (const [resolution, count] of [[60_000, 129], [300_000, 25], [3_600_000, 2]] as const) {
      const bars = seen.bars.filter((b) => b.resolutionMs === resolution);
      expect(bars.length, `${resolution}`).toBe(count);
      expect(bars.map((b) => [b.openTs, b.openTicks, b.highTicks, b.lowTicks, b.closeTicks])).toEqual(expectedBars(seen.mids, resolution));
      expect(bars.every((b) => b.volumeLots === 0 && b.tradeCount === 0 && b.source === 'buffer' && b.closed && b.ts === b.openTs + resolution)).toBe(true);
    }
    const start = Date.parse('2025-01-01T00:00:00Z');
    const hour = start + 3_600_000;
    // The quote at the hour boundary opens the new bars: the three bars it completed come first, shortest first.
    const at = seen.order.indexOf(`q@${hour}`);
    expect(seen.order.slice(at - 3, at + 1)).toEqual([`b60000@${hour}`, `b300000@${hour}`, `b3600000@${hour}`, `q@${hour}`]);
  });

  it('delivers no bars without --bars', async () => {
    const seen = await runWith({ iterations: '1300', intervalMs: '1000' });
    expect(seen.bars).toEqual([]);
    expect(seen.mids.length).toBe(1300);
  });
});

describe('--bars on a replay', () => {
  it('builds each resolution from the trades: the one NKNUSDT aggTrade makes a 1m bar of 58 NKN (580 lots); its 5m bar is still open when the replay ends, so it is not delivered', async () => {
    const seen = await runWith({
      exchange: 'binance',
      instruments: 'test/fixtures/replay/binance-spot-nknusdt-exchange-info.json',
      symbols: 'NKNUSDT',
      feed: 'replay:test/fixtures/replay/binance-spot-2021-10-11.jsonl',
      bars: '1m,5m',
    });
    const built = seen.bars.filter((b) => b.source === 'buffer').map((b) => [b.resolutionMs, b.openTs, b.openTicks, b.highTicks, b.lowTicks, b.closeTicks, b.volumeLots, b.tradeCount]);
    expect(built).toEqual([
      [60_000, 1633998480000, 35280, 35280, 35280, 35280, 580, 1],
    ]);
  });
});
