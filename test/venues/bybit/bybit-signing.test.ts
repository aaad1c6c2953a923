// Covers Bybit V5 signing: documented string-to-sign examples byte for byte, pinned signatures, X-BAPI-* headers, WS auth.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  BYBIT_DEFAULT_RECV_WINDOW_MS,
  bybitStringToSign,
  signBybitRest,
  signBybitWsAuth,
} from '../../../src/venues/bybit/bybit-signing.js';
import { codeOf } from '../../helpers/error-code.js';

interface BybitExample {
  id: string;
  timestamp: string;
  api_key: string;
  recv_window: string;
  queryString?: string;
  jsonBodyString?: string;
  string_to_sign: string;
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/venues/signing_examples.json', import.meta.url), 'utf8')) as {
  bybit: { string_to_sign_examples: BybitExample[] };
};
const [getExample, postExample] = fixture.bybit.string_to_sign_examples as [BybitExample, BybitExample];

/**
 * The docs do not publish the secret behind their example signatures, so these are self-computed vectors:
 *   printf '%s' "<string_to_sign>" | openssl dgst -sha256 -hmac 'shadowexec-test-secret-0123456789'
 * run in a shell, independently of this code.
 */
const TEST_SECRET = 'shadowexec-test-secret-0123456789';
const OPENSSL_GET = '0ba7e2d473bc39301b54a9d14ceb775d8b5e0c93ba0470ac3de46b5b88636b0c';
const OPENSSL_POST = '1a92017d7f3112955a96c4013c84fcdfe209368234fff48785758fd82a65d2a5';
const OPENSSL_WS_1662350400000 = '5cd15eae275482c632deae95ec634294739f091b39ca73f0be9202d8d843eec0';

describe('bybitStringToSign', () => {
  it('builds the documented GET plain text byte for byte', () => {
    expect(
      bybitStringToSign(Number(getExample.timestamp), getExample.api_key, Number(getExample.recv_window), getExample.queryString!),
    ).toBe(getExample.string_to_sign);
    expect(getExample.string_to_sign).toBe('1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C');
  });

  it('builds the documented POST plain text byte for byte, keeping the body whitespace', () => {
    expect(
      bybitStringToSign(Number(postExample.timestamp), postExample.api_key, Number(postExample.recv_window), postExample.jsonBodyString!),
    ).toBe('1658385579423XXXXXXXXXX5000{"category": "option"}');
  });

  it('rejects a fractional or negative timestamp instead of signing it', () => {
    expect(codeOf(() => bybitStringToSign(1.5, 'k', 5000, ''))).toBe('E_USAGE');
    expect(codeOf(() => bybitStringToSign(1, 'k', -1, ''))).toBe('E_USAGE');
  });
});

describe('signBybitRest', () => {
  it('signs the documented GET example and returns the four X-BAPI headers in order', () => {
    const signed = signBybitRest({
      method: 'GET',
      apiKey: 'XXXXXXXXXX',
      apiSecret: TEST_SECRET,
      timestampMs: 1658384314791,
      recvWindowMs: 5000,
      queryString: 'category=option&symbol=BTC-29JUL22-25000-C',
    });
    expect(signed.stringToSign).toBe(getExample.string_to_sign);
    expect(signed.signature).toBe(OPENSSL_GET);
    expect(Object.entries(signed.headers)).toEqual([
      ['X-BAPI-API-KEY', 'XXXXXXXXXX'],
      ['X-BAPI-TIMESTAMP', '1658384314791'],
      ['X-BAPI-SIGN', OPENSSL_GET],
      ['X-BAPI-RECV-WINDOW', '5000'],
    ]);
  });

  it('signs the documented POST example and adds Content-Type: application/json', () => {
    const signed = signBybitRest({
      method: 'POST',
      apiKey: 'XXXXXXXXXX',
      apiSecret: TEST_SECRET,
      timestampMs: 1658385579423,
      jsonBody: '{"category": "option"}',
    });
    expect(signed.stringToSign).toBe(postExample.string_to_sign);
    expect(signed.signature).toBe(OPENSSL_POST);
    expect(signed.headers).toEqual({
      'X-BAPI-API-KEY': 'XXXXXXXXXX',
      'X-BAPI-TIMESTAMP': '1658385579423',
      'X-BAPI-SIGN': OPENSSL_POST,
      'X-BAPI-RECV-WINDOW': '5000',
      'Content-Type': 'application/json',
    });
  });

  it('defaults the recv window to 5000 ms', () => {
    expect(BYBIT_DEFAULT_RECV_WINDOW_MS).toBe(5000);
    const signed = signBybitRest({ method: 'GET', apiKey: 'A', apiSecret: 'S', timestampMs: 10, queryString: 'x=1' });
    expect(signed.stringToSign).toBe('10A5000x=1');
  });

  it('signs a different body differently (one changed space changes the signature)', () => {
    const a = signBybitRest({ method: 'POST', apiKey: 'A', apiSecret: 'S', timestampMs: 1, jsonBody: '{"category":"option"}' });
    const b = signBybitRest({ method: 'POST', apiKey: 'A', apiSecret: 'S', timestampMs: 1, jsonBody: '{"category": "option"}' });
    expect(a.signature).not.toBe(b.signature);
  });

  it('refuses a GET with a body, a POST with a query string, and a query string starting with ?', () => {
    expect(codeOf(() => signBybitRest({ method: 'GET', apiKey: 'A', apiSecret: 'S', timestampMs: 1, jsonBody: '{}' }))).toBe('E_USAGE');
    expect(codeOf(() => signBybitRest({ method: 'POST', apiKey: 'A', apiSecret: 'S', timestampMs: 1, queryString: 'a=1' }))).toBe('E_USAGE');
    expect(codeOf(() => signBybitRest({ method: 'GET', apiKey: 'A', apiSecret: 'S', timestampMs: 1, queryString: '?a=1' }))).toBe('E_USAGE');
  });
});

describe('signBybitWsAuth', () => {
  it('signs "GET/realtime" + expires and builds the documented auth message', () => {
    const auth = signBybitWsAuth({ apiKey: 'api_key', apiSecret: TEST_SECRET, expiresMs: 1662350400000 });
    expect(auth.stringToSign).toBe('GET/realtime1662350400000');
    expect(auth.signature).toBe(OPENSSL_WS_1662350400000);
    expect(auth.text).toBe(`{"op":"auth","args":["api_key",1662350400000,"${OPENSSL_WS_1662350400000}"]}`);
  });

  it('puts the optional req_id first, as the docs example does', () => {
    const auth = signBybitWsAuth({ apiKey: 'k', apiSecret: 's', expiresMs: 5, reqId: '10001' });
    expect(auth.text.startsWith('{"req_id":"10001","op":"auth","args":["k",5,')).toBe(true);
  });
});
