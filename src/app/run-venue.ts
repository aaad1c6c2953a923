// The venue module and market a run config chose, read from the venue registry (the one place that maps a config onto its venue).
import type { VenueModule } from '../venues/venue-module.js';
import type { RunConfig } from './config/run-config.js';
import { venueModule } from './venue-registry.js';

export interface RunVenue {
  readonly module: VenueModule;
  /** The market of the run: the chosen one, or the venue's only market. */
  readonly market: string;
}

/** The run's venue module (loaded before composition) and market. */
export function runVenue(config: Pick<RunConfig, 'venue'>): RunVenue {
  return { module: venueModule(config.venue.name), market: config.venue.market };
}
