// End-to-end Binance command-line edges: `sign --exchange binance` reproducing the docs' signatures (query, query + body) with the key masked, and `run --exchange binance` refusing bad usage with exit 2 and a precise message.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

const NO_KEYS = { BINANCE_API_KEY: '', BINANCE_SECRET_KEY: '', BINANCE_API_KEY_DEV: '', BINANCE_SECRET_KEY_DEV: '' };

interface BinanceVector {
  apiKey: string;
  secret: string;
  queryString: string;
  expected_signature_hex: string;
}
const vector = (JSON.parse(readFileSync(new URL('../fixtures/venues/signing_examples.json', import.meta.url), 'utf8')) as { binance: { vector: BinanceVector } }).binance.vector;
const DOCS_KEYS = { ...NO_KEYS, BINANCE_API_KEY: vector.apiKey, BINANCE_SECRET_KEY: vector.secret };

// binance/binance-spot-api-docs rest-api.md, "SIGNED Endpoint Examples for POST /api/v3/order" (HMAC Keys).
describe('shadow-exec sign --exchange binance', () => {
  it('signs the docs LTCBTC query with the docs keys to c8db5682…, the signature appended last and the key masked', async () => {
    const r = await runCliInProcess(['sign', '--exchange', 'binance', '--query', vector.queryString], { env: DOCS_KEYS });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(vector.expected_signature_hex).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
    expect(out.signature).toBe(vector.expected_signature_hex);
    expect(out.payload).toBe(vector.queryString);
    expect(out.query_string).toBe(`${vector.queryString}&signature=${vector.expected_signature_hex}`);
    expect(out.body).toBe('');
    expect(out.headers).toEqual({ 'X-MBX-APIKEY': 'vmP…***' });
    expect(out.credentials).toEqual({ api_env: 'dev', api_key: 'vmP…***', source: 'env' });
    expect(r.stdout + r.stderr).not.toContain(vector.secret);
    expect(r.stdout + r.stderr).not.toContain(vector.apiKey);
  });

  // Same docs section, "Example 3: Mixed query string and request body": totalParams = query + body with no '&' at the join.
  it('signs query + body together (the docs mixed example, 0fd168b8…) and puts the signature at the end of the body', async () => {
    const query = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC';
    const body = 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const r = await runCliInProcess(['sign', '--exchange', 'binance', '--query', query, '--body', body], { env: DOCS_KEYS });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const expected = createHmac('sha256', vector.secret).update(query + body).digest('hex');
    expect(expected).toBe('0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77');
    expect(out.signature).toBe(expected);
    expect(out.payload).toBe(query + body);
    expect(out.query_string).toBe(query);
    expect(out.body).toBe(`${body}&signature=${expected}`);
    expect(out.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded', 'X-MBX-APIKEY': 'vmP…***' });
    expect(r.stdout + r.stderr).not.toContain(vector.secret);
  });

  it('exits 2 naming the Binance variables when no keys are set', async () => {
    const r = await runCliInProcess(['sign', '--exchange', 'binance', '--query', vector.queryString], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BINANCE_API_KEY');
    expect(r.stderr).toContain('BINANCE_SECRET_KEY');
  });
});

describe('shadow-exec run --exchange binance: bad usage', () => {
  it.each([
    [['--market', 'coinm'], "error: --market 'coinm' is not allowed: expected spot, usdm"],
    [
      ['--order-options', 'reduceOnly'],
      "error: --order-options reduceOnly does not apply to --exchange binance --market spot: reduceOnly is valid on Binance USD-M futures only; supported for binance spot: postOnly, timeInForce=GTC|IOC|FOK, icebergQty=QTY",
    ],
    [
      ['--market', 'usdm', '--order-options', 'icebergQty=1'],
      "error: --order-options icebergQty does not apply to --exchange binance --market usdm: icebergQty is valid on Binance spot only; supported for binance usdm: postOnly, reduceOnly, timeInForce=GTC|IOC|FOK",
    ],
    [
      ['--requote-mode', 'amend'],
      'error: --requote-mode amend does not apply to --exchange binance --market spot: spot cannot amend a price: cancel and place a new order; keepPriority only reduces the quantity (not rendered here)',
    ],
    [['--market', 'usdm', '--exit-oco', '20:30'], 'error: --exit-oco does not apply to --exchange binance --market usdm: it needs OCO order lists, which Binance USD-M futures have none of (use --market spot)'],
  ])('exits 2 for %j with the message naming the flag and what is allowed', async (args, message) => {
    const r = await runCliInProcess(['run', '--exchange', 'binance', ...args, '--iterations', '5'], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toBe(message);
  });
});
