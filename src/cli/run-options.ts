// Validates the `run` command's raw flag values into a RunConfig; every rejection names the flag, the value and what is allowed.
import { jsonSyntaxError } from '../core/text/json-syntax-error.js';
import { readFileSync } from 'node:fs';
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import { inputReadError } from '../core/errors/io-failure.js';
import { Decimal, formatDecimal } from '../core/money/decimal.js';
import { defaultSpreadBps, FILL_MODELS, RUN_DEFAULTS, type RunConfig } from '../app/run-config.js';
import { QUEUE_CANCEL_RULES } from '../core/sim/queue-cancel-rule.js';
import { liveOption } from './live-options.js';
import { resolveSymbols, type InstrumentCatalog, type VenueInstrument } from '../app/venue-instruments.js';
import { API_ENVS, type ApiEnv } from '../ports/secret-provider.js';
import type { VenueModule } from '../venues/venue-module.js';
import { parseOrderOptions } from './order-options.js';
import { matchChoice } from './venue-flag.js';
import { amendRefusal, chooseMarket, chooseVenue, exitOcoRefusal, refuseForeignMarketFlags, refuseInstrumentsFile, refuseWithoutApi } from './venue-options.js';
import { formatUnfreezePolicy, parseUnfreezePolicy } from '../core/risk/unfreeze-policy.js';

/** Flag values exactly as commander hands them over (strings, or booleans for switches). */
export interface RawRunOptions {
  readonly exchange?: string;
  readonly mode?: string;
  readonly symbols?: string;
  readonly iterations?: string;
  readonly seed?: string;
  readonly start?: string;
  readonly intervalMs?: string;
  readonly maxInv?: string;
  readonly maxTotal?: string;
  readonly edgeThreshold?: string;
  readonly fillRate?: string;
  readonly latencyMs?: string;
  readonly latencyJitterMs?: string;
  readonly fillModel?: string;
  readonly queueCancels?: string;
  readonly spreadBps?: string;
  readonly requoteBps?: string;
  readonly orderNotional?: string;
  readonly makerFeeBps?: string;
  readonly takerFeeBps?: string;
  readonly markoutMs?: string;
  readonly edgeWindow?: string;
  readonly edgeMinFills?: string;
  readonly startPrices?: string;
  readonly volatilityBps?: string;
  readonly reportFills?: string;
  readonly category?: string;
  readonly market?: string;
  readonly instruments?: string;
  readonly orderOptions?: string;
  /** commander's --no-throttle sets this to false. */
  readonly throttle?: boolean;
  readonly apiEnv?: string;
  readonly recvWindow?: string;
  readonly requoteMode?: string;
  readonly cancelMode?: string;
  readonly exitOco?: string;
  readonly feed?: string;
  readonly duration?: string;
  readonly staleMs?: string;
  readonly maxDrawdown?: string;
  readonly reduceAtDrawdown?: string;
  readonly maxOrdersPerSec?: string;
  readonly unfreeze?: string;
  readonly circuitFailures?: string;
  readonly circuitWindowMs?: string;
  readonly circuitCooldownMs?: string;
  readonly wsUrl?: string;
  readonly restUrl?: string;
  readonly wsConnections?: string;
}

/** Reads --instruments FILE; replaced in tests. */
export type ReadText = (path: string) => string;
const readText: ReadText = (path) => readFileSync(path, 'utf8');

/** Upper bound of any USD amount: QUOTE_E8 integers must stay exact in a double. */
const MAX_USD = new Decimal(90_000_000);
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function bad(flag: string, value: string, allowed: string): UsageError {
  return new UsageError(`${flag} '${value}' is not allowed: expected ${allowed}`);
}

function integer(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const text = raw.trim();
  const allowed = `a whole number from ${min} to ${max}`;
  if (!/^\d+$/.test(text)) throw bad(flag, raw, allowed);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw bad(flag, raw, allowed);
  return n;
}

interface DecimalRule {
  readonly min: Decimal;
  readonly max: Decimal;
  /** Minimum is exclusive (value must be greater). */
  readonly minExclusive?: boolean;
  readonly places: number;
}

