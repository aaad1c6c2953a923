// Imported (for its effect) by tests that compose runs or parse run options directly: loads every venue's and feed's modules, as the CLI does for the ones a run names.
import { loadAllFeedModules } from '../../src/app/feed-modules.js';
import { loadAllVenues } from '../../src/app/venue-registry.js';

await loadAllVenues();
await loadAllFeedModules();
