// Composition of `shadow-exec record`: the venue's endpoint and topics, the replay file with its header, and a LiveRecorder (with the venue's depth watch when book snapshots come over REST).
import { SeededRng } from '../core/random/seeded-rng.js';
import { SystemClock } from '../engine/system-clock.js';
import type { HttpGet } from '../feeds/live/depth-snapshot-fetcher.js';
import type { LiveWsTuning } from '../feeds/live/live-feed.js';
import { LiveRecorder } from '../feeds/live/live-recorder.js';
import { ReplayFileWriter } from '../feeds/replay/replay-file-writer.js';
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayHeader, type ReplayMarket, type ReplayVenue } from '../feeds/replay/replay-format.js';
import { SystemTimers } from '../feeds/ws/system-timers.js';
import type { Timers } from '../ports/timers.js';
import type { Clock } from '../ports/clock.js';
import { liveEndpoint, liveProtocol, liveTopics, venueLive } from './live-venue.js';
import { venueModule } from './venue-registry.js';

export interface RecordSettings {
  readonly venue: ReplayVenue;
  readonly market: ReplayMarket;
  /** Upper-case venue symbols. */
  readonly symbols: readonly string[];
  /** Stream kinds expanded per symbol (the venue's `live.defaultStreams` when not given). */
  readonly streams: readonly string[];
  readonly wsUrl: string | null;
  readonly restUrl: string | null;
  /** The file to write. */
  readonly out: string;
  /** "shadow-exec record 0.1.0" — the header's provenance. */
  readonly recorder: string;
}

/** Ports a test may replace. */
export interface RecordPorts {
  readonly clock?: Clock;
  readonly timers?: Timers;
  readonly get?: HttpGet;
  readonly ws?: LiveWsTuning;
}

export interface RecordWiring {
  readonly recorder: LiveRecorder;
  readonly header: ReplayHeader;
  readonly topics: readonly string[];
}

/** Checks the topics against the venue's rules before anything is created; returns the refusal or null. */
export function invalidRecordTopic(settings: Pick<RecordSettings, 'venue' | 'market' | 'symbols' | 'streams' | 'wsUrl' | 'restUrl'>): string | null {
  const module = venueModule(settings.venue);
  const protocol = liveProtocol(module, liveEndpoint(module, settings.market, settings.wsUrl, settings.restUrl));
  for (const topic of liveTopics(module, settings.symbols, settings.streams)) {
    const why = protocol.validateTopic(topic);
    if (why !== null) return why;
  }
  return null;
}

export function buildRecorder(settings: RecordSettings, ports: RecordPorts = {}): RecordWiring {
  const { venue, market } = settings;
  const module = venueModule(venue);
  const snapshots = venueLive(module).snapshots;
  const endpoint = liveEndpoint(module, market, settings.wsUrl, settings.restUrl);
  const protocol = liveProtocol(module, endpoint);
  const topics = liveTopics(module, settings.symbols, settings.streams);
  const header: ReplayHeader = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    venue,
    market,
    url: endpoint.wsUrl,
    source: `${settings.recorder}: ${topics.join(',')}${endpoint.restUrl === null ? '' : `; depth snapshots from ${endpoint.restUrl}`}`,
  };
  const writer = ReplayFileWriter.open(settings.out, header);
  const restUrl = endpoint.restUrl;
  const recorder = new LiveRecorder({
    protocol,
    topics,
    writer,
    timers: ports.timers ?? new SystemTimers(),
    clock: ports.clock ?? new SystemClock(),
    // Reconnect jitter only; a recording's content never depends on it.
    rng: new SeededRng('shadow-exec:record').fork('ws'),
    snapshots:
      restUrl === null || snapshots === undefined
        ? null
        : {
            restUrl,
            requestLine: (symbol) => snapshots.requestLine(market, symbol),
            watch: snapshots.watch(market, settings.symbols),
            ...(ports.get === undefined ? {} : { get: ports.get }),
          },
    ...(ports.ws === undefined ? {} : { ws: ports.ws }),
  });
  return { recorder, header, topics };
}
