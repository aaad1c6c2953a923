// End-to-end `shadow-exec sign`: Bybit V5 signature and headers for a given body and timestamp, keys from the environment, the secret never printed.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';

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
    const r = await runCliInProcess(['sign', '--method', 'GET', '--query', 'category=option&symbol=BTC-29JUL22-25000-C', '--timestamp', '1658384314791'], {
      env: { BYBIT_API_KEY: KEY, BYBIT_API_SECRET: SECRET },
    });
    expect(r.code).toBe(0);
    const expected = createHmac('sha256', SECRET).update(`1658384314791${KEY}5000category=option&symbol=BTC-29JUL22-25000-C`).digest('hex');
    expect(JSON.parse(r.stdout).signature).toBe(expected);
  });

  it('exits 2 naming the variables to set, and --placeholder to try it without keys, when no keys are configured', async () => {
    const r = await runCliInProcess(['sign', '--body', '{}', '--timestamp', '1'], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: no bybit credentials for api env dev: set BYBIT_API_KEY_DEV and BYBIT_API_SECRET_DEV (or BYBIT_API_KEY and BYBIT_API_SECRET), ' +
        'or pass --secrets FILE with {"bybit":{"dev":{"apiKey":"…","apiSecret":"…"}}}; or add --placeholder to try the command with the built-in placeholder pair (its signatures are valid for no account)\n',
    );
  });

  it.each([
    [['--method', 'PUT', '--body', '{}'], "--method 'PUT'"],
    [['--body', '{}', '--timestamp', 'soon'], "--timestamp 'soon'"],
    [['--method', 'POST'], 'POST needs --body'],
    [['--exchange', 'kraken', '--body', '{}'], "--exchange 'kraken'"],
    [['--exchange', 'binance', '--query', 'a=1', '--timestamp', '5'], '--timestamp does not apply to --exchange binance: on binance timestamp is a parameter inside --query'],
  ])('exits 2 for %j', async (args, expected) => {
    const r = await runCliInProcess(['sign', '--placeholder', ...args], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
  });
});

/** `a 'b c' d` → ['a', 'b c', 'd']: the README's examples quote with single quotes only. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe("README's sign examples", () => {
  const examples = readFileSync(`${ROOT}README.md`, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('npx shadow-exec sign '))
    .map((line) => line.replace(/\s+#.*$/, ''));

  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('runs on a machine without keys: %s', async (line) => {
    const r = await runCliInProcess(shellWords(line).slice(2), { env: { ...NO_KEYS, BINANCE_API_KEY: '', BINANCE_SECRET_KEY: '', BINANCE_API_KEY_DEV: '', BINANCE_SECRET_KEY_DEV: '' } });
    expect(r.stderr).toBe('signed with the built-in placeholder pair: the signature is not valid for any account\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).credentials.source).toBe('placeholder');
  });
});
