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

/** A report that traded nothing, with `patch` merged over the top-level sections. */
function quietReport(patch: Record<string, unknown>): never {
  const base = {
    tool: 'shadow-exec',
    version: 'test',
    seed: 1,
    config: { spread_bps: '20', stale_ms: null, max_drawdown_usd: null, fill_model: 'probabilistic', order_options: { reduce_only: false, post_only: false } },
    execution: { exchange: 'bybit', mode: 'shadow', feed: 'synthetic', status: 'completed', market_updates: 3 },
    orders: { placed: 4, filled: 0, canceled: 4, rejected: 0, risk_blocks: 0 },
    pnl: { total: '0', realized: '0', unrealized: '0', fees: '0', by_symbol: {} },
    fills: { count: 0, by_symbol: {} },
    positions: { by_symbol: {} },
    risk: { blocks_by_reason: {}, frozen: false, freeze_events: 0, freezes: [] },
  };
  return { ...base, ...patch } as never;
}

function whyLines(report: never): string[] {
  return formatSummary(report, plain, { sink: 'stdout', wallMs: 1 })
    .split('\n')
    .filter((l) => l.startsWith('  why: '));
}

describe('formatSummary numbers', () => {
  it('prints USDT amounts to the cent, prices as prices (entry and mark), counts without separators', () => {
    const text = formatSummary(
      {
        ...(quietReport({}) as object),
        execution: { exchange: 'fake', mode: 'shadow', feed: 'synthetic', status: 'completed', market_updates: 6000 },
        pnl: { total: '229.26273364', realized: '281.93083485926', unrealized: '-0.001', fees: '57.15676636', by_symbol: { BTCUSDT: { total: '-1.005' } } },
        fills: { count: 1299, by_symbol: { BTCUSDT: { count: 1299, maker: 1299, taker: 0 } } },
        positions: { by_symbol: { BTCUSDT: { qty: '-0.015', avg_entry_price: '93307.54989827', mark_price: '93217.1' } } },
      } as never,
      plain,
      { sink: 'stdout', wallMs: 12 },
    );
    expect(text).toContain('  BTCUSDT   fills 1299 (1299 maker, 0 taker)  position -0.015 @ 93307.54989827  mark 93217.1  pnl -1.00 USDT');
    expect(text).toContain('  pnl: total +229.26 USDT (realized 281.93, unrealized 0.00, fees 57.16)');
    expect(text).toContain('  6000 market updates in 12 ms wall');
    expect(text).not.toMatch(/\d,\d{3}/);
  });
});

describe('formatSummary says why a run could not trade, with the flag that changes it', () => {
  it('spread below fees: the edge freeze at the start names the spread that clears the threshold', () => {
    const report = quietReport({
      risk: {
        blocks_by_reason: {},
        frozen: true,
        freezes: [{ utc: '2025-01-01T00:00:00.000Z', reason: 'EDGE_BELOW_THRESHOLD', symbol: 'BTCUSDT', net_edge_bps: '-5', threshold_bps: '2', orders_cancelled: 0 }],
        edge_by_symbol: { BTCUSDT: { half_spread_bps: '5', maker_fee_bps: '10', adverse_selection_bps: '0' } },
      },
      config: { spread_bps: '10', order_options: {} },
    });
    expect(whyLines(report)).toEqual([
      "  why: BTCUSDT's net edge -5 bps (half spread 5 − maker fee 10 − adverse selection 0) fell below --edge-threshold 2: set --spread-bps to at least 24 (now 10), or lower --edge-threshold",
    ]);
  });

  it('a manual freeze names the control file and SIGUSR2, never null fields', () => {
    const report = quietReport({
      risk: { blocks_by_reason: {}, frozen: true, freezes: [{ utc: '2025-01-01T00:00:09.000Z', reason: 'MANUAL', symbol: null, net_edge_bps: null, threshold_bps: null, orders_cancelled: 0 }] },
    });
    const text = formatSummary(report, plain, { sink: 'stdout', wallMs: 1 });
    expect(whyLines(report)).toEqual(['  why: an operator froze the run: append a line "unfreeze" to the --control file, or send SIGUSR2']);
    expect(text).not.toContain('null');
  });

  it('postOnly + reduceOnly from flat: every order refused, drop reduceOnly', () => {
    const report = quietReport({
      config: { fill_model: 'probabilistic', order_options: { reduce_only: true, post_only: true } },
      orders: { placed: 202, filled: 0, canceled: 0, rejected: 202, risk_blocks: 0 },
    });
    expect(whyLines(report)).toEqual(['  why: the venue refused every order: reduceOnly orders can only shrink a position and the run starts flat: drop reduceOnly from --order-options']);
  });

  it('trade-through on a feed without trades: use the probabilistic model or record trades', () => {
    const report = quietReport({
      config: { fill_model: 'trade-through', order_options: {} },
      market_data: { loop: { trades: 0, quotes: 38 } },
    });
    expect(whyLines(report)).toEqual([
      '  why: no fills: --fill-model trade-through fills only from trades and a crossing touch, and the feed delivered no trades: use --fill-model probabilistic, or record a trade stream',
    ]);
  });

  it('says nothing when the run filled, or froze and unfroze again', () => {
    expect(whyLines(quietReport({ fills: { count: 3, by_symbol: {} } }))).toEqual([]);
    expect(
      whyLines(quietReport({ fills: { count: 3, by_symbol: {} }, risk: { blocks_by_reason: {}, frozen: false, freezes: [{ reason: 'MANUAL', symbol: null }] } })),
    ).toEqual([]);
  });
});
