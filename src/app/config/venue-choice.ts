// Maps the venue flags of `run` (--exchange, the market flag, --instruments, signing flags) onto the chosen venue module, refusing flags the venue does not take.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { allVenuesLoaded, isVenueName, loadAllVenues, loadedVenues, venueModule, venueNamesWhere, VENUE_CHOICES, VENUE_FAMILIES } from '../venue-registry.js';
import { orList } from '../../core/text/or-list.js';
import type { VenueModule } from '../../venues/venue-module.js';
import { matchChoice, notOnVenue, venueFlags } from './venue-flag.js';

/** The market flags of the CLI (`run`, `record`): each venue with more than one market names one of them. */
export const MARKET_FLAGS = ['--category', '--market'] as const;
export type MarketFlag = (typeof MARKET_FLAGS)[number];

/** The raw venue flags as commander hands them over. */
export interface RawVenueOptions {
  readonly exchange?: string;
  readonly category?: string;
  readonly market?: string;
}

const rawMarketFlag = (raw: RawVenueOptions, flag: MarketFlag): string | undefined => (flag === '--category' ? raw.category : raw.market);

/** The venue --exchange names (`fallback` when not given): its loaded module; bad usage naming every venue when none is called so. */
export function chooseVenue(raw: string | undefined, fallback: string, allowed: (module: VenueModule) => boolean = () => true, expected?: string): VenueModule {
  const name = (raw ?? fallback).trim().toLowerCase();
  if (!isVenueName(name) || !allowed(venueModule(name))) {
    // A plain id no fixed venue has may be a family member's ("kraken" → "ccxt:kraken").
    const family = /^[a-z][a-z0-9]*$/.test(name) ? VENUE_FAMILIES.map((f) => f.choice.replace('<id>', name)) : [];
    throw new UsageError(`--exchange '${raw ?? ''}' is not allowed: expected ${expected ?? orList(VENUE_CHOICES)}${family.length === 0 ? '' : ` (for a venue of that id: ${orList(family)})`}`);
  }
  return venueModule(name);
}

/**
 * Refuses a market flag the chosen venue does not take, naming the venue that owns it and the other venues' flags:
 * "--<flag> does not apply to --exchange <venue>: it is a <owner> flag (<Other>: --<its flag> <m1>|<m2>)".
 */
export function refuseForeignMarketFlags(module: VenueModule, raw: RawVenueOptions): void {
  for (const flag of MARKET_FLAGS) {
    if (rawMarketFlag(raw, flag) === undefined || module.markets.flag === flag) continue;
    const owners = loadedVenues().filter((v) => v.markets.flag === flag);
    const others = loadedVenues().filter((v) => v.markets.flag !== null && v.markets.flag !== flag);
    const hint = others.map((v) => `${v.label}: ${v.markets.flag} ${v.markets.names.join('|')}`).join('; ');
    throw notOnVenue(flag, venueFlags(module.name), `it is a ${owners.map((v) => v.name).join('/')} flag${hint === '' ? '' : ` (${hint})`}`);
  }
}

/** The market the venue's flag chooses (case-insensitive), or its default; bad usage listing the markets. */
export function chooseMarket(module: VenueModule, raw: RawVenueOptions): string {
  const flag = module.markets.flag;
  if (flag === null) return module.markets.default;
  const given = rawMarketFlag(raw, flag as MarketFlag);
  const market = matchChoice(given ?? module.markets.default, module.markets.names);
  if (market === null) throw new UsageError(`${flag} '${given ?? ''}' is not allowed: expected ${module.markets.names.join(', ')}`);
  return market;
}

/** The flags that choose `module` and `market`, as messages quote them: "--exchange <venue> --<market flag> <market>". */
export function chosenVenueFlags(module: VenueModule, market: string): string {
  return venueFlags(module.name, module.markets.flag, market);
}

/** The names of the loaded venues `has` holds for, joined for a hint: "<a>, <b> or <c>". */
export function venuesWith(has: (module: VenueModule) => boolean, order: 'registry' | 'name' = 'registry'): string {
  return orList(venueNamesWhere(has, order));
}

/** --instruments on a venue with one built-in catalog: refused, naming the venues that read a saved one. */
export function refuseInstrumentsFile(module: VenueModule, given: boolean): void {
  if (!given || module.catalog.noFileReason === null) return;
  throw notOnVenue('--instruments', venueFlags(module.name), `${module.catalog.noFileReason} (--exchange ${venuesWith((v) => v.catalog.noFileReason === null)} read a saved one)`);
}

/** Signing flags and --mode dryrun on a venue without an API: refused, naming the venues that have one. */
export function refuseWithoutApi(module: VenueModule, signingFlag: string | undefined, dryrun: boolean): void {
  if (module.noApi === null) return;
  const apis = venuesWith((v) => v.noApi === null);
  if (signingFlag !== undefined) throw notOnVenue(signingFlag, venueFlags(module.name), `${module.noApi.signing} (--exchange ${apis})`);
  if (dryrun) throw notOnVenue('--mode dryrun', venueFlags(module.name), `${module.noApi.dryrun} (--exchange ${apis})`);
}

/**
 * --exit-oco on a market without OCO order lists: the refusal with what to use instead ("use --market spot", or the
 * other venues' markets that have them, those chosen by a flag first: "use --exchange <v> --market <m>, or <v2>"), or null.
 */
export function exitOcoRefusal(module: VenueModule, market: string): UsageError | null {
  const refusal = module.orderOptions.exitOcoRefusal(market);
  if (refusal === null) return null;
  const withOco = (v: VenueModule): string[] => v.markets.names.filter((m) => v.orderOptions.exitOcoRefusal(m) === null);
  if (refusal.instead === 'market') {
    const markets = withOco(module).map((m) => `${module.markets.flag} ${m}`);
    return notOnVenue('--exit-oco', chosenVenueFlags(module, market), `${refusal.why} (use ${orList(markets)})`);
  }
  const others = loadedVenues().filter((v) => v !== module);
  const flagged = others.filter((v) => v.markets.flag !== null).flatMap((v) => withOco(v).map((m) => `--exchange ${v.name} ${v.markets.flag} ${m}`));
  const plain = others.filter((v) => v.markets.flag === null && withOco(v).length > 0).map((v) => v.name);
  return notOnVenue('--exit-oco', venueFlags(module.name), `${refusal.why} (use ${[...flagged, ...plain].join(', or ')})`);
}

/** --requote-mode amend on a market whose amend cannot move a price: the refusal, or null. */
export function amendRefusal(module: VenueModule, market: string): UsageError | null {
  const amend = module.orderOptions.amendsPrice(market);
  return amend.price ? null : notOnVenue('--requote-mode amend', chosenVenueFlags(module, market), amend.note);
}

/**
 * Runs `parse` (option parsing that reads the loaded venues); when it refuses something before every venue is loaded,
 * loads them all and parses again, so a message that names other venues (their flags, the venues that take an option)
 * names every one. Parsing is pure: the second pass gives the same result or the complete message.
 */
export async function parseWithVenues<T>(parse: () => T): Promise<T> {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError) || allVenuesLoaded()) throw error;
    await loadAllVenues();
    return parse();
  }
}
