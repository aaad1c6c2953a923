// The venue registry: loads a venue's folder only when a run chooses that venue (dynamic import), before the synchronous composition reads it.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';

/** One line per venue with modules of its own (the fake venue's are small and always loaded). */
const LOADERS = {
  bybit: () => import('../venues/bybit/bybit-module.js'),
  binance: () => import('../venues/binance/binance-module.js'),
} as const;

export type RegisteredVenue = keyof typeof LOADERS;
type VenueModule<V extends RegisteredVenue> = Awaited<ReturnType<(typeof LOADERS)[V]>>;

const loaded: { [V in RegisteredVenue]?: VenueModule<V> } = {};

function isRegistered(name: string): name is RegisteredVenue {
  return Object.prototype.hasOwnProperty.call(LOADERS, name);
}

async function load<V extends RegisteredVenue>(venue: V): Promise<void> {
  (loaded as Record<V, VenueModule<V>>)[venue] ??= (await LOADERS[venue]()) as VenueModule<V>;
}

/**
 * Loads the modules of the venue `exchange` names (as given on the command line, any case); a name no venue has
 * loads nothing, and option parsing then says what is wrong with it.
 */
export async function loadVenueModules(exchange: string | undefined): Promise<void> {
  const name = (exchange ?? '').trim().toLowerCase();
  if (isRegistered(name)) await load(name);
}

/** Loads every venue's modules (tests, benches and tools that compose runs of any venue). */
export async function loadAllVenueModules(): Promise<void> {
  for (const venue of Object.keys(LOADERS) as RegisteredVenue[]) await load(venue);
}

/**
 * True when `exchange` names a venue with an API of its own (wire format, signing, endpoints, rate limits) — every
 * registered venue; the fake venue answers in-process and has none. Callers ask this instead of naming a venue.
 */
export function hasVenueApi<E extends string>(exchange: E): exchange is E & RegisteredVenue {
  return isRegistered(exchange);
}

/** The loaded modules of `venue`; an E_INVARIANT error when the caller composed a run without loading them first. */
function venueModule<V extends RegisteredVenue>(venue: V): VenueModule<V> {
  const found = loaded[venue] as VenueModule<V> | undefined;
  if (found === undefined) throw new ShadowExecError('E_INVARIANT', `invariant violated: the modules of venue '${venue}' were not loaded before the run was composed (loadVenueModules)`);
  return found;
}

/** Bybit's loaded modules (catalog, rules, API gate, option checks). */
export const bybitModules = (): VenueModule<'bybit'> => venueModule('bybit');

/** Binance's loaded modules (catalog, rules, API gate, option checks, amend support). */
export const binanceModules = (): VenueModule<'binance'> => venueModule('binance');
