// Covers the committed replay fixtures: they decode, every frame and REST body parses, the NKNUSDT diffs chain onto the REST snapshot without a gap, and the converter scripts reproduce them byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { buildSymbolGridLookup } from '../../../src/core/market/symbol-grid.js';
import type { BookDeltaEvent, MarketDataEvent } from '../../../src/core/model/market-data-event.js';
import { decodeReplay } from '../../../src/feeds/replay/replay-decoder.js';
import { BinanceStreamParser } from '../../../src/venues/binance/ws/binance-stream-parser.js';
import { BybitStreamParser } from '../../../src/venues/bybit/ws/bybit-stream-parser.js';
import { BINANCE_CAPTURE_SPECS, BYBIT_LINEAR_SPECS } from '../../helpers/market-grids.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BINANCE = `${ROOT}test/fixtures/replay/binance-spot-2021-10-11.jsonl`;
const BYBIT = `${ROOT}test/fixtures/replay/bybit-linear-samples.jsonl`;

describe('binance-spot-2021-10-11.jsonl', () => {
  const { header, records } = decodeReplay(readFileSync(BINANCE, 'utf8'));

  it('has a binance spot header and 265 frames + 4 REST snapshots from 1633998512063 to 1633998542077', () => {
    expect([header.venue, header.market, header.url?.startsWith('wss://stream.binance.com:9443/stream?streams=nknusdt@depth@100ms/')]).toEqual(['binance', 'spot', true]);
    expect(records.filter((r) => r.kind === 'frame')).toHaveLength(265);
    expect(records.filter((r) => r.kind === 'rest').map((r) => [r.t, r.kind === 'rest' ? r.rest : ''])).toEqual([
      [1633998512320, 'GET /api/v3/depth?symbol=NKNUSDT&limit=1000'],
      [1633998514646, 'GET /api/v3/depth?symbol=BLZETH&limit=1000'],
      [1633998516844, 'GET /api/v3/depth?symbol=LRCBTC&limit=1000'],
      [1633998522743, 'GET /api/v3/depth?symbol=RUNEEUR&limit=1000'],
    ]);
    expect([records[0]?.t, records.at(-1)?.t]).toEqual([1633998512063, 1633998542077]);
  });

  it('parses every record, and the NKNUSDT diffs continue the REST snapshot with no gap', () => {
    const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_CAPTURE_SPECS) });
    const events: MarketDataEvent[] = [];
    for (const r of records) {
      if (r.kind === 'normalized') throw new Error('the capture holds frames only');
      const cls = r.kind === 'frame'
        ? parser.parse(r.frame, r.t, events)
        : parser.parseDepthSnapshotBody(r.body, new URLSearchParams(r.rest.slice(r.rest.indexOf('?'))).get('symbol') ?? '', r.t, events);
      if (cls !== 'market-data') throw new Error(`${cls} ${parser.lastDetail} at t=${r.t}`);
    }
    expect(events).toHaveLength(269);
    // Binance's documented sync (web-socket-streams.md "How to manage a local order book correctly").
    const snapshotAt = events.findIndex((e) => e.kind === 'book-snapshot' && e.symbol === 'NKNUSDT');
    const snapshot = events[snapshotAt];
    const lastUpdateId = snapshot?.kind === 'book-snapshot' ? snapshot.updateId : -1;
    const diffs = events.slice(snapshotAt).filter((e): e is BookDeltaEvent => e.kind === 'book-delta' && e.symbol === 'NKNUSDT' && e.finalUpdateId > lastUpdateId);
    expect(diffs.length).toBe(149);
    expect(diffs[0]?.firstUpdateId).toBeLessThanOrEqual(lastUpdateId + 1);
    expect(diffs[0]?.finalUpdateId).toBeGreaterThanOrEqual(lastUpdateId + 1);
    const gaps = diffs.slice(1).filter((d, i) => d.firstUpdateId !== (diffs[i]?.finalUpdateId ?? 0) + 1);
    expect(gaps).toEqual([]);
  });
});

describe('bybit-linear-samples.jsonl', () => {
  it('holds the linear samples in receive order and every frame parses', () => {
    const { header, records } = decodeReplay(readFileSync(BYBIT, 'utf8'));
    expect([header.venue, header.market]).toEqual(['bybit', 'linear']);
    const parser = new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_LINEAR_SPECS) });
    const events: MarketDataEvent[] = [];
    const classes = records.map((r) => (r.kind === 'frame' ? parser.parse(r.frame, r.t, events) : 'rest'));
    expect(classes).toEqual(Array(6).fill('market-data'));
    expect(events.map((e) => `${e.kind} ${e.symbol} ${e.ts}`)).toEqual([
      'book-snapshot BTCUSDT 1680673820717',
      'book-delta BTCUSDT 1680673821137',
      'book-snapshot BTCPERP 1680673821591',
      'book-delta BTCPERP 1680673821651',
      'quote BTCUSDT 1680673821770',
      'mark BTCUSDT 1680673821770',
      'trade LTCUSDT 1680688979985',
    ]);
    expect(records.map((r) => r.t)).toEqual([1680673820724, 1680673821144, 1680673821598, 1680673821658, 1680673821777, 1680688979992]);
  });
});

describe('converter scripts', () => {
  const built = existsSync(`${ROOT}dist/src/feeds/replay/replay-format.js`);

  it.runIf(built)('reproduce both committed fixtures byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-fixtures-'));
    try {
      execFileSync(process.execPath, [`${ROOT}scripts/convert-cryptofeed-capture.mjs`,
        `${ROOT}test/fixtures/venues/binance_spot_ws_capture_cryptofeed_2021-10-11.txt`,
        `${ROOT}test/fixtures/venues/binance_spot_rest_depth_snapshots_cryptofeed_2021-10-11.txt`, join(dir, 'b.jsonl')]);
      execFileSync(process.execPath, [`${ROOT}scripts/build-bybit-replay-sample.mjs`, join(dir, 'y.jsonl')]);
      expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(BINANCE, 'utf8'));
      expect(readFileSync(join(dir, 'y.jsonl'), 'utf8')).toBe(readFileSync(BYBIT, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
