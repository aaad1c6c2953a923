// Covers formatSummary's freeze lines: read from risk.freezes (risk.freeze_events is a count), edge figures only for edge freezes.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../src/cli/summary.js';

const plain = new Chalk({ level: 0 });

function reportWith(freezes: unknown[]): never {
  return {
    tool: 'shadow-exec',
    version: 'test',
    seed: 1,
    execution: { exchange: 'fake', mode: 'shadow', feed: 'synthetic', status: 'completed', market_updates: 3 },
    orders: { placed: 0, filled: 0, canceled: 0, rejected: 0, risk_blocks: 0 },
    pnl: { total: '0', realized: '0', unrealized: '0', fees: '0', by_symbol: {} },
    fills: { by_symbol: {} },
    positions: { by_symbol: {} },
    risk: { blocks_by_reason: {}, freeze_events: freezes.length, freezes },
  } as never;
}

describe('formatSummary', () => {
  it('prints one FROZEN line per record of risk.freezes, with the edge figures only for an edge freeze', () => {
    const text = formatSummary(
      reportWith([
        { utc: '2025-01-01T00:00:01.500Z', reason: 'EDGE_BELOW_THRESHOLD', symbol: 'BTCUSDT', net_edge_bps: '-1.2', threshold_bps: '1', orders_cancelled: 2 },
        { utc: '2025-01-01T00:00:09.000Z', reason: 'MANUAL', symbol: null, net_edge_bps: null, threshold_bps: null, orders_cancelled: 0 },
      ]),
      plain,
      { sink: 'stdout', wallMs: 12 },
    );
    const frozen = text.split('\n').filter((l) => l.includes('FROZEN'));
    expect(frozen).toEqual([
      '  FROZEN at 2025-01-01T00:00:01.500Z: EDGE_BELOW_THRESHOLD on BTCUSDT (net edge -1.2 bps < 1 bps); 2 orders cancelled',
      '  FROZEN at 2025-01-01T00:00:09.000Z: MANUAL on every symbol; 0 orders cancelled',
    ]);
  });

  it('prints no FROZEN line when nothing froze', () => {
    expect(formatSummary(reportWith([]), plain, { sink: 'stdout', wallMs: 1 })).not.toContain('FROZEN');
  });
});