function decimalText(flag: string, raw: string, rule: DecimalRule): string {
  const text = raw.trim();
  const lower = rule.minExclusive ? `greater than ${rule.min.toString()}` : `from ${rule.min.toString()}`;
  const allowed = `a decimal ${lower} ${rule.minExclusive ? 'and at most' : 'to'} ${rule.max.toString()} with at most ${rule.places} decimal places`;
  if (!DECIMAL_TEXT.test(text)) throw bad(flag, raw, allowed);
  const value = new Decimal(text);
  const belowMin = rule.minExclusive ? value.lte(rule.min) : value.lt(rule.min);
  if (belowMin || value.gt(rule.max) || value.decimalPlaces() > rule.places) throw bad(flag, raw, allowed);
  return formatDecimal(value);
}

function decimal(flag: string, raw: string | undefined, fallback: string, rule: DecimalRule): string {
  return decimalText(flag, raw ?? fallback, rule);
}

const ISO_8601_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function isoStart(raw: string | undefined): string {
  const text = (raw ?? RUN_DEFAULTS.start).trim();
  const allowed = 'an ISO-8601 UTC time such as 2025-01-01T00:00:00Z (a date alone means midnight UTC)';
  const parts = ISO_8601_PARTS.exec(text);
  if (parts === null) throw bad('--start', text, allowed);
  const [y, mo, d, h, mi, sec] = parts.slice(1, 7).map((p) => Number(p ?? '0')) as [number, number, number, number, number, number];
  // Date.parse rolls impossible dates forward (2025-02-30 → 2025-03-02); rebuild the fields and compare.
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  const exists =
    check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && check.getUTCHours() === h && check.getUTCMinutes() === mi && check.getUTCSeconds() === sec;
  const ms = Date.parse(text);
  if (!exists || !Number.isFinite(ms) || ms < 0) throw bad('--start', text, allowed);
  return new Date(ms).toISOString();
}

function symbolList(raw: string | undefined): string[] {
  const text = raw ?? RUN_DEFAULTS.symbols;
  const symbols = text.split(',').map((s) => s.trim().toUpperCase());
  if (symbols.some((s) => s === '')) throw bad('--symbols', text, 'a comma-separated list of symbols');
  const duplicate = symbols.find((s, i) => symbols.indexOf(s) !== i);
  if (duplicate !== undefined) throw new UsageError(`--symbols '${text}' names ${duplicate} twice: list each symbol once`);
  return symbols;
}

