// Covers Binance signing: the published vector, the mixed query+body and non-ASCII doc examples, ordered query strings, placement.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  BINANCE_DEFAULT_RECV_WINDOW_MS,
  BINANCE_MAX_RECV_WINDOW_MS,
  binanceQueryString,
  binanceSignaturePayload,
  percentEncodeNonAscii,
  signBinanceRequest,
  withBinanceTiming,
  type BinanceParam,
} from '../../../src/venues/binance/binance-signing.js';
import { codeOf } from '../../helpers/error-code.js';

interface BinanceVector {
  apiKey: string;
  secret: string;
  params_in_order: [string, string][];
  queryString: string;
  requestBody: string;
  payload: string;
  expected_signature_hex: string;
}
const vector = (
  JSON.parse(readFileSync(new URL('../../fixtures/venues/signing_examples.json', import.meta.url), 'utf8')) as {
    binance: { vector: BinanceVector };
  }
).binance.vector;

const LTC_PARAMS: BinanceParam[] = vector.params_in_order.map(([k, v]) => [k, v] as const);

describe('binanceQueryString', () => {
  it('renders the ordered params exactly as the published example sends them', () => {
    expect(binanceQueryString(LTC_PARAMS)).toBe(vector.queryString);
  });

  it('percent-encodes a non-ASCII value as UTF-8, uppercase hex (rest-api.md HMAC Keys, Step 1)', () => {
    const params: BinanceParam[] = [['symbol', '１２３４５６'], ...LTC_PARAMS.slice(1)];
    expect(binanceQueryString(params)).toBe(
      'symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
    );
  });

  it('encodes separators inside a value so they cannot split parameters', () => {
    expect(binanceQueryString([['newClientOrderId', 'a&b=c d']])).toBe('newClientOrderId=a%26b%3Dc%20d');
  });
});

describe('signBinanceRequest', () => {
  it("reproduces Binance's published signature c8db5682… with the signature appended to the query", () => {
    const signed = signBinanceRequest({ apiKey: vector.apiKey, apiSecret: vector.secret, queryString: vector.queryString });
    expect(signed.payload).toBe(vector.payload);
    expect(signed.signature).toBe(vector.expected_signature_hex);
    expect(signed.signature).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
    expect(signed.queryString).toBe(`${vector.queryString}&signature=${vector.expected_signature_hex}`);
    expect(signed.requestBody).toBe('');
    expect(signed.headers).toEqual({ 'X-MBX-APIKEY': vector.apiKey });
  });

  it('signs query + body concatenated without "&" (docs Example 3) and appends the signature to the body', () => {
    // binance/binance-spot-api-docs rest-api.md @5edf0821 "Example 3: Mixed query string and request body":
    // queryString symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC, requestBody quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559
    const signed = signBinanceRequest({
      apiKey: vector.apiKey,
      apiSecret: vector.secret,
      queryString: 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC',
      requestBody: 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
    });
    expect(signed.payload).toBe('symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559');
    expect(signed.signature).toBe('0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77');
    expect(signed.queryString).toBe('symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC');
    expect(signed.requestBody).toBe(
      'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77',
    );
    expect(signed.headers).toEqual({ 'X-MBX-APIKEY': vector.apiKey, 'Content-Type': 'application/x-www-form-urlencoded' });
  });

  it('reproduces the docs non-ASCII example e1353ec6… whether the symbol arrives raw or already encoded', () => {
    // rest-api.md (current) "HMAC Keys": symbol １２３４５６ → e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3
    const raw = 'symbol=１２３４５６&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const fromRaw = signBinanceRequest({ apiKey: vector.apiKey, apiSecret: vector.secret, queryString: raw });
    const encoded = binanceQueryString([['symbol', '１２３４５６'], ...LTC_PARAMS.slice(1)]);
    const fromEncoded = signBinanceRequest({ apiKey: vector.apiKey, apiSecret: vector.secret, queryString: encoded });
    expect(fromRaw.signature).toBe('e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3');
    expect(fromEncoded.signature).toBe(fromRaw.signature);
    expect(fromRaw.queryString).toBe(`${encoded}&signature=${fromRaw.signature}`);
  });

  it('reproduces the USD-M futures docs Example 1 signature 3c661234…', () => {
    // developers.binance.com/docs/derivatives/usds-margined-futures/general-info, "SIGNED Endpoint Examples for POST /fapi/v1/order".
    // (That page's Example 3 signature f9d0ae5e… only reproduces with a stray space in "timestamp= 1591702613943": a doc typo.)
    const signed = signBinanceRequest({
      apiKey: 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
      apiSecret: '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9',
      queryString: 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943',
    });
    expect(signed.signature).toBe('3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9');
  });

  it('sends signature= alone when there are no other parameters', () => {
    expect(signBinanceRequest({ apiKey: 'k', apiSecret: 's', queryString: '' }).queryString).toMatch(/^signature=[0-9a-f]{64}$/);
  });
});

describe('percentEncodeNonAscii / binanceSignaturePayload', () => {
  it('leaves ASCII (including existing %XX escapes) untouched and encodes only non-ASCII', () => {
    expect(percentEncodeNonAscii('a=%EF%BC%91&b=é')).toBe('a=%EF%BC%91&b=%C3%A9');
    expect(binanceSignaturePayload('a=1', 'b=2')).toBe('a=1b=2');
  });
});

describe('withBinanceTiming', () => {
  it('appends recvWindow then timestamp after the caller params', () => {
    expect(withBinanceTiming([['symbol', 'LTCBTC']], 1499827319559, 5000)).toEqual([
      ['symbol', 'LTCBTC'],
      ['recvWindow', '5000'],
      ['timestamp', '1499827319559'],
    ]);
    expect(withBinanceTiming([], 7)).toEqual([['timestamp', '7']]);
  });

  it('accepts 60000 ms and refuses a recvWindow above it, zero, or fractional', () => {
    expect(BINANCE_DEFAULT_RECV_WINDOW_MS).toBe(5000);
    expect(withBinanceTiming([], 1, BINANCE_MAX_RECV_WINDOW_MS)[0]).toEqual(['recvWindow', '60000']);
    expect(codeOf(() => withBinanceTiming([], 1, 60001))).toBe('E_USAGE');
    expect(codeOf(() => withBinanceTiming([], 1, 0))).toBe('E_USAGE');
    expect(codeOf(() => withBinanceTiming([], 1, 1.5))).toBe('E_USAGE');
  });

  it('builds the published example from ordered params end to end', () => {
    const params = withBinanceTiming(LTC_PARAMS.slice(0, 6), 1499827319559, 5000);
    const signed = signBinanceRequest({ apiKey: vector.apiKey, apiSecret: vector.secret, queryString: binanceQueryString(params) });
    expect(signed.signature).toBe(vector.expected_signature_hex);
  });
});
