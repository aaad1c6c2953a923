// `record` on a venue whose own client library streams its public data (VenueModule.streams): drains the normalized records into a version-2 replay file until --duration, Ctrl-C or a stream failure.
import { readFileSync } from 'node:fs';
import { inputReadError } from '../core/errors/io-failure.js';
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { ReplayFileWriter } from '../feeds/replay/replay-file-writer.js';
import { NORMALIZED_REPLAY_VERSION, REPLAY_FORMAT, type ReplayHeader } from '../feeds/replay/replay-format.js';
import { recordT, type NormalizedRecord } from '../feeds/replay/normalized-record.js';
import type { Timers } from '../ports/timers.js';
import type { InstrumentFile, NormalizedStream, VenueStreams } from '../venues/venue-module.js';

export interface StreamRecordSettings {
  readonly venue: string;
  readonly market: string;
  readonly symbols: readonly string[];
  readonly kinds: readonly string[];
  readonly wsUrl: string | null;
  /** --instruments FILE: the saved markets the library needs offline; null: fetched live. */
  readonly instruments: string | null;
  readonly out: string;
  readonly recorder: string;
}

export interface StreamRecordHooks {
  readonly durationMs: number | null;
  readonly stopRequested: () => boolean;
  readonly log?: (line: string) => void;
}

export interface StreamRecordOutcome {
  readonly records: number;
  readonly bytes: number;
  readonly endReason: 'duration' | 'interrupted' | 'feed-failed';
  readonly failure: string | null;
  readonly health: JsonValue;
}

/** The header of a recording of `settings` (normalized records, version 2). */
export function streamRecordHeader(settings: StreamRecordSettings): ReplayHeader {
  return {
    format: REPLAY_FORMAT,
    version: NORMALIZED_REPLAY_VERSION,
    venue: settings.venue,
    market: settings.market,
    data: 'normalized',
    ...(settings.wsUrl === null ? {} : { url: settings.wsUrl }),
    source: `${settings.recorder}: ${settings.symbols.join(',')} × ${settings.kinds.join(',')}`,
  };
}

/** --instruments FILE read and JSON-parsed for a streams venue's library; null when no file was given. UsageError naming a file that is not JSON. */
export function readMarketsFile(path: string | null): InstrumentFile | null {
  if (path === null) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw inputReadError('--instruments', path, error);
  }
  try {
    return { path, json: JSON.parse(text) as unknown };
  } catch {
    throw new UsageError(`--instruments '${path}' is not JSON: expected a saved markets file`);
  }
}

/** Opens the streams and the file, then writes records as they arrive; the file always ends with a whole line. */
export async function recordStreams(streams: VenueStreams, settings: StreamRecordSettings, timers: Timers, hooks: StreamRecordHooks, libraryHooks?: Readonly<Record<string, unknown>>): Promise<StreamRecordOutcome> {
  const markets = readMarketsFile(settings.instruments);
  const stream: NormalizedStream = await streams.open({
    market: settings.market,
    symbols: settings.symbols,
    kinds: settings.kinds,
    wsUrl: settings.wsUrl,
    markets,
    clock: timers,
    ...(libraryHooks === undefined ? {} : { hooks: libraryHooks }),
  });
  const writer = ReplayFileWriter.open(settings.out, streamRecordHeader(settings));
  const deadline = hooks.durationMs === null ? null : timers.now() + hooks.durationMs;
  let endReason: StreamRecordOutcome['endReason'] = 'duration';
  let pending: Promise<readonly NormalizedRecord[]> | null = null;
  try {
    for (;;) {
      if (hooks.stopRequested()) {
        endReason = 'interrupted';
        break;
      }
      if (deadline !== null && timers.now() >= deadline) break;
      pending ??= stream.next();
      // A timer wakes the wait at the deadline, and at least every second to look at Ctrl-C; cleared once the race is decided.
      let handle: unknown;
      const tick = new Promise<'tick'>((resolve) => {
        handle = timers.setTimeout(() => resolve('tick'), Math.max(0, Math.min(1000, deadline === null ? 1000 : deadline - timers.now())));
      });
      const got = await Promise.race([pending, tick]);
      timers.clearTimeout(handle);
      if (got === 'tick') continue;
      pending = null;
      for (const record of got) writer.append({ kind: 'normalized', t: recordT(record), record });
      if (stream.failure() !== null) {
        endReason = 'feed-failed';
        break;
      }
    }
  } finally {
    await stream.close();
    writer.close();
  }
  return { records: writer.records, bytes: writer.bytes, endReason, failure: stream.failure(), health: stream.health() };
}
