// Covers BinanceApiGate's dry run: one canonical, signed journal line per request (spot and USD-M new order options, cancel, cancel-all, modify, OCO), the signature recomputed with node:crypto, the key masked, the secret nowhere.
import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import type { GateRequest } from '../../../src/ports/request-gate.js';
import type { BinanceMarket } from '../../../src/venues/binance/binance-market.js';
import { Credentials } from '../../../src/secrets/credentials.js';
import type { BinanceApiGate } from '../../../src/venues/binance/binance-api-gate.js';
import { SPOT_ORDER, T0, USDM_ORDER, binanceGate, gateReport, ocoReq, req, withOptions } from '../../helpers/binance-gate.js';
import { MemoryRequestJournal } from '../../helpers/memory-request-journal.js';

const KEY = 'KEY-abcdefgh';
const SECRET = 'SECRET-xyz-0123';
const credentials = new Credentials('binance', 'dev', KEY, SECRET, 'env');

interface JournalLine {
  body: string;
  headers: Record<string, string>;
  kind: string;
  method: string;
  order_id: string | null;
  path: string;
  query: string;
  send_ms: number;
  send_utc: string;
  seq: number;
  symbol: string;
}

function dryGate(market: BinanceMarket, journal: MemoryRequestJournal | null): BinanceApiGate {
  return binanceGate(market, true, { credentials, recvWindowMs: 5000, journal });
}

/** Journals each request at T0 + its index and returns the parsed lines. */
function journalOf(market: BinanceMarket, requests: readonly GateRequest[]): { lines: JournalLine[]; raw: string[]; gate: BinanceApiGate } {
  const journal = new MemoryRequestJournal();
  const gate = dryGate(market, journal);
  requests.forEach((r, i) => gate.onSend(r, T0 + i, 0));
  return { lines: journal.lines.map((l) => JSON.parse(l) as JournalLine), raw: journal.lines, gate };
}

/** HMAC-SHA256 hex of the query string before `&signature=` (rest-api.md "SIGNED (TRADE and USER_DATA) Endpoint Security"). */
function recompute(query: string): { signed: string; sent: string; expected: string } {
  const at = query.lastIndexOf('&signature=');
  const signed = query.slice(0, at);
  return { signed, sent: query.slice(at + '&signature='.length), expected: createHmac('sha256', SECRET).update(signed).digest('hex') };
}

/** The params of a line's query, signature removed, as [name, value] pairs. */
function params(line: JournalLine): string[][] {
  return recompute(line.query).signed.split('&').map((p) => p.split('='));
}

const TIMING = (ms: number) => `&recvWindow=5000&timestamp=${ms}`;

