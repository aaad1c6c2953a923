// Imported (for its effect) by tests that compose runs or parse run options directly: loads every venue's and feed's modules, as the CLI does for the ones a run names.
import { loadAllFeedModules } from '../../src/app/feed-modules.js';
import { loadAllVenueModules } from '../../src/app/venue-modules.js';

await loadAllVenueModules();
await loadAllFeedModules();
