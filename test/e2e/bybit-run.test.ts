// End-to-end `shadow-exec run --exchange bybit`: defaults, fees per category, order options, rate-limit storm, dry-run journal signatures, secrets never printed.
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess, runVenue } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-bybit-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NO_KEYS = { BYBIT_API_KEY: '', BYBIT_API_SECRET: '', BYBIT_API_KEY_DEV: '', BYBIT_API_SECRET_DEV: '' };
const KEY = 'e2eKEYabcdef123456';
const SECRET = 'e2e-SECRET-never-printed-9f8e7d';

const report = (args: string[], env: NodeJS.ProcessEnv = NO_KEYS): ReturnType<typeof runVenue> => runVenue('bybit', args, env);

describe('shadow-exec run --exchange bybit', () => {
  it('runs linear BTCUSDT by default with Bybit fees, the bundled dated instrument and the venue API section', async () => {
    const r = await report(['--iterations', '300', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.config.exchange).toBe('bybit');
    expect(r.report.config.category).toBe('linear');
    expect(r.report.model.venue.venue).toBe('bybit');
    expect(r.report.model.venue.fees).toEqual({ maker_bps: '2', taker_bps: '5.5' });
    expect(r.report.model.venue.instruments.BTCUSDT).toMatchObject({ tick_size: '0.10', lot_size: '0.001', min_notional: '5', taken_at: '2025-01-02' });
    expect(r.report.venue_api.category).toBe('linear');
    expect(r.report.venue_api.endpoints['/v5/order/create'].limit_per_window).toBe(10);
    expect(r.report.venue_api.endpoints['/v5/order/create'].sent).toBe(r.report.orders.placed);
    expect(r.report.venue_api.dry_run).toBeNull();
  });

  it('uses the spot fees and the 20/s spot limit with --category spot', async () => {
    const r = await report(['--category', 'spot', '--spread-bps', '40', '--iterations', '200', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.model.venue.fees).toEqual({ maker_bps: '10', taker_bps: '10' });
    expect(r.report.venue_api.endpoints['/v5/order/create'].limit_per_window).toBe(20);
  });

  it('rejects every reduce-only order with 110017 while the position is flat', async () => {
    const r = await report(['--order-options', 'reduceOnly', '--iterations', '50', '--quiet']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.report.orders.rejects_by_code)).toEqual(['110017']);
    expect(r.report.orders.rejects_by_code['110017']).toBe(r.report.orders.placed);
    expect(r.report.fills.count).toBe(0);
  });

  it('lets Bybit cancel post-only quotes that would take, and never takes liquidity with them', async () => {
    const r = await report(['--order-options', 'postOnly', '--volatility-bps', '6', '--latency-ms', '300', '--edge-threshold', '-50', '--iterations', '400', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.orders.venue_cancels.EC_PostOnlyWillTakeLiquidity).toBeGreaterThan(0);
    expect(r.report.fills.taker).toBe(0);
  });

  it('answers a rate-limit storm with retCode 10006 under --no-throttle, and holds requests instead without it', async () => {
    const storm = ['--iterations', '300', '--interval-ms', '20', '--latency-ms', '0', '--requote-bps', '0', '--volatility-bps', '5', '--edge-threshold', '-100', '--quiet'];
    const loose = await report([...storm, '--no-throttle']);
    expect(loose.code).toBe(0);
    expect(loose.report.orders.rejects_by_code['10006']).toBeGreaterThan(0);
    expect(loose.report.venue_api.rate_limits.throttle).toBe(false);
    const throttled = await report(storm);
    expect(throttled.report.orders.rejects_by_code).toEqual({});
    expect(throttled.report.venue_api.rate_limits.throttled_requests).toBeGreaterThan(0);
    for (const endpoint of Object.values<any>(throttled.report.venue_api.endpoints)) expect(endpoint.peak_in_window).toBeLessThanOrEqual(endpoint.limit_per_window);
  });

  it('journals every request of a dry run, signed with the environment key; the secret appears in no output', async () => {
    const journal = join(tmp, 'dry.jsonl');
    const r = await report(['--mode', 'dryrun', '--journal', journal, '--iterations', '80'], { BYBIT_API_KEY: KEY, BYBIT_API_SECRET: SECRET });
    expect(r.code).toBe(0);
    const text = readFileSync(journal, 'utf8');
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(r.report.venue_api.dry_run.rendered_requests);
    expect(lines.length).toBe(r.report.orders.placed + r.report.orders.cancels_sent);
    for (const line of lines) {
      const h = line.headers;
      expect(h['X-BAPI-API-KEY']).toBe('e2e…***');
      const expected = createHmac('sha256', SECRET).update(`${h['X-BAPI-TIMESTAMP']}${KEY}${h['X-BAPI-RECV-WINDOW']}${line.body}`).digest('hex');
      expect(h['X-BAPI-SIGN']).toBe(expected);
      expect(line.path).toBe(line.kind === 'create' ? '/v5/order/create' : '/v5/order/cancel');
    }
    expect(r.report.venue_api.dry_run.credentials).toEqual({ source: 'env', api_env: 'dev', api_key: 'e2e…***' });
    expect(r.stderr).toContain('signing with bybit key e2e…***');
    for (const output of [text, r.stdout, r.stderr]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(KEY);
    }
  });

  it('signs with the placeholder pair when no keys are set, and says so on stderr and in the report', async () => {
    const r = await report(['--mode', 'dryrun', '--iterations', '20']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('signing with the built-in placeholder pair');
    expect(r.report.venue_api.dry_run.credentials.source).toBe('placeholder');
    expect(r.report.venue_api.dry_run.journaled).toBe(false);
  });

  it('reads keys from a --secrets file for the chosen --api-env, and refuses one readable by others', async () => {
    const file = join(tmp, 'secrets.json');
    writeFileSync(file, JSON.stringify({ bybit: { soak: { apiKey: KEY, apiSecret: SECRET } } }));
    chmodSync(file, 0o600);
    const ok = await report(['--mode', 'dryrun', '--secrets', file, '--api-env', 'soak', '--iterations', '20']);
    expect(ok.code).toBe(0);
    expect(ok.report.venue_api.dry_run.credentials).toEqual({ source: 'file', api_env: 'soak', api_key: 'e2e…***' });
    chmodSync(file, 0o644);
    const open = await report(['--mode', 'dryrun', '--secrets', file, '--iterations', '20']);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('chmod 600');
    expect(open.stderr).not.toContain(SECRET);
  });

  it('exits 2 when an explicit --secrets file lacks the --api-env asked for, instead of signing with placeholders', async () => {
    const file = join(tmp, 'soak-only.json');
    writeFileSync(file, JSON.stringify({ bybit: { soak: { apiKey: KEY, apiSecret: SECRET } } }));
    chmodSync(file, 0o600);
    const r = await runCliInProcess(['run', '--exchange', 'bybit', '--mode', 'dryrun', '--secrets', file, '--api-env', 'shadow', '--iterations', '20'], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --secrets ${file} has no bybit keys for api env shadow (it has: soak) and BYBIT_API_KEY_SHADOW/BYBIT_API_SECRET_SHADOW (or BYBIT_API_KEY/BYBIT_API_SECRET) are not set: ` +
        'add {"bybit":{"shadow":{"apiKey":"…","apiSecret":"…"}}} to the file, or pick one of its api envs with --api-env\n',
    );
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--order-options', 'hidden'], ["unknown option 'hidden'", 'postOnly, reduceOnly, timeInForce=GTC|IOC|FOK']],
    [['--category', 'spot', '--order-options', 'reduceOnly'], ['reduceOnly is valid for category linear only']],
    [['--order-options', 'postOnly,timeInForce=IOC'], ['postOnly cannot be combined with timeInForce=IOC']],
    [['--category', 'inverse'], ["--category 'inverse'", 'linear, spot']],
    [['--symbols', 'DOGEUSDT'], ["'DOGEUSDT' is not a symbol of Bybit linear (bundled)", 'BTCUSDT, ETHUSDT, SOLUSDT']],
    [['--journal', 'x.jsonl'], ['--journal needs --mode dryrun']],
    [['--instruments', 'no-such-file.json'], ["--instruments 'no-such-file.json' cannot be read: no such file or directory (ENOENT)"]],
  ])('exits 2 for %j with a message naming the problem', async (args, expected) => {
    const r = await runCliInProcess(['run', '--exchange', 'bybit', ...args], { env: NO_KEYS });
    expect(r.code).toBe(2);
    for (const text of expected) expect(r.stderr).toContain(text);
    expect(r.stderr).not.toContain('    at ');
  });

  it('loads --instruments from a saved instruments-info response and names the bad field of a broken one', async () => {
    const good = join(tmp, 'instruments.json');
    const response = {
      retCode: 0,
      retMsg: 'OK',
      result: {
        category: 'linear',
        list: [{ symbol: 'BTCUSDT', status: 'Trading', baseCoin: 'BTC', quoteCoin: 'USDT', priceFilter: { minPrice: '0.50', maxPrice: '999999.50', tickSize: '0.50' }, lotSizeFilter: { maxOrderQty: '100.000', minOrderQty: '0.002', qtyStep: '0.002', minNotionalValue: '10' } }],
      },
      time: 1767225600000,
    };
    writeFileSync(good, JSON.stringify(response));
    const r = await report(['--instruments', good, '--iterations', '100', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.model.venue.instruments.BTCUSDT).toMatchObject({ tick_size: '0.50', lot_size: '0.002', min_notional: '10', taken_at: '2026-01-01', source: '--instruments instruments.json' });
    const bad = join(tmp, 'bad-instruments.json');
    writeFileSync(bad, JSON.stringify({ ...response, result: { ...response.result, list: [{ ...response.result.list[0], priceFilter: { minPrice: '0.5', maxPrice: '9', tickSize: '1e-1' } }] } }));
    const broken = await runCliInProcess(['run', '--exchange', 'bybit', '--instruments', bad], { env: NO_KEYS });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("result.list[0].priceFilter.tickSize must be a plain decimal string, got '1e-1'");
  });
});

describe('shadow-exec run --instruments given a file that is not JSON', () => {
  it('exits 2 naming the file and the position, and prints no character of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-instruments-'));
    const file = join(dir, 'keys.env');
    writeFileSync(file, 'BYBIT_API_SECRET=Zq8rT2vX9wY4\n');
    try {
      const r = await runCliInProcess(['run', '--exchange', 'bybit', '--instruments', file], { env: NO_KEYS });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--instruments '${file}' is not valid JSON: unexpected character at line 1, column 1`);
      for (const piece of ['BYBIT_API', 'Zq8rT2', 'SECRET=']) expect(r.stderr).not.toContain(piece);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
