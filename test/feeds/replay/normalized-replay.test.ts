// Covers normalized replay records end to end inside the feed: decoding (normalized-record.ts, replay-format.ts v2), the mapper's events, NormalizedBookSync, and the pipeline's top of book and trades.
import { describe, expect, it } from 'vitest';
import '../../helpers/lazy-modules-setup.js';
import { buildReplayFeedFromText } from '../../../src/app/compose-replay.js';
import type { MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { encodeReplay, NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader, type ReplayRecord } from '../../../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import { encodeNormalizedRecord, recordT, type NormalizedRecord } from '../../../src/feeds/replay/normalized-record.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';
import { thrown } from '../../helpers/thrown.js';

const HEADER: ReplayHeader = { format: REPLAY_FORMAT, version: NORMALIZED_REPLAY_VERSION, venue: 'binance', market: 'spot', data: 'normalized' };
const US = 1_700_000_000_000_000;
const base = (dt: number) => ({ symbol: 'BTCUSDT', exchange_us: US + dt - 400, local_us: US + dt });
const rec = (record: NormalizedRecord): ReplayRecord => ({ kind: 'normalized', t: recordT(record), record });

function drain(text: string): MarketDataEvent[] {
  const { feed } = buildReplayFeedFromText('n.jsonl', text, [BTCUSDT_SPEC], { barResolutions: '' });
  const out: MarketDataEvent[] = [];
  for (let e = feed.next(); e !== null; e = feed.next()) out.push(e);
  return out;
}

describe('normalized replay records', () => {
  it('encode in canonical key order with t = local_us truncated to ms, and decode to the same record', () => {
    const trade: NormalizedRecord = { type: 'trade', ...base(1_234), id: '42', side: 'buy', price: '95000.1', size: '0.002' };
    expect(encodeNormalizedRecord(trade)).toBe('{"t":1700000000001,"type":"trade","symbol":"BTCUSDT","exchange_us":1700000000000834,"local_us":1700000000001234,"id":"42","side":"buy","price":"95000.1","size":"0.002"}');
    const text = encodeReplay(HEADER, [rec(trade)]);
    expect(text.split('\n')[0]).toBe('{"format":"shadow-exec-replay","version":2,"venue":"binance","market":"spot","data":"normalized"}');
    // The decoded record is the validated line object itself (no copy): its `t` stays on it.
    expect(decodeReplay(text).records).toEqual([{ kind: 'normalized', t: 1_700_000_000_001, record: { t: 1_700_000_000_001, ...trade } }]);
  });

  it('refuses a record whose t is not its local_us in ms, a frame in a normalized file and a normalized record in a frame file, naming the line', () => {
    const head = '{"format":"shadow-exec-replay","version":2,"venue":"binance","market":"spot","data":"normalized"}\n';
    const line = '{"t":1700000000002,"type":"trade","symbol":"BTCUSDT","exchange_us":1,"local_us":1700000000001234,"id":"1","side":"buy","price":"1","size":"1"}';
    expect(thrown(() => decodeReplay(`${head}${line}\n`)).message).toBe('replay line 2: "t" must be local_us truncated to ms (1700000000001)');
    expect(thrown(() => decodeReplay(`${head}{"t":1,"frame":"{}"}\n`)).message).toBe('replay line 2: a record of a normalized file needs a "type" (book_snapshot, book_update, trade, quote, derivative); frames belong in a "data":"frames" file');
    expect(thrown(() => decodeReplay(`{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}\n${line.replace('"t":1700000000002', '"t":1700000000001')}\n`)).message).toBe(
      'replay line 2: a normalized record in a file of frames: its header needs "version":2,"data":"normalized"',
    );
    expect(thrown(() => decodeReplay(`${head}{"t":0,"type":"quote","symbol":"BTCUSDT","exchange_us":0,"local_us":0,"bid_price":"1e2","bid_size":null,"ask_price":null,"ask_size":null}\n`)).message).toBe(
      'replay line 2: "bid_price" must be null or a plain unsigned decimal string of at most 64 characters',
    );
  });

  it('turn into the events parsed frames give: updates before a snapshot dropped, snapshot groups, book quotes, trades, marks; unknown-side trades skipped', () => {
    const records: NormalizedRecord[] = [
      { type: 'book_update', ...base(0), is_snapshot: false, bids: [['94999.0', '9']], asks: [] },
      { type: 'book_update', ...base(1_000), is_snapshot: true, bids: [['95000.0', '1.5']], asks: [] },
      { type: 'book_update', ...base(1_000), is_snapshot: true, bids: [], asks: [['95000.5', '2']] },
      { type: 'trade', ...base(2_000), id: '7', side: 'sell', price: '95000.0', size: '0.5' },
      { type: 'trade', ...base(2_000), id: '8', side: 'unknown', price: '95000.0', size: '0.5' },
      { type: 'book_update', ...base(2_000), is_snapshot: false, bids: [['95000.0', '1.0']], asks: [] },
      { type: 'quote', ...base(2_500), bid_price: '1.0', bid_size: '1', ask_price: '2.0', ask_size: '1' },
      { type: 'derivative', ...base(3_000), mark_price: '95000.07', index_price: '95000.01', last_price: null, funding_rate: '-0.0001', predicted_funding_rate: null, funding_time_us: US + 8 * 3_600_000_000, open_interest: '12.5' },
      { type: 'book_snapshot', ...base(4_000), bids: [['94990.0', '3']], asks: [['95010.0', '4']] },
    ];
    const events = drain(encodeReplay(HEADER, records.map(rec)));
    const T = US / 1000;
    expect(events.map((e) => [e.kind, e.ts, e.kind === 'quote' ? [e.bidTicks, e.bidLots, e.askTicks, e.askLots] : e.kind === 'trade' ? [e.tradeId, e.takerSide, e.priceTicks, e.qtyLots] : e.kind === 'mark' ? [e.markTicks, e.indexTicks, e.fundingRate] : null])).toEqual([
      ['quote', T + 1, [950_000, 1500, 950_005, 2000]],
      ['trade', T + 2, ['7', 'sell', 950_000, 500]],
      ['quote', T + 2, [950_000, 1000, 950_005, 2000]],
      ['mark', T + 3, [950_001, 950_000, '-0.0001']],
      ['quote', T + 4, [949_900, 3000, 950_100, 4000]],
    ]);
  });

  it('counts records by class and the book sync in the health report', () => {
    const records: NormalizedRecord[] = [
      { type: 'book_update', ...base(0), is_snapshot: false, bids: [['94999.0', '9']], asks: [] },
      { type: 'book_snapshot', ...base(1_000), bids: [['95000.0', '1']], asks: [['95000.5', '1']] },
      { type: 'trade', ...base(2_000), id: '9', side: 'buy', price: '95000.05', size: '1' },
      { type: 'trade', ...{ ...base(2_000), symbol: 'ETHUSDT' }, id: '10', side: 'buy', price: '1', size: '1' },
    ];
    const { feed } = buildReplayFeedFromText('n.jsonl', encodeReplay(HEADER, records.map(rec)), [BTCUSDT_SPEC], { barResolutions: '' });
    while (feed.next() !== null);
    const health = feed.health() as Record<string, any>;
    expect(health['frames_by_class']).toMatchObject({ 'market-data': 2, 'invalid-value': 1, 'unknown-symbol': 1 });
    expect(health['books']['BTCUSDT']).toMatchObject({ snapshots: 1, dropped_unsynced: 1 });
  });
});

describe('docs/replay-format.schema.json', () => {
  it('accepts the lines the encoder writes, headers of both versions included, and refuses a bad decimal and an extra key', async () => {
    const { readFileSync } = await import('node:fs');
    const { schemaErrors } = await import('../../helpers/json-schema-subset.js');
    const schema = JSON.parse(readFileSync(new URL('../../../docs/replay-format.schema.json', import.meta.url), 'utf8'));
    const records: NormalizedRecord[] = [
      { type: 'book_snapshot', ...base(0), bids: [['1.5', '2']], asks: [] },
      { type: 'book_update', ...base(0), is_snapshot: true, bids: [], asks: [['2', '0']] },
      { type: 'trade', ...base(0), id: '', side: 'unknown', price: '1', size: '1' },
      { type: 'quote', ...base(0), bid_price: null, bid_size: null, ask_price: '2', ask_size: '3' },
      { type: 'derivative', ...base(0), mark_price: '1', index_price: null, last_price: null, funding_rate: '-0.01', predicted_funding_rate: null, funding_time_us: null, open_interest: null },
    ];
    const lines = encodeReplay(HEADER, records.map(rec)).trimEnd().split('\n');
    lines.push('{"format":"shadow-exec-replay","version":1,"venue":"binance","market":"spot"}', '{"t":1,"frame":"{}"}', '{"t":1,"rest":"GET /x","body":""}');
    expect(lines.map((l) => schemaErrors(schema, JSON.parse(l)))).toEqual(lines.map(() => []));
    expect(schemaErrors(schema, JSON.parse(lines[4]!.replace('"2"', '"2e1"')))).not.toEqual([]);
    expect(schemaErrors(schema, { ...JSON.parse(lines[4]!), extra: 1 })).not.toEqual([]);
  });
});
