// The venue options of a run: --exchange, --category/--market, --instruments and the flags only some venues take; resolves the instruments and default fees.
import { readFileSync } from 'node:fs';
import { inputReadError } from '../../core/errors/io-failure.js';
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { jsonSyntaxError } from '../../core/text/json-syntax-error.js';
import type { VenueModule } from '../../venues/venue-module.js';
import { resolveSymbols, type InstrumentCatalog, type VenueInstrument } from '../venue-instruments.js';
import { DEFAULT_VENUE } from '../venue-registry.js';
import { bad, defaultText, rangeOf } from './option-values.js';
import type { RunInput } from './run-input.js';
import { chooseMarket, chooseVenue, refuseForeignMarketFlags, refuseInstrumentsFile, refuseWithoutApi } from './venue-choice.js';

/** Reads --instruments FILE; replaced in tests. */
export type ReadText = (path: string) => string;
export const readText: ReadText = (path) => readFileSync(path, 'utf8');

export interface ResolvedVenue {
  /** The chosen venue's module (loaded from the venue registry before parsing). */
  readonly venue: VenueModule;
  readonly mode: 'shadow' | 'dryrun';
  /** The venue's market: the one its market flag chose, its default, or its only one. */
  readonly market: string;
  readonly symbols: string[];
  readonly instruments: readonly VenueInstrument[];
  /** The venue market's default maker and taker fees, bps. */
  readonly fees: { readonly makerBps: string; readonly takerBps: string };
}

/** The venue's catalog: bundled specs, or a saved instruments response (--instruments FILE) read and checked here. */
/** A venue catalog: the bundled one, or the one of an --instruments FILE (read and JSON-parsed here; UsageError naming the file's problem). */
export function loadCatalog(load: (file: { path: string; json: unknown } | null) => InstrumentCatalog, what: string, path: string | undefined, read: ReadText): InstrumentCatalog {
  if (path === undefined) return load(null);
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw inputReadError('--instruments', path, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // jsonSyntaxError names the position only: JSON.parse's message would quote the file (a secrets file given by mistake).
    throw new UsageError(`--instruments '${path}' is ${jsonSyntaxError(text)}: expected a saved ${what} response`);
  }
  try {
    return load({ path, json });
  } catch (error) {
    if (error instanceof ShadowExecError) throw new UsageError(`--instruments ${error.message}`);
    throw error;
  }
}

/** The venue, mode and instruments of `input`; a flag that does not apply to the chosen venue is refused. */
export function resolveVenue(input: RunInput, symbolsOf: (raw: string | undefined) => string[], read: ReadText): ResolvedVenue {
  const venue = chooseVenue(input.exchange, DEFAULT_VENUE);
  const mode = (input.mode ?? defaultText('mode')).trim().toLowerCase();
  if (mode !== 'shadow' && mode !== 'dryrun') throw bad('--mode', input.mode ?? '', rangeOf('mode', 'format').text);
  refuseInstrumentsFile(venue, input.instruments !== undefined);
  refuseForeignMarketFlags(venue, input);
  refuseWithoutApi(venue, (['--api-env', '--recv-window'] as const).find((_, i) => [input.apiEnv, input.recvWindow][i] !== undefined), mode === 'dryrun');
  const market = chooseMarket(venue, input);
  const catalog = loadCatalog((file) => venue.catalog.load(market, file), venue.catalog.sourceRequest(market) ?? '', input.instruments, read);
  const symbols = symbolsOf(input.symbols ?? venue.defaultSymbols?.join(','));
  const instruments = resolveSymbols(catalog, symbols);
  return { venue, mode, market, symbols, instruments, fees: venue.catalog.instrumentFees?.(market, instruments) ?? venue.markets.fees[market]! };
}
