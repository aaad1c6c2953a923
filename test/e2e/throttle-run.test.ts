// End-to-end: the headline command (Bybit and Binance dry runs whose quotes move faster than the order limit) sends at the venue's limit, counts on the wire, journals every request sent and ends with its market.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-throttle-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NO_KEYS = { BYBIT_API_KEY: '', BYBIT_API_SECRET: '', BYBIT_API_KEY_DEV: '', BYBIT_API_SECRET_DEV: '', BINANCE_API_KEY: '', BINANCE_API_SECRET: '', BINANCE_API_KEY_DEV: '', BINANCE_API_SECRET_DEV: '' };
/** 2000 updates of each symbol, 100 ms apart: 200 s of market. */
const COMMAND = ['run', '--mode', 'dryrun', '--symbols', 'BTCUSDT,ETHUSDT', '--iterations', '2000', '--volatility-bps', '5', '--quiet'];
const MARKET_MS = 199_900;

async function run(venue: string[], extra: string[] = []) {
  const journal = join(tmp, `${venue.join('-')}${extra.join('')}.jsonl`);
  const r = await runCliInProcess([...COMMAND, ...venue, '--journal', journal, ...extra], { env: NO_KEYS });
  expect(r.code).toBe(0);
  const lines = readFileSync(journal, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { path: string; method: string });
  return { report: JSON.parse(r.stdout), lines, stderr: r.stderr };
}

describe('the throttle on the headline command', () => {
  it('bybit, as a user runs it: the run ends with its market, every create intent is sent or dropped, and the edge freeze is what stops quoting', async () => {
    const { report, lines, stderr } = await run(['--exchange', 'bybit']);
    const o = report.orders;
    const creates = lines.filter((l) => l.path === '/v5/order/create').length;
    expect(creates).toBe(o.placed);
    expect(lines.filter((l) => l.path === '/v5/order/cancel').length).toBe(o.cancels_sent);
    expect(o.requested).toBe(o.placed + o.dropped_before_send + o.queued_at_end);
    expect(o.queued_at_end).toBe(0);
    expect(o.placed).toBe(o.filled + o.canceled + o.rejected + o.open_at_end);
    expect(report.execution.virtual_duration_ms).toBeLessThanOrEqual(205_000);
    // Fills come in once orders reach the venue; with 5 bps moves per update the adverse selection on BTCUSDT
    // takes its net edge under the default 2 bps threshold after 43.2 s and the run freezes (a risk decision, not the throttle).
    // (13.5 s, 140 placed, 17 fills while the spread term was the configured spread/2; the realised half-spread of the
    // loop's fills is a little wider, since quotes round away from the mid, so the edge holds longer.)
    expect(report.risk.last_freeze_reason).toBe('EDGE_BELOW_THRESHOLD');
    expect(report.risk.freezes[0].utc).toBe('2025-01-01T00:00:43.200Z');
    expect(o.placed).toBe(434);
    expect(report.fills.count).toBe(51);
    expect(stderr).not.toContain('warning');
  });

  it('bybit with the edge freeze off: creates leave at the 10/s endpoint limit for the whole market (>= 1000) and the run lasts 200 s', async () => {
    const { report, lines } = await run(['--exchange', 'bybit'], ['--edge-threshold', '-10000']);
    const o = report.orders;
    expect(lines.filter((l) => l.path === '/v5/order/create').length).toBe(o.placed);
    expect(o.placed).toBeGreaterThanOrEqual(1000);
    // 10 per rolling second for 200 s, plus the first window: at most 2010, at least 95 % of it.
    expect(o.placed).toBeLessThanOrEqual(10 * 201);
    expect(o.placed).toBeGreaterThanOrEqual(0.95 * 10 * 200);
    expect(o.requested).toBe(o.placed + o.dropped_before_send + o.queued_at_end);
    expect(o.placed).toBe(o.filled + o.canceled + o.rejected + o.open_at_end);
    expect(report.execution.virtual_duration_ms).toBeGreaterThanOrEqual(MARKET_MS);
    expect(report.execution.virtual_duration_ms).toBeLessThanOrEqual(205_000);
    expect(report.orders.rejects_by_code).toEqual({});
    expect(report.venue_api.endpoints['/v5/order/create'].peak_in_window).toBe(10);
    expect(report.venue_api.rate_limits.ip_rejected_403).toBe(0);
  });

  it.each([
    ['spot', 40],
    ['usdm', 240],
  ])('binance %s with the edge freeze off: orders leave at 80 percent of the order limits (%i per 10 s) for the whole market and the run lasts 200 s', async (market, per10s) => {
    const { report, lines } = await run(['--exchange', 'binance', '--market', String(market)], ['--edge-threshold', '-10000']);
    const o = report.orders;
    expect(lines.filter((l) => l.method === 'POST').length).toBe(o.placed);
    expect(o.requested).toBe(o.placed + o.dropped_before_send + o.queued_at_end);
    expect(o.placed).toBe(o.filled + o.canceled + o.rejected + o.open_at_end);
    expect(report.venue_api.rate_limits.limits.ORDERS_10S.peak).toBe(per10s);
    expect(report.venue_api.rate_limits.http_429).toBe(0);
    // spot: 40 per 10 s window → 800 in 200 s; USD-M: capped by 960 per minute → 3 × 960 + 2 × 240 = 3360 (+ the first window's start).
    const expected = market === 'spot' ? 800 : 3360;
    expect(o.placed).toBeGreaterThanOrEqual(0.95 * expected);
    expect(o.placed).toBeLessThanOrEqual(expected + per10s);
    expect(report.execution.virtual_duration_ms).toBeLessThanOrEqual(205_000);
  });
});
