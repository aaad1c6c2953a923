// Covers recordStreams: a venue's normalized streams drained into a version-2 replay file, ended by --duration on the given timers, by Ctrl-C, or by a stream failure (the file keeps what arrived).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordStreams, type StreamRecordSettings } from '../../src/app/stream-recorder.js';
import type { NormalizedRecord } from '../../src/feeds/replay/normalized-record.js';
import type { NormalizedStream, StreamOpenInput, VenueStreams } from '../../src/venues/venue-module.js';
import { VirtualTimers } from '../helpers/virtual-timers.js';

const dir = mkdtempSync(join(tmpdir(), 'stream-recorder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trade = (ms: number, id: string): NormalizedRecord => ({ type: 'trade', symbol: 'BTC/USDT', exchange_us: ms * 1000, local_us: ms * 1000, id, side: 'buy', price: '1', size: '2' });

/** A stream that hands out `batches` one per next() (then waits forever), failing after them when `failure` is given. */
function fakeStreams(batches: NormalizedRecord[][], failure: string | null, opened: StreamOpenInput[]): VenueStreams {
  return {
    kinds: ['trades'],
    defaultKinds: ['trades'],
    examples: [],
    liveRules: { books: 'test books', reconnects: 'test reconnects' },
    defaultUrl: 'test streams',
    async open(input) {
      opened.push(input);
      let closed = false;
      let failed: string | null = null;
      const stream: NormalizedStream = {
        next: async () => {
          const batch = batches.shift();
          if (batch !== undefined) return batch;
          if (failure !== null) {
            failed = failure;
            return [];
          }
          return new Promise<never>(() => {});
        },
        close: async () => {
          closed = true;
        },
        health: () => ({ closed }),
        failure: () => failed,
        lastError: () => failed,
      };
      return stream;
    },
  };
}

const settings = (out: string): StreamRecordSettings => ({ venue: 'ccxt:x', market: 'spot', symbols: ['BTC/USDT'], kinds: ['trades'], wsUrl: null, instruments: null, out, recorder: 'test' });

describe('recordStreams', () => {
  it('writes the header and every record, and stops at --duration on the given timers', async () => {
    const out = join(dir, 'a.jsonl');
    const timers = new VirtualTimers(1_000);
    const opened: StreamOpenInput[] = [];
    const running = recordStreams(fakeStreams([[trade(1_000, 'a')], [trade(1_001, 'b'), trade(1_001, 'c')]], null, opened), settings(out), timers, { durationMs: 5_000, stopRequested: () => false });
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      timers.advance(1_000);
    }
    const outcome = await running;
    expect(outcome).toMatchObject({ records: 3, endReason: 'duration', failure: null, health: { closed: true } });
    expect(opened[0]).toMatchObject({ market: 'spot', symbols: ['BTC/USDT'], kinds: ['trades'], wsUrl: null, markets: null });
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('{"format":"shadow-exec-replay","version":2,"venue":"ccxt:x","market":"spot","data":"normalized","source":"test: BTC/USDT × trades"}');
    expect(lines.slice(1)).toEqual([
      '{"t":1000,"type":"trade","symbol":"BTC/USDT","exchange_us":1000000,"local_us":1000000,"id":"a","side":"buy","price":"1","size":"2"}',
      '{"t":1001,"type":"trade","symbol":"BTC/USDT","exchange_us":1001000,"local_us":1001000,"id":"b","side":"buy","price":"1","size":"2"}',
      '{"t":1001,"type":"trade","symbol":"BTC/USDT","exchange_us":1001000,"local_us":1001000,"id":"c","side":"buy","price":"1","size":"2"}',
      '',
    ]);
  });

  it('ends on a stream failure with its reason, keeping the records before it', async () => {
    const out = join(dir, 'b.jsonl');
    const outcome = await recordStreams(fakeStreams([[trade(5, 'a')]], 'NetworkError: connection refused', []), settings(out), new VirtualTimers(0), { durationMs: null, stopRequested: () => false });
    expect(outcome).toMatchObject({ records: 1, endReason: 'feed-failed', failure: 'NetworkError: connection refused' });
  });

  it('ends as interrupted when a stop is requested', async () => {
    const out = join(dir, 'c.jsonl');
    const outcome = await recordStreams(fakeStreams([], null, []), settings(out), new VirtualTimers(0), { durationMs: null, stopRequested: () => true });
    expect(outcome).toMatchObject({ records: 0, endReason: 'interrupted' });
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(2);
  });
});
