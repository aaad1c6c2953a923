// Valid frames and bodies the fuzz mutates: one of each shape the parsers read (market data, replies, errors), on the grids of Binance spot and Bybit linear BTCUSDT.
// Shapes: binance/binance-spot-api-docs web-socket-streams.md, rest-api.md ("Order book"); bybit-exchange/docs docs/v5/websocket/public/*.mdx, wss-authentication.mdx.
import type { Json } from './fuzz-inputs.js';

const T = 1_672_515_782_136;
const levels: Json = [['16800.01', '0.01000'], ['16799.99', '1.50000']];

export const BINANCE_FRAME_TEMPLATES: readonly Json[] = [
  { stream: 'btcusdt@depth@100ms', data: { e: 'depthUpdate', E: T, s: 'BTCUSDT', U: 157, u: 160, b: levels, a: [['16800.02', '0.10000']] } },
  { e: 'depthUpdate', E: T, s: 'BTCUSDT', U: 161, u: 165, b: [], a: [['16800.03', '0.00000']] },
  { stream: 'btcusdt@bookTicker', data: { u: 400_900_217, s: 'BTCUSDT', b: '16800.01', B: '1.00000', a: '16800.02', A: '2.00000' } },
  { u: 400_900_218, s: 'BTCUSDT', b: '16800.00', B: '0.50000', a: '16800.02', A: '2.00000' },
  { stream: 'btcusdt@aggTrade', data: { e: 'aggTrade', E: T, s: 'BTCUSDT', a: 12_345, p: '16800.01', q: '0.10000', f: 100, l: 105, T, m: true, M: true } },
  { stream: 'btcusdt@trade', data: { e: 'trade', E: T, s: 'BTCUSDT', t: 54_321, p: '16800.02', q: '0.00100', T, m: false, M: true } },
  {
    stream: 'btcusdt@kline_1m',
    data: { e: 'kline', E: T, s: 'BTCUSDT', k: { t: 1_672_515_780_000, T: 1_672_515_839_999, s: 'BTCUSDT', i: '1m', f: 100, L: 200, o: '16800.01', c: '16800.02', h: '16800.03', l: '16800.00', v: '1.00000', n: 100, x: false, q: '16800.00', V: '0.50000', Q: '8400.00', B: '0' } },
  },
  { stream: 'btcusdt@depth5', data: { lastUpdateId: 160, bids: levels, asks: [['16800.02', '0.10000']] } },
  { stream: 'btcusdt@markPrice', data: { e: 'markPriceUpdate', E: T, s: 'BTCUSDT', p: '16800.01000000', i: '16800.00', P: '16800.5', r: '0.00010000', T } },
  { result: null, id: 1 },
  { error: { code: 2, msg: 'Invalid request: invalid stream' }, id: 2 },
  { code: 2, msg: 'Invalid request: property name must be a string', id: 3 },
  { stream: '!serverShutdown', data: { e: 'serverShutdown', E: T } },
];

const b = [['16493.50', '0.006'], ['16493.00', '0.100']];
export const BYBIT_FRAME_TEMPLATES: readonly Json[] = [
  { topic: 'orderbook.50.BTCUSDT', type: 'snapshot', ts: T, data: { s: 'BTCUSDT', b, a: [['16611.00', '0.029']], u: 18_521_288, seq: 7_961_638_724 }, cts: T - 2 },
  { topic: 'orderbook.50.BTCUSDT', type: 'delta', ts: T + 20, data: { s: 'BTCUSDT', b: [['16493.50', '0']], a: [], u: 18_521_289, seq: 7_961_638_725 }, cts: T + 18 },
  { topic: 'publicTrade.BTCUSDT', type: 'snapshot', ts: T, data: [{ T, s: 'BTCUSDT', S: 'Buy', v: '0.001', p: '16578.50', L: 'PlusTick', i: '20f43950-d8dd-5b31-9112-a178eb6023af', BT: false }] },
  {
    topic: 'tickers.BTCUSDT',
    type: 'snapshot',
    data: { symbol: 'BTCUSDT', tickDirection: 'PlusTick', lastPrice: '17216.00', markPrice: '17217.33', indexPrice: '17227.36', fundingRate: '-0.000212', bid1Price: '17215.50', bid1Size: '84.489', ask1Price: '17216.00', ask1Size: '83.020' },
    cs: 24_987_956_059,
    ts: T,
  },
  { topic: 'tickers.BTCUSDT', type: 'delta', data: { symbol: 'BTCUSDT', bid1Price: '17215.60', bid1Size: '1.000' }, cs: 24_987_956_060, ts: T + 100 },
  { topic: 'kline.5.BTCUSDT', type: 'snapshot', ts: T, data: [{ start: 1_672_324_800_000, end: 1_672_325_099_999, interval: '5', open: '16649.5', close: '16677', high: '16677', low: '16608', volume: '2.081', turnover: '34666.4005', confirm: false, timestamp: T }] },
  { success: true, ret_msg: 'pong', conn_id: '0970e817-426e-429a-a679-ff7f55e0b16a', op: 'ping' },
  { req_id: '1', op: 'pong', args: ['1672916271846'], conn_id: 'c1' },
  { success: true, ret_msg: '', conn_id: 'c1', req_id: '1', op: 'subscribe' },
  { success: false, ret_msg: 'error:handler not found,topic:publicTrade.NOTASYMBOL', conn_id: 'c1', req_id: '2', op: 'subscribe' },
  { success: true, conn_id: 'c1', data: { failTopics: [], successTopics: ['orderbook.50.BTCUSDT'] }, type: 'COMMAND_RESP' },
];

export const DEPTH_BODY_TEMPLATES: readonly Json[] = [
  { lastUpdateId: 1_027_024, bids: [['16800.01000000', '0.10000000'], ['16800.00000000', '2.00000000']], asks: [['16800.02000000', '12.00000000']] },
  { lastUpdateId: 1_027_025, E: T, T, bids: [], asks: [] },
];
