// LiveRecorder: records a venue's public streams into a replay file — every data frame with its receive time, and the REST depth snapshots its book sync needs — until a duration, a stop request or the circuit breaker.
//
// Rules (stated):
// - Frames are written raw, exactly as received, stamped with the clock (monotone wall ms) when handed
//   over; control traffic (acks, pongs) is not data and is not written.
// - Depth snapshots (Binance): a DepthSyncWatch follows the diff-depth update ids; whenever a symbol's
//   book would need a snapshot (first delta, gap, too-old snapshot) the recorder fetches
//   `GET <depth path>?symbol=…&limit=1000` and writes the body as a `rest` record at its receive time,
//   so a replay of the file finds its snapshots where a live run would have fetched them.
// - Failure: the connection gave up (circuit breaker, attempts exhausted), or the duration passed without
//   one data frame (`failure` names the last connection error); the file is closed either way.
// - The file is flushed every FLUSH_MS and on stop; close() fsyncs it. Every line is whole.
import type { Clock } from '../../ports/clock.js';
import type { Rng } from '../../ports/rng.js';
import type { ReplayFileWriter } from '../replay/replay-file-writer.js';
import { InterruptibleSleep } from '../ws/interruptible-sleep.js';
import type { Timers } from '../../ports/timers.js';
import { WsConnection } from '../ws/ws-connection.js';
import type { WsDataFrame, WsVenueProtocol } from '../../ports/ws-venue-protocol.js';
import { DepthSnapshotFetcher, type HttpGet } from './depth-snapshot-fetcher.js';
import type { DepthSyncWatch } from './depth-sync-watch.js';
import type { LiveWsTuning } from './live-feed.js';
import { noDataCause } from './no-data-cause.js';
import { gaveUp, wsEventLine } from './ws-event-line.js';

export interface LiveRecorderSettings {
  readonly protocol: WsVenueProtocol;
  readonly topics: readonly string[];
  readonly writer: ReplayFileWriter;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly rng: Rng;
  /** Binance: the REST source and the id watch that says when to fetch; null on Bybit. */
  readonly snapshots: {
    readonly restUrl: string;
    readonly requestLine: (symbol: string) => string;
    readonly watch: DepthSyncWatch;
    readonly get?: HttpGet;
  } | null;
  readonly ws?: LiveWsTuning;
}

export interface RecordHooks {
  /** Wall-clock length, ms; null: until stopped. */
  readonly durationMs: number | null;
  readonly stopRequested: () => boolean;
  readonly onProgress?: (stats: RecordStats) => void;
  readonly log?: (line: string) => void;
}

export interface RecordStats {
  readonly frames: number;
  readonly restRecords: number;
  /** File bytes, header included. */
  readonly bytes: number;
  readonly elapsedMs: number;
}

export type RecordEndReason = 'duration' | 'interrupted' | 'feed-failed';

export interface RecordOutcome extends RecordStats {
  readonly endReason: RecordEndReason;
  /** Why the connection gave up (endReason 'feed-failed'), or why a recording that ran its duration has no frame. */
  readonly failure: string | null;
}

/** ms between flushes (and progress updates). */
const FLUSH_MS = 200;

export class LiveRecorder {
  private readonly connection: WsConnection;
  private readonly fetcher: DepthSnapshotFetcher | null;
  private log: (line: string) => void = () => undefined;
  private frames = 0;
  private restRecords = 0;
  private failure: string | null = null;
  /** The latest reason the connection was lost or gave up. */
  private lastLoss: string | null = null;
  private stopped = false;
  /** The wait between flushes; a stop request ends it early. */
  private readonly idle: InterruptibleSleep;

