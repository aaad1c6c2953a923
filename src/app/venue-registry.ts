// The venue registry: the one list of venues (one line each, loaded by dynamic import only when a run needs it) and synchronous access to the loaded modules.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { CredentialNames } from '../ports/secret-provider.js';
import type { VenueFamilyHelp, VenueModule } from '../venues/venue-module.js';
import { CCXT_FAMILY_HELP } from '../venues/ccxt/ccxt-family-help.js';

/** One line per venue, in the order help and errors list them. Adding a venue: its folder and one line here. */
const LOADERS: Readonly<Record<string, () => Promise<VenueModule>>> = {
  fake: async () => (await import('../venues/fake/fake-venue.js')).fakeVenue,
  bybit: async () => (await import('../venues/bybit/bybit-venue.js')).bybitVenue,
  binance: async () => (await import('../venues/binance/binance-venue.js')).binanceVenue,
  hyperliquid: async () => (await import('../venues/hyperliquid/hyperliquid-venue.js')).hyperliquidVenue,
};

/**
 * Parameterised venues, one line per prefix: `<prefix>:<id>` names a venue the prefix's factory builds for `id` (ccxt:okx,
 * ccxt:kraken). They load only when named, come after the fixed venues, and `loadAllVenues` leaves them out.
 */
const FACTORIES: Readonly<Record<string, (id: string) => Promise<VenueModule>>> = {
  ccxt: async (id) => (await import('../venues/ccxt/ccxt-venue.js')).ccxtVenue(id),
};

/** Help of each parameterised family, in FACTORIES order (a few constant strings: loads no venue). */
export const VENUE_FAMILIES: readonly VenueFamilyHelp[] = [CCXT_FAMILY_HELP];

/** Every venue's name (the --exchange values), in registry order; known without loading any venue. */
export const VENUE_NAMES: readonly string[] = Object.keys(LOADERS);

/** The --exchange choices for help and errors: the fixed venues, then each prefix as "<prefix>:<id>". */
export const VENUE_CHOICES: readonly string[] = [...VENUE_NAMES, ...VENUE_FAMILIES.map((f) => f.choice)];

/** The prefix and id of a parameterised venue name ("ccxt:okx"), or null. */
function parameterised(name: string): { prefix: string; id: string } | null {
  const colon = name.indexOf(':');
  if (colon <= 0) return null;
  const prefix = name.slice(0, colon);
  return Object.prototype.hasOwnProperty.call(FACTORIES, prefix) ? { prefix, id: name.slice(colon + 1) } : null;
}

const loaded = new Map<string, VenueModule>();

/** True when `name` (lower case) is a registered venue, or a parameterised one that has been loaded. */
export function isVenueName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOADERS, name) || (parameterised(name) !== null && loaded.has(name));
}

/** The venue a run trades when --exchange is not given: the registry's first. */
export const DEFAULT_VENUE: string = VENUE_NAMES[0]!;

/**
 * Loads the venue `name` names (as given on the command line, any case, surrounding spaces ignored; undefined: the
 * default venue); a name no venue has loads nothing (option parsing then says what is wrong with it).
 */
export async function loadVenue(name: string | undefined): Promise<void> {
  const key = (name ?? DEFAULT_VENUE).trim().toLowerCase();
  if (loaded.has(key)) return;
  const param = parameterised(key);
  if (param !== null) {
    // The factory refuses an id it has no venue for (UsageError naming it).
    loaded.set(key, await FACTORIES[param.prefix]!(param.id));
    return;
  }
  if (!isVenueName(key)) return;
  const module = await LOADERS[key]!();
  loaded.set(key, module);
}

/** Loads every venue (help, usage errors that list other venues, record, sign, rehearse, tests and tools). */
export async function loadAllVenues(): Promise<void> {
  for (const name of VENUE_NAMES) await loadVenue(name);
}

/** True when every registered (fixed) venue is loaded. */
export function allVenuesLoaded(): boolean {
  return VENUE_NAMES.every((name) => loaded.has(name));
}

/** The loaded module of `name`; an E_INVARIANT error when the caller composed a run without loading it first. */
export function venueModule(name: string): VenueModule {
  const found = loaded.get(name);
  if (found === undefined) throw new ShadowExecError('E_INVARIANT', `invariant violated: venue '${name}' was not loaded before the run was composed (loadVenue)`);
  return found;
}

/** The loaded venues, in registry order (parameterised ones after the fixed ones, in load order). */
export function loadedVenues(): VenueModule[] {
  const fixed = VENUE_NAMES.flatMap((name) => {
    const found = loaded.get(name);
    return found === undefined ? [] : [found];
  });
  return [...fixed, ...[...loaded].filter(([name]) => parameterised(name) !== null).map(([, module]) => module)];
}

/** Names of the loaded venues `has` holds for, in registry order or sorted by name (messages naming the venues that take a flag). */
export function venueNamesWhere(has: (module: VenueModule) => boolean, order: 'registry' | 'name' = 'registry'): string[] {
  const names = loadedVenues().filter(has).map((v) => v.name);
  return order === 'name' ? [...names].sort() : names;
}

/** The loaded venues that sign requests, by name (registry order), with their key variables' base names. */
export function credentialNames(): ReadonlyMap<string, CredentialNames> {
  return new Map(loadedVenues().flatMap((v) => (v.credentials === undefined ? [] : [[v.name, v.credentials] as const])));
}