/** The venue's catalog: bundled specs, or a saved instruments response (--instruments FILE) read and checked here. */
function loadCatalog(load: (file: { path: string; json: unknown } | null) => InstrumentCatalog, what: string, path: string | undefined, read: ReadText): InstrumentCatalog {
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

/** "TP:SL" in bps → the exit OCO setting; only venues with order lists take it. */
function exitOco(raw: string | undefined, venue: VenueModule, market: string): RunConfig['exitOco'] {
  if (raw === undefined) return null;
  const refusal = exitOcoRefusal(venue, market);
  if (refusal !== null) throw refusal;
  const parts = raw.split(':');
  const rule: DecimalRule = { min: new Decimal(0), max: new Decimal(10_000), minExclusive: true, places: 4 };
  if (parts.length !== 2) throw bad('--exit-oco', raw, 'TAKE_PROFIT_BPS:STOP_LOSS_BPS, e.g. 20:30');
  return { takeProfitBps: decimalText('--exit-oco take profit', parts[0]!, rule), stopLossBps: decimalText('--exit-oco stop loss', parts[1]!, rule) };
}

/** --unfreeze manual | auto:<ms>. */
function unfreezeOption(raw: string | undefined): string {
  const text = (raw ?? RUN_DEFAULTS.unfreeze).trim().toLowerCase();
  try {
    return formatUnfreezePolicy(parseUnfreezePolicy(text));
  } catch {
    throw bad('--unfreeze', text, 'manual, or auto:<ms> (unfreeze that long after the freeze condition cleared, e.g. auto:5000)');
  }
}

/** --feed synthetic | replay:FILE | live (a replay file is read when the run is composed). */
function feedOption(raw: string | undefined): { feed: RunConfig['feed']; replayFile: string | null } {
  const text = (raw ?? 'synthetic').trim();
  const kind = text.toLowerCase();
  if (kind === 'synthetic') return { feed: 'synthetic', replayFile: null };
  if (kind.startsWith('replay:') && text.length > 'replay:'.length) return { feed: 'replay', replayFile: text.slice('replay:'.length) };
  if (kind === 'live') return { feed: 'live', replayFile: null };
  throw bad('--feed', text, 'synthetic, replay:FILE (a file recorded in the shadow-exec replay format) or live');
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const DURATION_UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** --duration 500ms | 30s | 10m | 2h → ms (virtual; wall clock on a live feed; at most 30 days). */
export function durationOption(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const match = DURATION.exec(raw.trim());
  const ms = match === null ? NaN : Number(match[1]) * DURATION_UNIT_MS[match[2]!]!;
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms > 30 * 86_400_000) throw bad('--duration', raw, 'a positive whole number with a unit ms, s, m or h (at most 30 days), e.g. 30s or 10m');
  return ms;
}

/**
 * --fill-model (default: probabilistic on the synthetic feed, which prints no trades; trade-through on replay and live
 * feeds) with the settings that belong to it: --fill-rate to probabilistic, --queue-cancels to queue.
 */
function fillModelOptions(raw: RawRunOptions, synthetic: boolean): Pick<RunConfig, 'fillModel' | 'fillRate' | 'queueCancels'> {
  const fillModel = choice('--fill-model', raw.fillModel, synthetic ? 'probabilistic' : 'trade-through', FILL_MODELS);
  if (raw.fillRate !== undefined && fillModel !== 'probabilistic') {
    throw new UsageError(`--fill-rate applies to --fill-model probabilistic, not ${fillModel} (which fills from trades and the touch)`);
  }
  if (raw.queueCancels !== undefined && fillModel !== 'queue') throw new UsageError(`--queue-cancels applies to --fill-model queue, not ${fillModel}`);
  return {
    fillModel,
    fillRate: decimal('--fill-rate', raw.fillRate, RUN_DEFAULTS.fillRate, { min: new Decimal(0), max: new Decimal(1), places: 6 }),
    queueCancels: fillModel === 'queue' ? choice('--queue-cancels', raw.queueCancels, 'proportional', QUEUE_CANCEL_RULES) : null,
  };
}

/** --requote-mode amend needs a venue whose amend can move a price in place. */
function requoteMode(raw: string | undefined, venue: VenueModule, market: string): RunConfig['requoteMode'] {
  const mode = choice('--requote-mode', raw, RUN_DEFAULTS.requoteMode, ['replace', 'amend'] as const);
  const refusal = mode === 'amend' ? amendRefusal(venue, market) : null;
  if (refusal !== null) throw refusal;
  return mode;
}

function choice<T extends string>(flag: string, raw: string | undefined, fallback: T, allowed: readonly T[]): T {
  const value = matchChoice(raw ?? fallback, allowed);
  if (value === null) throw bad(flag, raw ?? '', allowed.join(', '));
  return value;
}

/** "SYM=V,SYM=V" (or, when `allowScalar`, one value for every symbol) → per-symbol decimal strings, defaults filled in. */
function perSymbol(
  flag: string,
  raw: string | undefined,
  symbols: readonly string[],
  fallback: (symbol: string) => string | null,
  rule: DecimalRule,
  allowScalar: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const symbol of symbols) {
    const value = fallback(symbol);
    if (value !== null) out[symbol] = decimalText(flag, value, rule);
  }
  const missing = (): string[] => symbols.filter((s) => out[s] === undefined);
  if (raw === undefined) {
    if (missing().length > 0) throw new UsageError(`${flag} must give ${missing().join(', ')} a value: there is no built-in default for ${missing().length === 1 ? 'it' : 'them'}`);
    return out;
  }
  const text = raw.trim();
  if (allowScalar && !text.includes('=')) {
    const value = decimalText(flag, text, rule);
    for (const symbol of symbols) out[symbol] = value;
    return out;
  }
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const [key, value, ...rest] = part.split('=');
    const symbol = (key ?? '').trim().toUpperCase();
    if (value === undefined || rest.length > 0 || symbol === '') {
      throw bad(flag, raw, `SYMBOL=VALUE pairs separated by commas${allowScalar ? ', or one value for every symbol' : ''}`);
    }
    if (!symbols.includes(symbol)) throw new UsageError(`${flag} names ${symbol}, which is not in --symbols (${symbols.join(', ')})`);
    if (seen.has(symbol)) throw new UsageError(`${flag} '${raw}' names ${symbol} twice: give each symbol once`);
    seen.add(symbol);
    out[symbol] = decimalText(`${flag} ${symbol}`, value, rule);
  }
  if (missing().length > 0) throw new UsageError(`${flag} must give ${missing().join(', ')} a value: there is no built-in default for ${missing().length === 1 ? 'it' : 'them'}`);
  return out;
}

