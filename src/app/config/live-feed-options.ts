// Validates the --feed live flags (--ws-url, --rest-url, --ws-connections) of a run, and the URL flags `record` shares.
import { validateRestUrl } from '../../feeds/live/endpoint-url.js';
import type { FeedKind, LiveFeedConfig } from './feed-config.js';
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { validateWsUrl } from '../../feeds/ws/validate-ws-url.js';
import { integerValue } from './option-values.js';
import type { VenueModule } from '../../venues/venue-module.js';
import { noLiveFeedError } from '../no-live-feed.js';
import { notOnVenue, venueFlags } from './venue-flag.js';
import { venuesWith } from './venue-choice.js';

/** The raw flags this file reads. */
export interface RawLiveOptions {
  readonly wsUrl?: string;
  readonly restUrl?: string;
  readonly wsConnections?: string;
  readonly start?: string;
}

/** A URL flag checked by `validate` (which throws E_CONFIG), re-raised as bad usage naming the flag. */
export function urlOption(flag: string, raw: string | undefined, validate: (url: string) => string): string | null {
  if (raw === undefined) return null;
  try {
    return validate(raw.trim());
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

/** --ws-url, --rest-url, --ws-connections: only with --feed live on a venue with public market data; --rest-url only where book snapshots come over REST. */
export function liveOption(raw: RawLiveOptions, feed: FeedKind, venue: VenueModule): Omit<LiveFeedConfig, 'kind'> | null {
  const given = (['--ws-url', '--rest-url', '--ws-connections'] as const).filter((_, i) => [raw.wsUrl, raw.restUrl, raw.wsConnections][i] !== undefined);
  if (feed !== 'live') {
    if (given.length > 0) throw new UsageError(`${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to --feed live only`);
    return null;
  }
  if (venue.live === undefined && venue.streams === undefined) throw noLiveFeedError(venue);
  if (raw.start !== undefined) throw new UsageError('--start does not apply to --feed live: a live run runs on the system clock');
  if (venue.live === undefined) {
    // A venue streamed by its client library: the library fetches what it needs and keeps its own connections.
    if (raw.restUrl !== undefined) refuseRestUrl(venue, `${venue.label}'s client library fetches its book snapshots itself`);
    if (raw.wsConnections !== undefined && connections(raw.wsConnections) !== 1) {
      throw new UsageError(`--ws-connections ${raw.wsConnections} is not allowed on ${venue.label}: its client library keeps one connection per stream itself (--ws-connections 1)`);
    }
    return { wsUrl: urlOption('--ws-url', raw.wsUrl, validateWsUrl), restUrl: null, connections: 1 };
  }
  if (raw.restUrl !== undefined) refuseRestUrl(venue, venue.live.restUrlRefusal);
  return {
    wsUrl: urlOption('--ws-url', raw.wsUrl, validateWsUrl),
    restUrl: urlOption('--rest-url', raw.restUrl, validateRestUrl),
    connections: connections(raw.wsConnections),
  };
}

/** --ws-connections: 1..16, one whole number. */
function connections(raw: string | undefined): number {
  return integerValue('wsConnections', raw);
}

/** --rest-url on a venue whose book snapshots do not come over REST (`why`; null: it takes one). */
export function refuseRestUrl(venue: VenueModule, why: string | null): void {
  if (why === null) return;
  throw notOnVenue('--rest-url', venueFlags(venue.name), `${why} (--rest-url is a ${venuesWith((v) => v.live?.restUrlRefusal === null, 'name').replace(/ or /g, '/')} flag)`);
}
