// The refusal of --feed live on a venue without public market data, naming the venues that have some (option parsing and composition say it alike).
import { UsageError } from '../core/errors/shadow-exec-error.js';
import { orList } from '../core/text/or-list.js';
import type { VenueModule } from '../venues/venue-module.js';
import { VENUE_FAMILIES, venueNamesWhere } from './venue-registry.js';

/** "--feed live needs --exchange binance or bybit: the fake venue has no public market data". */
export function noLiveFeedError(venue: VenueModule): UsageError {
  const families = VENUE_FAMILIES.flatMap((f) => (f.liveFeed === undefined ? [] : [f.choice]));
  return new UsageError(`--feed live needs --exchange ${orList([...venueNamesWhere((v) => v.live !== undefined || v.streams !== undefined, 'name'), ...families])}: ${venue.label} has no public market data`);
}
