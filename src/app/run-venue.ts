// The venue module and market a run config chose, read from the venue registry (the one place that maps a config onto its venue).
import { venueModule } from './venue-registry.js';
import type { VenueModule } from '../venues/venue-module.js';
import type { RunConfig } from './run-config.js';

export interface RunVenue {
  readonly module: VenueModule;
  /** The market of the run: the chosen one, or the venue's only market. */
  readonly market: string;
}

/** The run's venue module (loaded before composition) and market. */
export function runVenue(config: Pick<RunConfig, 'exchange' | 'category' | 'market'>): RunVenue {
  const module = venueModule(config.exchange);
  return { module, market: config.category ?? config.market ?? module.markets.default };
}
