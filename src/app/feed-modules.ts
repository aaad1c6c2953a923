// The feed registry: loads the composition of a replay, import or live feed only when a run uses one (dynamic import), before the synchronous composition reads it.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { loadAllVenues } from './venue-registry.js';

const LOADERS = {
  replay: () => import('./compose-replay.js'),
  import: () => import('./compose-import.js'),
  live: () => import('./compose-live.js'),
} as const;

export type LazyFeed = keyof typeof LOADERS;
type FeedModule<F extends LazyFeed> = Awaited<ReturnType<(typeof LOADERS)[F]>>;

const loaded: { [F in LazyFeed]?: FeedModule<F> } = {};

async function load<F extends LazyFeed>(feed: F): Promise<void> {
  (loaded as Record<F, FeedModule<F>>)[feed] ??= (await LOADERS[feed]()) as FeedModule<F>;
}

/**
 * Loads what composing `config`'s market needs beyond the synthetic feed: the replay or the live feed's modules (a
 * replay also every venue: its header may name any venue, and a mismatch is explained naming them).
 */
export async function loadFeedModules(config: { readonly feed: { readonly kind: string } }): Promise<void> {
  if (config.feed.kind === 'live') await load('live');
  if (config.feed.kind === 'replay' || config.feed.kind === 'import') {
    await load('replay');
    await loadAllVenues();
  }
  if (config.feed.kind === 'import') {
    await load('import');
    await feedModule('import').loadImportSources();
  }
}

/** Loads every feed's modules (tests and tools that compose any market). */
export async function loadAllFeedModules(): Promise<void> {
  for (const feed of Object.keys(LOADERS) as LazyFeed[]) await load(feed);
  await feedModule('import').loadImportSources();
}

/** The loaded modules of `feed`; an E_INVARIANT error when the caller composed a run without loading them first. */
export function feedModule<F extends LazyFeed>(feed: F): FeedModule<F> {
  const found = loaded[feed] as FeedModule<F> | undefined;
  if (found === undefined) throw new ShadowExecError('E_INVARIANT', `invariant violated: the ${feed} feed modules were not loaded before the run was composed (loadFeedModules)`);
  return found;
}
