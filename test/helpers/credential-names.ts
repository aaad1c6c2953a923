// The signing venues' key variable names as the venue modules declare them, for secrets tests that build providers directly.
import type { CredentialNames } from '../../src/ports/secret-provider.js';
import { binanceVenue } from '../../src/venues/binance/binance-venue.js';
import { bybitVenue } from '../../src/venues/bybit/bybit-venue.js';

/** Every signing venue's base variable names, by venue name (registry order). */
export const CREDENTIAL_NAMES: ReadonlyMap<string, CredentialNames> = new Map([bybitVenue, binanceVenue].map((v) => [v.name, v.credentials!] as const));
/** The signing venues' names (registry order): what a secrets file may hold. */
export const SIGNING_VENUES: readonly string[] = [...CREDENTIAL_NAMES.keys()];
/** One venue's base variable names. */
export const namesOf = (venue: string): CredentialNames => CREDENTIAL_NAMES.get(venue)!;