export function parseRunOptions(raw: RawRunOptions, read: ReadText = readText): RunConfig {
  const venue = chooseVenue(raw.exchange, RUN_DEFAULTS.exchange);
  const exchange = venue.name as RunConfig['exchange'];
  const mode = (raw.mode ?? RUN_DEFAULTS.mode).trim().toLowerCase();
  if (mode !== 'shadow' && mode !== 'dryrun') throw bad('--mode', raw.mode ?? '', 'shadow or dryrun');
  refuseInstrumentsFile(venue, raw.instruments !== undefined);
  refuseForeignMarketFlags(venue, raw);
  refuseWithoutApi(venue, (['--api-env', '--recv-window'] as const).find((_, i) => [raw.apiEnv, raw.recvWindow][i] !== undefined), mode === 'dryrun');
  const venueMarket = chooseMarket(venue, raw);
  const category = (venue.markets.flag === '--category' ? venueMarket : null) as RunConfig['category'];
  const market = (venue.markets.flag === '--market' ? venueMarket : null) as RunConfig['market'];
  const catalog = loadCatalog((file) => venue.catalog.load(venueMarket, file), venue.catalog.sourceRequest(venueMarket) ?? '', raw.instruments, read);
  const symbols = symbolList(raw.symbols);
  const instruments = resolveSymbols(catalog, symbols);
  const bySymbol = new Map<string, VenueInstrument>(instruments.map((i) => [i.spec.symbol, i]));
  const fees = venue.markets.fees[venueMarket]!;
  const apiEnv: ApiEnv = choice('--api-env', raw.apiEnv, RUN_DEFAULTS.apiEnv, API_ENVS);
  const { feed, replayFile } = feedOption(raw.feed);
  const synthetic = feed === 'synthetic';
  const usd = (min: number, exclusive: boolean): DecimalRule => ({ min: new Decimal(min), max: MAX_USD, minExclusive: exclusive, places: 8 });
  const feeRule: DecimalRule = { min: new Decimal(-100), max: new Decimal(1000), places: 2 };
  const makerFeeBps = decimal('--maker-fee-bps', raw.makerFeeBps, fees.makerBps, feeRule);
  const spreadBps = decimal('--spread-bps', raw.spreadBps, defaultSpreadBps(makerFeeBps), { min: new Decimal(0), max: new Decimal(10_000), minExclusive: true, places: 3 });
  const edgeWindow = integer('--edge-window', raw.edgeWindow, RUN_DEFAULTS.edgeWindow, 1, 100_000);

  const config: RunConfig = {
    exchange,
    mode,
    feed,
    replayFile,
    live: liveOption(raw, feed, venue),
    durationMs: durationOption(raw.duration),
    startGiven: raw.start !== undefined,
    category,
    market,
    symbols,
    instruments,
    instrumentsFile: raw.instruments ?? null,
    orderOptions: parseOrderOptions(raw.orderOptions, { module: venue, market: venueMarket }),
    requoteMode: requoteMode(raw.requoteMode, venue, venueMarket),
    cancelMode: choice('--cancel-mode', raw.cancelMode, RUN_DEFAULTS.cancelMode, ['per-order', 'cancel-all'] as const),
    exitOco: exitOco(raw.exitOco, venue, venueMarket),
    staleMs: raw.staleMs === undefined ? null : integer('--stale-ms', raw.staleMs, 0, 1, 86_400_000),
    maxDrawdownUsd: raw.maxDrawdown === undefined ? null : decimalText('--max-drawdown', raw.maxDrawdown, usd(0, true)),
    reduceAtDrawdownUsd: raw.reduceAtDrawdown === undefined ? null : decimalText('--reduce-at-drawdown', raw.reduceAtDrawdown, usd(0, true)),
    maxOrdersPerSec: raw.maxOrdersPerSec === undefined ? null : integer('--max-orders-per-sec', raw.maxOrdersPerSec, 0, 1, 100_000),
    unfreeze: unfreezeOption(raw.unfreeze),
    circuit: {
      failures: integer('--circuit-failures', raw.circuitFailures, RUN_DEFAULTS.circuitFailures, 1, 1000),
      windowMs: integer('--circuit-window-ms', raw.circuitWindowMs, RUN_DEFAULTS.circuitWindowMs, 1, 86_400_000),
      cooldownMs: integer('--circuit-cooldown-ms', raw.circuitCooldownMs, RUN_DEFAULTS.circuitCooldownMs, 1, 86_400_000),
    },
    throttle: raw.throttle ?? true,
    apiEnv,
    recvWindowMs: integer('--recv-window', raw.recvWindow, RUN_DEFAULTS.recvWindowMs, 1, 60_000),
    iterations: integer('--iterations', raw.iterations, RUN_DEFAULTS.iterations, 1, 1_000_000_000),
    seed: integer('--seed', raw.seed, RUN_DEFAULTS.seed, 0, Number.MAX_SAFE_INTEGER),
    start: isoStart(raw.start),
    intervalMs: integer('--interval-ms', raw.intervalMs, RUN_DEFAULTS.intervalMs, 1, 3_600_000),
    maxInvUsd: decimal('--max-inv', raw.maxInv, RUN_DEFAULTS.maxInvUsd, usd(0, false)),
    maxTotalUsd: decimal('--max-total', raw.maxTotal, RUN_DEFAULTS.maxTotalUsd, usd(0, false)),
    edgeThresholdBps: decimal('--edge-threshold', raw.edgeThreshold, RUN_DEFAULTS.edgeThresholdBps, { min: new Decimal(-10_000), max: new Decimal(10_000), places: 4 }),
    latencyMs: integer('--latency-ms', raw.latencyMs, RUN_DEFAULTS.latencyMs, 0, 600_000),
    latencyJitterMs: integer('--latency-jitter-ms', raw.latencyJitterMs, 0, 0, 600_000),
    ...fillModelOptions(raw, synthetic),
    spreadBps,
    requoteBps: decimal('--requote-bps', raw.requoteBps, RUN_DEFAULTS.requoteBps, { min: new Decimal(0), max: new Decimal(10_000), places: 4 }),
    orderNotionalUsd: decimal('--order-notional', raw.orderNotional, RUN_DEFAULTS.orderNotionalUsd, usd(0, true)),
    makerFeeBps,
    takerFeeBps: decimal('--taker-fee-bps', raw.takerFeeBps, fees.takerBps, feeRule),
    markoutMs: integer('--markout-ms', raw.markoutMs, RUN_DEFAULTS.markoutMs, 0, 3_600_000),
    edgeWindow,
    edgeMinFills: integer('--edge-min-fills', raw.edgeMinFills, Math.min(RUN_DEFAULTS.edgeMinFills, edgeWindow), 1, edgeWindow),
    // A replay or a live feed brings its own prices: the synthetic market's settings do not apply.
    startPrices: synthetic ? perSymbol('--start-prices', raw.startPrices, symbols, (s) => bySymbol.get(s)!.startPrice, usd(0, true), false) : {},
    volatilityBps: synthetic ? perSymbol('--volatility-bps', raw.volatilityBps, symbols, (s) => bySymbol.get(s)!.volatilityBps, { min: new Decimal(0), max: new Decimal(1000), places: 4 }, true) : {},
    reportFills: integer('--report-fills', raw.reportFills, RUN_DEFAULTS.reportFills, 0, 100_000),
  };
  if (config.maxDrawdownUsd !== null && config.reduceAtDrawdownUsd !== null && !new Decimal(config.reduceAtDrawdownUsd).lt(config.maxDrawdownUsd)) {
    throw new UsageError(`--reduce-at-drawdown '${config.reduceAtDrawdownUsd}' must be below --max-drawdown '${config.maxDrawdownUsd}'`);
  }
  if (synthetic) checkGrid(config);
  else if (raw.startPrices !== undefined || raw.volatilityBps !== undefined) {
    throw new UsageError(`--start-prices and --volatility-bps shape the synthetic market; ${feed === 'live' ? 'a live feed' : 'a replay'} brings its own prices`);
  }
  return config;
}

/** Start prices must sit on the tick grid, and one order must buy at least the minimum quantity. */
function checkGrid(config: RunConfig): void {
  const notional = new Decimal(config.orderNotionalUsd);
  for (const { spec } of config.instruments) {
    const symbol = spec.symbol;
    const price = new Decimal(config.startPrices[symbol]!);
    if (!price.div(spec.tickSize).isInteger()) {
      throw new UsageError(`--start-prices ${symbol} '${config.startPrices[symbol]}' is not allowed: expected a multiple of the tick size ${spec.tickSize}`);
    }
    const minimum = Decimal.max(price.times(spec.minQty), new Decimal(spec.minNotional));
    if (notional.lt(minimum)) {
      throw new UsageError(
        `--order-notional '${config.orderNotionalUsd}' is too small for ${symbol}: one order must be worth at least ${formatDecimal(minimum)} USDT (min qty ${spec.minQty} at ${formatDecimal(price)}, min notional ${spec.minNotional})`,
      );
    }
  }
}
