// One wording for a flag that does not apply to the chosen venue: refused as bad usage (exit 2), naming the flag and the venue.
import { UsageError } from '../../core/errors/shadow-exec-error.js';

/** The chosen venue in the words of the flags that chose it: "--exchange binance --market spot" (`flag`: the venue's market flag, or null). */
export function venueFlags(exchange: string, flag: string | null = null, market: string | null = null): string {
  return `--exchange ${exchange}${flag === null || market === null ? '' : ` ${flag} ${market}`}`;
}

/** "`flag` does not apply to `venue`: `why`", the one message for every venue-specific flag given to another venue. */
export function notOnVenue(flag: string, venue: string, why: string): UsageError {
  return new UsageError(`${flag} does not apply to ${venue}: ${why}`);
}

/** A choice value compared case-insensitively (the rule for every choice option of every command), or null. */
export function matchChoice<T extends string>(raw: string, allowed: readonly T[]): T | null {
  const text = raw.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === text) ?? null;
}