describe('BinanceApiGate dry run: the journal line', () => {
  it('writes one canonical line per request, parameters in the query string, key masked, signature last and recomputable', () => {
    const { raw, lines } = journalOf('spot', [req('create')]);
    const query = `symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.00534&price=93500&newClientOrderId=se42-O-1${TIMING(T0)}`;
    const signature = createHmac('sha256', SECRET).update(query).digest('hex');
    expect(raw).toEqual([
      `{"body":"","headers":{"X-MBX-APIKEY":"KEY…***"},"kind":"create","method":"POST","order_id":"O-1","path":"/api/v3/order","query":"${query}&signature=${signature}","send_ms":${T0},"send_utc":"2025-01-01T00:00:00.000Z","seq":1,"symbol":"BTCUSDT"}`,
    ]);
    expect(lines[0]!.query.endsWith(`&signature=${signature}`)).toBe(true);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('renders a spot post-only order as LIMIT_MAKER without timeInForce, and an iceberg with icebergQty last', () => {
    const { lines } = journalOf('spot', [
      req('create', withOptions(SPOT_ORDER, { postOnly: true })),
      req('create', withOptions(SPOT_ORDER, { icebergQty: '0.001' })),
    ]);
    expect(recompute(lines[0]!.query).signed).toBe(`symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.00534&price=93500&newClientOrderId=se42-O-1${TIMING(T0)}`);
    expect(params(lines[0]!).map(([name]) => name)).not.toContain('timeInForce');
    expect(recompute(lines[1]!.query).signed).toBe(
      `symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.00534&price=93500&newClientOrderId=se42-O-1&icebergQty=0.001${TIMING(T0 + 1)}`,
    );
  });

  it('renders a USD-M post-only order as timeInForce=GTX and a reduce-only one with reduceOnly=true', () => {
    const { lines } = journalOf('usdm', [
      req('create', withOptions(USDM_ORDER, { postOnly: true })),
      req('create', withOptions({ ...USDM_ORDER, side: 'SELL' }, { reduceOnly: true })),
    ]);
    expect(lines.map((l) => [l.method, l.path])).toEqual([
      ['POST', '/fapi/v1/order'],
      ['POST', '/fapi/v1/order'],
    ]);
    expect(recompute(lines[0]!.query).signed).toBe(`symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.005&price=93500&timeInForce=GTX&newClientOrderId=se42-O-1${TIMING(T0)}`);
    expect(recompute(lines[1]!.query).signed).toBe(
      `symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.005&price=93500&timeInForce=GTC&reduceOnly=true&newClientOrderId=se42-O-1${TIMING(T0 + 1)}`,
    );
  });

  it('renders spot cancel and cancel-all by path and client order id', () => {
    const { lines } = journalOf('spot', [req('cancel'), req('cancel-all')]);
    expect(lines.map((l) => [l.seq, l.kind, l.method, l.path, l.order_id, recompute(l.query).signed])).toEqual([
      [1, 'cancel', 'DELETE', '/api/v3/order', 'O-1', `symbol=BTCUSDT&origClientOrderId=se42-O-1${TIMING(T0)}`],
      [2, 'cancel-all', 'DELETE', '/api/v3/openOrders', null, `symbol=BTCUSDT${TIMING(T0 + 1)}`],
    ]);
  });

  it('renders USD-M cancel, cancel-all and modify (PUT with both quantity and price)', () => {
    const { lines } = journalOf('usdm', [req('cancel', USDM_ORDER), req('cancel-all', USDM_ORDER), req('amend', USDM_ORDER, { priceTicks: 935_012, qtyLots: 7 })]);
    expect(lines.map((l) => [l.kind, l.method, l.path, recompute(l.query).signed])).toEqual([
      ['cancel', 'DELETE', '/fapi/v1/order', `symbol=BTCUSDT&origClientOrderId=se42-O-1${TIMING(T0)}`],
      ['cancel-all', 'DELETE', '/fapi/v1/allOpenOrders', `symbol=BTCUSDT${TIMING(T0 + 1)}`],
      ['amend', 'PUT', '/fapi/v1/order', `origClientOrderId=se42-O-1&symbol=BTCUSDT&side=BUY&quantity=0.007&price=93501.2${TIMING(T0 + 2)}`],
    ]);
  });

  // rest-api.md "New Order list - OCO (TRADE)": a SELL OCO has the LIMIT_MAKER above and the STOP_LOSS_LIMIT below.
  it('renders a spot OCO at /api/v3/orderList/oco with the list and both legs client ids', () => {
    const { lines } = journalOf('spot', [ocoReq()]);
    expect([lines[0]!.method, lines[0]!.path, lines[0]!.kind, lines[0]!.order_id]).toEqual(['POST', '/api/v3/orderList/oco', 'oco', 'O-2']);
    expect(recompute(lines[0]!.query).signed).toBe(
      'symbol=BTCUSDT&listClientOrderId=se42-L-1&side=SELL&quantity=0.00534' +
        '&aboveType=LIMIT_MAKER&aboveClientOrderId=se42-O-2&abovePrice=94000' +
        '&belowType=STOP_LOSS_LIMIT&belowClientOrderId=se42-O-3&belowPrice=92990&belowStopPrice=93000&belowTimeInForce=GTC' +
        TIMING(T0),
    );
  });

  it('signs every line so that HMAC-SHA256 of the query before the signature equals the signature sent', () => {
    const { lines } = journalOf('spot', [req('create'), req('cancel'), req('cancel-all'), ocoReq(), req('create', withOptions(SPOT_ORDER, { postOnly: true }))]);
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const { sent, expected } = recompute(line.query);
      expect(sent).toBe(expected);
      expect(line.body).toBe('');
      expect(line.headers).toEqual({ 'X-MBX-APIKEY': 'KEY…***' });
    }
  });
});

describe('BinanceApiGate dry run: secrets and counters', () => {
  it('never writes the secret or the raw key, in the journal or the report', () => {
    const { raw, gate } = journalOf('usdm', [req('create', USDM_ORDER), req('amend', USDM_ORDER, { priceTicks: 935_001, qtyLots: 5 }), req('cancel-all', USDM_ORDER)]);
    const everything = raw.join('\n') + JSON.stringify(gate.report());
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(KEY);
    expect(everything).toContain('KEY…***');
  });

  it('counts rendered requests and names the masked credentials, journaled or not', () => {
    const { gate } = journalOf('spot', [req('create'), req('cancel')]);
    const masked = { source: 'env', api_env: 'dev', api_key: 'KEY…***' };
    expect(gateReport(gate).dry_run).toEqual({ rendered_requests: 2, journaled: true, recv_window_ms: 5000, credentials: masked });
    const silent = dryGate('spot', null);
    silent.onSend(req('create'), T0, 0);
    expect(gateReport(silent).dry_run).toEqual({ rendered_requests: 1, journaled: false, recv_window_ms: 5000, credentials: masked });
    expect(gateReport(binanceGate('spot', true)).dry_run).toBe(null);
  });

  it('counts requests sent per endpoint whether or not the venue admits them', () => {
    const { gate } = journalOf('spot', [req('create'), req('create'), req('cancel')]);
    expect(gateReport(gate).endpoints).toEqual({ 'DELETE /api/v3/order': { sent: 1 }, 'POST /api/v3/order': { sent: 2 } });
  });
});