  constructor(private readonly settings: LiveRecorderSettings) {
    this.idle = new InterruptibleSleep(settings.timers);
    this.connection = new WsConnection({
      ...settings.ws,
      protocol: settings.protocol,
      timers: settings.timers,
      rng: settings.rng,
      onData: (frame) => this.onFrame(frame),
      listener: (event) => {
        const line = wsEventLine(event, settings.protocol.url);
        if (line !== null) this.log(line);
        if (event.type === 'state' && (event.to === 'RECONNECTING' || gaveUp(event))) this.lastLoss = event.reason;
        if (gaveUp(event) && !this.stopped) {
          this.failure = event.reason;
          this.wake();
        }
      },
    });
    const s = settings.snapshots;
    this.fetcher =
      s === null
        ? null
        : new DepthSnapshotFetcher({
            restUrl: s.restUrl,
            requestLine: s.requestLine,
            timers: settings.timers,
            clock: settings.clock,
            ...(s.get === undefined ? {} : { get: s.get }),
            onSnapshot: (symbol, request, body, t) => this.onSnapshot(symbol, request, body, t),
            onFailure: (symbol, message) => this.log(`${symbol} depth snapshot failed (${message}); retrying`),
          });
  }

  /** Ends the current wait at once (a stop was requested). */
  wake(): void {
    this.idle.wake();
  }

  /** Records until the duration passed, a stop is requested or the connection gives up; the file is closed when it resolves. */
  async run(hooks: RecordHooks): Promise<RecordOutcome> {
    const { clock, writer } = this.settings;
    if (hooks.log !== undefined) this.log = hooks.log;
    const startMs = clock.now();
    const endMs = hooks.durationMs === null ? null : startMs + hooks.durationMs;
    const stats = (): RecordStats => ({ frames: this.frames, restRecords: this.restRecords, bytes: writer.bytes, elapsedMs: clock.now() - startMs });
    let endReason: RecordEndReason;
    try {
      this.connection.subscribe(this.settings.topics);
      this.connection.start();
      for (;;) {
        const now = clock.now();
        if (hooks.stopRequested()) endReason = 'interrupted';
        else if (endMs !== null && now >= endMs) endReason = 'duration';
        else if (this.failure !== null) endReason = 'feed-failed';
        else {
          await this.idle.sleep(Math.min(FLUSH_MS, endMs === null ? FLUSH_MS : endMs - now));
          writer.flush();
          hooks.onProgress?.(stats());
          continue;
        }
        break;
      }
    } finally {
      this.stopped = true;
      this.fetcher?.stop();
      await this.connection.stop('recording stopped');
      writer.close();
    }
    // A recording whose time passed without one data frame failed too: the file holds its header only.
    if (endReason === 'duration' && this.frames === 0) {
      this.failure = `no data frame in ${hooks.durationMs ?? 0} ms; ${noDataCause(this.lastLoss, this.connection.health().connects > 0)}`;
    }
    return { ...stats(), endReason, failure: this.failure };
  }

  private onFrame(frame: WsDataFrame): void {
    if (this.stopped) return;
    const t = this.settings.clock.now();
    this.settings.writer.append({ kind: 'frame', t, frame: frame.text });
    this.frames++;
    const symbol = this.settings.snapshots?.watch.onMessage(frame.message, t) ?? null;
    if (symbol !== null) this.fetcher?.request(symbol);
  }

  /** Records the body (a replay of the file meets it too); null when it is a depth snapshot, else why not (the fetcher counts it failed and retries). */
  private onSnapshot(symbol: string, request: string, body: string, t: number): string | null {
    if (this.stopped) return null;
    this.settings.writer.append({ kind: 'rest', t, rest: request, body });
    this.restRecords++;
    const verdict = this.settings.snapshots!.watch.onSnapshot(symbol, body, t);
    if (verdict === 'malformed') return 'no lastUpdateId';
    this.log(`${symbol} depth snapshot recorded (${verdict === 'synced' ? 'book in sync' : 'not usable yet: fetching another'})`);
    if (verdict === 'synced') this.fetcher!.synced(symbol);
    else this.fetcher!.request(symbol);
    return null;
  }
}
