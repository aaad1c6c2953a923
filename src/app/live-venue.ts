// A venue's public market data as live runs and recordings use it: the endpoint with overrides, its protocol, the topics per symbol, and warnings for foreign hosts.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { WsVenueProtocol } from '../ports/ws-venue-protocol.js';
import { validateRestUrl } from '../feeds/live/endpoint-url.js';
import type { LiveEndpoint, VenueLive, VenueModule } from '../venues/venue-module.js';

export type { LiveEndpoint } from '../venues/venue-module.js';

/** The venue's live market data; E_INVARIANT when it has none (option parsing refuses --feed live and record first). */
export function venueLive(venue: VenueModule): VenueLive {
  if (venue.live === undefined) throw new ShadowExecError('E_INVARIANT', `invariant violated: venue '${venue.name}' has no public market data`);
  return venue.live;
}

/** The public endpoint of `venue`/`market`, with the --ws-url / --rest-url overrides applied (E_CONFIG when malformed). */
export function liveEndpoint(venue: VenueModule, market: string, wsUrl: string | null, restUrl: string | null): LiveEndpoint {
  return venueLive(venue).endpoint(market, wsUrl, restUrl);
}

/** The WebSocket protocol hooks for an endpoint of `venue`. */
export function liveProtocol(venue: VenueModule, endpoint: LiveEndpoint): WsVenueProtocol {
  return venueLive(venue).protocol(endpoint);
}

/** Topics for `symbols` (upper-case venue symbols) × stream `kinds` (default: the venue's), symbol-major: "btcusdt@depth@100ms" / "orderbook.50.BTCUSDT". */
export function liveTopics(venue: VenueModule, symbols: readonly string[], kinds: readonly string[] = venueLive(venue).defaultStreams): string[] {
  return venueLive(venue).topics(symbols, kinds);
}

/** The REST URL rule lives beside the other endpoint rules (option parsing uses it without loading any venue). */
export { validateRestUrl };

/**
 * One warning per --ws-url / --rest-url whose host is not one of `venue`'s public hosts (a mirror, a test
 * server, a typo): its data drives the run, so the operator should know it is not the venue's. Valid URLs only.
 */
export function endpointHostWarnings(venue: VenueModule, urls: readonly (readonly [flag: string, url: string | null])[]): string[] {
  const hosts = venueLive(venue).publicHosts;
  const warnings: string[] = [];
  for (const [flag, url] of urls) {
    if (url === null) continue;
    const host = new URL(url).hostname.toLowerCase();
    if (!hosts.includes(host)) warnings.push(`warning: ${flag} host '${host}' is not one of the venue's public hosts (${hosts.join(', ')}): the market data comes from whoever runs it`);
  }
  return warnings;
}
