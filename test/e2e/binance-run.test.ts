// End-to-end `shadow-exec run --exchange binance`: spot defaults and filters, USD-M reduce-only and GTX, LIMIT_MAKER, iceberg parts, exit OCOs, 429/418 storm vs throttling, dry-run journal signatures and secrets.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money/decimal.js';
import { runVenue } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-binance-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NO_KEYS = { BINANCE_API_KEY: '', BINANCE_SECRET_KEY: '', BINANCE_API_KEY_DEV: '', BINANCE_SECRET_KEY_DEV: '' };
const KEY = 'e2eBINANCEkey0123456789';
const SECRET = 'e2e-BINANCE-secret-never-printed-4b3a';

const run = (args: string[], env: NodeJS.ProcessEnv = NO_KEYS): ReturnType<typeof runVenue> => runVenue('binance', args, env);

describe('shadow-exec run --exchange binance (spot)', () => {
  it('runs spot BTCUSDT with Binance fees 10/10, the bundled filters and the venue API section', async () => {
    const r = await run(['--spread-bps', '40', '--iterations', '300', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.execution.status).toBe('completed');
    expect(r.report.config).toMatchObject({ exchange: 'binance', market: 'spot', maker_fee_bps: '10', taker_fee_bps: '10' });
    expect(r.report.model.venue).toMatchObject({ venue: 'binance', market: 'spot', fees: { maker_bps: '10', taker_bps: '10' } });
    expect(r.report.model.venue.instruments.BTCUSDT).toMatchObject({
      tick_size: '0.01000000',
      lot_size: '0.00001000',
      min_qty: '0.00001000',
      max_qty: '9000.00000000',
      min_price: '0.01000000',
      max_price: '1000000.00000000',
      notional_filter: 'NOTIONAL',
      min_notional: '5.00000000',
      max_notional: '9000000.00000000',
      iceberg_parts: 10,
      max_num_orders: 200,
      taken_at: null,
    });
    expect(r.report.venue_api.market).toBe('spot');
    expect(r.report.venue_api.endpoints['POST /api/v3/order'].sent).toBe(r.report.orders.placed);
    expect(r.report.venue_api.endpoints['DELETE /api/v3/order'].sent).toBe(r.report.orders.cancels_sent);
    expect(r.report.venue_api.dry_run).toBeNull();
    expect(r.report.fills.count).toBeGreaterThan(0);
  });

  it('rejects LIMIT_MAKER quotes that would take with -2010 in a volatile market with latency, and never takes', async () => {
    // Requotes only every 20 bps keep the order rate under the spot ORDERS budget, so nothing waits in the client queue.
    const r = await run(['--spread-bps', '40', '--order-options', 'postOnly', '--volatility-bps', '6', '--latency-ms', '1000', '--requote-bps', '20', '--edge-threshold', '-50', '--iterations', '400', '--quiet']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.report.orders.rejects_by_code)).toEqual(['-2010']);
    expect(r.report.orders.rejects_by_code['-2010']).toBeGreaterThan(0);
    expect(r.report.fills.taker).toBe(0);
    expect(r.report.model.venue.order_options.post_only).toBe(true);
  });

  // filters.md ICEBERG_PARTS: "CEIL(qty / icebergQty)" must not exceed the limit (10 on bundled BTCUSDT). A 500 USDT quote
  // near 93 500 is 0.00533–0.00536 BTC: icebergQty 0.0001 → 54 parts, 0.00053 → 11, 0.00054 → 10.
  it.each([['0.0001'], ['0.00053']])('rejects every order with -1013 ICEBERG_PARTS when icebergQty=%s makes more than 10 parts', async (icebergQty) => {
    const r = await run(['--spread-bps', '40', '--order-options', `icebergQty=${icebergQty}`, '--iterations', '100', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.model.venue.instruments.BTCUSDT.iceberg_parts).toBe(10);
    // placed counts creates that left the client; those cancelled while the throttle held them were never sent, so never rejected.
    const { orders } = r.report;
    expect(orders.rejects_by_code).toEqual({ '-1013': orders.placed });
    expect(orders.rejected).toBe(orders.placed);
    expect(orders.requested).toBe(orders.placed + orders.dropped_before_send + orders.queued_at_end);
    expect(r.report.fills.count).toBe(0);
  });

  it('accepts icebergs of exactly 10 parts (icebergQty=0.00054), shows the option in config and model and fills them a visible slice at a time', async () => {
    const r = await run(['--spread-bps', '40', '--order-options', 'icebergQty=0.00054', '--iterations', '300', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.orders.rejects_by_code).toEqual({});
    expect(r.report.model.venue.order_options).toEqual({ iceberg_qty: '0.00054', post_only: false, reduce_only: false, time_in_force: 'GTC' });
    expect(r.report.config.order_options).toEqual(r.report.model.venue.order_options);
    expect(r.report.fills.count).toBeGreaterThan(0);
    // The probabilistic model fills an iceberg one visible slice per fill: 0.00054 each, the last slice what is left.
    for (const fill of r.report.fills.recent) expect(new Decimal(fill.qty).lte('0.00054')).toBe(true);
    expect(r.report.fills.model.iceberg_refreshes).toBeGreaterThan(0);
  });

  it('keeps exit OCOs on the position; every OCO placed ends exactly once and nothing is left open', async () => {
    const r = await run(['--spread-bps', '40', '--exit-oco', '15:25', '--fill-rate', '0.2', '--iterations', '1000', '--quiet']);
    expect(r.code).toBe(0);
    const { orders } = r.report;
    expect(orders.exit_ocos.placed).toBeGreaterThan(0);
    expect(orders.rejects_by_code).toEqual({});
    const ended = (orders.venue_cancels.OCO_OTHER_LEG_FILLED ?? 0) + (orders.venue_cancels.OCO_LIST_CANCELED ?? 0) + (orders.venue_cancels.OCO_STOP_TRIGGERED ?? 0);
    // exit_ocos.placed counts lists that left the client; one cancelled while the throttle held it was never sent.
    const oco = orders.exit_ocos;
    expect(ended).toBe(oco.placed);
    expect(oco.requested).toBe(oco.placed + oco.dropped_before_send + oco.queued_at_end);
    expect(orders.open_at_end).toBe(0);
    expect(r.report.venue_api.endpoints['POST /api/v3/orderList/oco'].sent).toBe(oco.placed);
    // Legs are counted like orders: every leg sent ends once, filled, canceled or rejected.
    expect(oco.legs_placed).toBe(2 * oco.placed);
    expect(oco.legs_filled + oco.legs_canceled + oco.legs_rejected).toBe(oco.legs_placed);
    expect(r.report.config.exit_oco).toEqual({ take_profit_bps: '15', stop_loss_bps: '25' });
  });

  it('triggers OCO stops in a faster market: the venue cancels the take profit, and every accepted list ends once', async () => {
    const r = await run(['--spread-bps', '40', '--exit-oco', '40:5', '--fill-rate', '0.1', '--volatility-bps', '2', '--requote-bps', '10', '--edge-threshold', '-100', '--iterations', '1500', '--quiet']);
    expect(r.code).toBe(0);
    const { orders } = r.report;
    expect(orders.exit_ocos.stops_triggered).toBeGreaterThan(0);
    expect(orders.venue_cancels.OCO_STOP_TRIGGERED).toBe(orders.exit_ocos.stops_triggered);
    // An OCO refused on arrival (-2010, the prices no longer straddle the market) rejects both legs and never ends.
    const refusedLists = (orders.rejects_by_code['-2010'] ?? 0) / 2;
    const ended = (orders.venue_cancels.OCO_OTHER_LEG_FILLED ?? 0) + (orders.venue_cancels.OCO_LIST_CANCELED ?? 0) + orders.venue_cancels.OCO_STOP_TRIGGERED;
    expect(ended + refusedLists).toBe(orders.exit_ocos.placed);
    expect(orders.exit_ocos.legs_rejected).toBe(2 * refusedLists);
    expect(orders.open_at_end).toBe(0);
  });
});

describe('shadow-exec run --exchange binance --market usdm', () => {
  it('rejects every reduce-only order with -2022 while the position is flat', async () => {
    const r = await run(['--market', 'usdm', '--order-options', 'reduceOnly', '--iterations', '50', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.model.venue).toMatchObject({ market: 'usdm', fees: { maker_bps: '2', taker_bps: '5' } });
    expect(r.report.orders.rejects_by_code).toEqual({ '-2022': r.report.orders.placed });
    expect(r.report.orders.placed).toBeGreaterThan(0);
    expect(r.report.fills.count).toBe(0);
  });

  it('rejects GTX quotes that would take with -5022 and never takes liquidity with them', async () => {
    const r = await run(['--market', 'usdm', '--order-options', 'postOnly', '--volatility-bps', '6', '--latency-ms', '300', '--edge-threshold', '-50', '--iterations', '400', '--quiet']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.report.orders.rejects_by_code)).toEqual(['-5022']);
    expect(r.report.orders.rejects_by_code['-5022']).toBeGreaterThan(0);
    expect(r.report.fills.taker).toBe(0);
    expect(r.report.fills.maker).toBeGreaterThan(0);
  });
});

describe('shadow-exec run --exchange binance: rate limits', () => {
  const storm = ['--iterations', '1500', '--interval-ms', '20', '--latency-ms', '0', '--requote-bps', '0', '--volatility-bps', '5', '--edge-threshold', '-100', '--spread-bps', '40', '--quiet'];

  it('answers a storm with one 429, then bans the IP: every later order gets 418 for the rest of the run', async () => {
    const r = await run([...storm, '--no-throttle']);
    expect(r.code).toBe(0);
    const limits = r.report.venue_api.rate_limits;
    // Two orders per update every 20 ms: 50 orders fill the first 10 s window by 480 ms; at 500 ms the bid gets 429 and
    // the ask, at the same instant, has not backed off: a 2 min ban that outlasts the 30 s run.
    expect(r.report.orders.rejects_by_code).toEqual({ HTTP_429: 1, HTTP_418: r.report.orders.placed - 51 });
    expect(limits).toMatchObject({ throttle: false, http_429: 1, ip_bans: 1, banned_until_utc: '2025-01-01T00:02:00.500Z' });
    expect(limits.http_418).toBeGreaterThanOrEqual(r.report.orders.placed - 51);
    expect(limits.limits.ORDERS_10S.peak).toBe(50);
  });

  it('holds requests instead under throttling: no 429, and every peak within 80 % of its limit', async () => {
    const r = await run(storm);
    expect(r.code).toBe(0);
    const limits = r.report.venue_api.rate_limits;
    expect(r.report.orders.rejects_by_code).toEqual({});
    expect(limits).toMatchObject({ throttle: true, http_429: 0, http_418: 0, ip_bans: 0 });
    expect(limits.throttled_requests).toBeGreaterThan(0);
    for (const limit of Object.values<any>(limits.limits)) expect(limit.peak).toBeLessThanOrEqual((limit.limit * 80) / 100);
    expect(limits.limits.ORDERS_10S.peak).toBe(40);
  });
});

describe('shadow-exec run --exchange binance --mode dryrun', () => {
  it('journals every USD-M request signed with the environment key; neither key nor secret appears in any output', async () => {
    const journal = join(tmp, 'usdm.jsonl');
    const r = await run(['--market', 'usdm', '--mode', 'dryrun', '--journal', journal, '--iterations', '80'], { ...NO_KEYS, BINANCE_API_KEY: KEY, BINANCE_SECRET_KEY: SECRET });
    expect(r.code).toBe(0);
    const text = readFileSync(journal, 'utf8');
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(r.report.venue_api.dry_run.rendered_requests);
    expect(lines.length).toBe(r.report.orders.placed + r.report.orders.cancels_sent);
    for (const line of lines) {
      expect(line.headers).toEqual({ 'X-MBX-APIKEY': 'e2e…***' });
      expect(line.body).toBe('');
      const at = line.query.lastIndexOf('&signature=');
      expect(line.query.slice(at + 11)).toBe(createHmac('sha256', SECRET).update(line.query.slice(0, at)).digest('hex'));
      expect(line.query).toContain(`&recvWindow=5000&timestamp=${line.send_ms}&signature=`);
      expect([line.method, line.path]).toEqual(line.kind === 'create' ? ['POST', '/fapi/v1/order'] : ['DELETE', '/fapi/v1/order']);
    }
    expect(r.report.venue_api.dry_run.credentials).toEqual({ source: 'env', api_env: 'dev', api_key: 'e2e…***' });
    expect(r.stderr).toContain('signing with binance key e2e…***');
    for (const output of [text, r.stdout, r.stderr]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(KEY);
    }
  });
});
