// End-to-end `shadow-exec sign`: Bybit V5 signature and headers for a given body and timestamp, keys from the environment, the secret never printed.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'signKEY0123456789';
const SECRET = 'sign-SECRET-must-not-leak';
const NO_KEYS = { BYBIT_API_KEY: '', BYBIT_API_SECRET: '', BYBIT_API_KEY_DEV: '', BYBIT_API_SECRET_DEV: '' };

describe('shadow-exec sign --exchange bybit', () => {
  it('signs the documented POST body byte for byte and prints the X-BAPI headers with the key masked', async () => {
    const body = '{"category": "option"}';
    const r = await runCli(['sign', '--exchange', 'bybit', '--method', 'POST', '--path', '/v5/order/create', '--body', body, '--timestamp', '1658385579423', '--recv-window', '5000'], {
      env: { BYBIT_API_KEY: KEY, BYBIT_API_SECRET: SECRET },
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const expected = createHmac('sha256', SECRET).update(`1658385579423${KEY}5000${body}`).digest('hex');
    expect(out.signature).toBe(expected);
    expect(out.headers).toEqual({
      'Content-Type': 'application/json',
      'X-BAPI-API-KEY': 'sig…***',
      'X-BAPI-RECV-WINDOW': '5000',
      'X-BAPI-SIGN': expected,
      'X-BAPI-TIMESTAMP': '1658385579423',
    });
    expect(out.string_to_sign_masked).toBe('1658385579423sig…***5000{"category": "option"}');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('signs a GET query string', async () => {
    const r = await runCli(['sign', '--method', 'GET', '--query', 'category=option&symbol=BTC-29JUL22-25000-C', '--timestamp', '1658384314791'], {
      env: { BYBIT_API_KEY: KEY, BYBIT_API_SECRET: SECRET },
    });
    expect(r.code).toBe(0);
    const expected = createHmac('sha256', SECRET).update(`1658384314791${KEY}5000category=option&symbol=BTC-29JUL22-25000-C`).digest('hex');
    expect(JSON.parse(r.stdout).signature).toBe(expected);
  });

  it('exits 2 naming the variables to set when no keys are configured', async () => {
    const r = await runCli(['sign', '--body', '{}', '--timestamp', '1'], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BYBIT_API_KEY and BYBIT_API_SECRET');
  });

  it.each([
    [['--method', 'PUT', '--body', '{}'], "--method 'PUT'"],
    [['--body', '{}', '--timestamp', 'soon'], "--timestamp 'soon'"],
    [['--method', 'POST'], 'POST needs --body'],
    [['--exchange', 'kraken', '--body', '{}'], "--exchange 'kraken'"],
    [['--exchange', 'binance', '--query', 'a=1', '--timestamp', '5'], 'on binance timestamp and recvWindow are parameters inside --query'],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCli(['sign', '--placeholder', ...args], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});
