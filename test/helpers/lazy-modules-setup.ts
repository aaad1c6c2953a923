// Vitest setup: loads every venue's and feed's modules once per test file, as the CLI does for the venue a run names, so tests may compose runs and parse options of any venue synchronously.
import { loadAllFeedModules } from '../../src/app/feed-modules.js';
import { loadAllVenueModules } from '../../src/app/venue-modules.js';

await loadAllVenueModules();
await loadAllFeedModules();
