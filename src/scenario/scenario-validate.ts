// validateScenario: checks a parsed rehearsal file against the scenario rules and returns it typed; the first bad field throws E_SCENARIO with its JSON path.
import { jsonSyntaxError } from '../core/text/json-syntax-error.js';
import { RUN_OPTION_SPECS } from '../app/config/run-option-specs.js';
import { Decimal } from '../core/money/decimal.js';
import { FREEZE_REASONS } from '../core/risk/risk-decision.js';
import {
  EVENT_TYPES,
  EXPECTATION_TYPES,
  MARKET_OWNED_RUN_KEYS,
  SCENARIO_RUN_KEYS,
  type Expectation,
  type Scenario,
  type ScenarioEvent,
  type ScenarioEventType,
  type ScenarioMarket,
  type ScenarioRunKey,
  type ScenarioRunOptions,
  type TimelineEntry,
} from './scenario.js';
import {
  ScenarioError,
  TOP_LEVEL,
  childPath,
  fail,
  readArray,
  readChoice,
  readDecimal,
  readDuration,
  readInteger,
  readJson,
  readObject,
  readString,
  rejectUnknownKeys,
  type DecimalRule,
} from './scenario-fields.js';

/** What a field reader may consult: the run's symbols. */
interface Context {
  readonly symbols: readonly string[];
}

/** One field of an event: its name in the file, its property in the typed event, and its reader. */
interface FieldSpec {
  readonly field: string;
  readonly prop: string;
  readonly read: (value: unknown, path: string, context: Context) => unknown;
}

const BPS_JUMP: DecimalRule = { unit: 'bps', min: '-10000', max: '10000', minExclusive: true, nonZero: true, places: 4, like: '50 or "-12.5"' };
const BPS_SIGMA: DecimalRule = { unit: 'bps', min: '0', max: '1000', places: 4, like: '2 or "0.5"' };
const BPS_DRIFT: DecimalRule = { unit: 'bps', min: '0', max: '1000', minExclusive: true, places: 4, like: '1 or "0.25"' };
const REPORT_BOUND: DecimalRule = { unit: 'the report value', min: null, max: null, places: 18, like: '0 or "-12.5"' };

const symbol: FieldSpec['read'] = (value, path, { symbols }) => {
  if (typeof value !== 'string' || !symbols.includes(value)) throw fail(path, `one of the run's symbols (${symbols.join(', ')})`, value);
  return value;
};
const forMs = (field = 'for'): FieldSpec => ({ field, prop: 'forMs', read: (v, p) => readDuration(v, p, 1) });
const sym: FieldSpec = { field: 'symbol', prop: 'symbol', read: symbol };

/** Every field is required. */
export const EVENT_FIELDS: Readonly<Record<ScenarioEventType, readonly FieldSpec[]>> = {
  price_jump: [sym, { field: 'bps', prop: 'bps', read: (v, p) => readDecimal(v, p, BPS_JUMP) }],
  spread_blowout: [sym, { field: 'ticks', prop: 'ticks', read: (v, p) => readInteger(v, p, 1, 1_000_000) }, forMs()],
  volatility: [sym, { field: 'bps', prop: 'bps', read: (v, p) => readDecimal(v, p, BPS_SIGMA) }],
  trade_burst: [
    sym,
    { field: 'count', prop: 'count', read: (v, p) => readInteger(v, p, 1, 100_000) },
    { field: 'side', prop: 'side', read: (v, p) => readChoice(v, p, ['BUY', 'SELL'] as const) },
  ],
  adverse_flow: [sym, { field: 'bps_per_update', prop: 'bpsPerUpdate', read: (v, p) => readDecimal(v, p, BPS_DRIFT) }, forMs()],
  ws_disconnect: [forMs()],
  ws_silence: [forMs()],
  venue_errors: [{ field: 'kind', prop: 'kind', read: (v, p) => readChoice(v, p, ['5xx', 'timeout'] as const) }, forMs()],
  rate_limit_storm: [forMs()],
  latency_spike: [{ field: 'ms', prop: 'ms', read: (v, p) => readInteger(v, p, 0, 600_000) }, forMs()],
  clock_skew: [{ field: 'ms', prop: 'ms', read: (v, p) => readInteger(v, p, -3_600_000, 3_600_000, true) }],
  order_rejects: [{ field: 'code', prop: 'code', read: readRejectCode }, forMs()],
  freeze: [],
  unfreeze: [],
  stop: [],
  schedule_cancel: [{ field: 'after', prop: 'afterMs', read: (v, p) => readDuration(v, p, 0) }],
};

const at = (field = 'at', prop = 'atMs'): FieldSpec => ({ field, prop, read: (v, p) => readDuration(v, p, 0) });

/** Fields of each expectation but `report` (which has two forms); every field is required. */
export const EXPECTATION_FIELDS: Readonly<Record<Exclude<Expectation['type'], 'report'>, readonly FieldSpec[]>> = {
  frozen_by: [at(), { field: 'reason', prop: 'reason', read: (v, p) => readChoice(v, p, FREEZE_REASONS) }],
  open_orders: [at(), { field: 'equals', prop: 'equals', read: (v, p) => readInteger(v, p, 0, 1_000_000) }],
  no_orders_between: [at('from', 'fromMs'), at('to', 'toMs')],
  circuit_open_by: [at()],
  unfrozen_by: [at()],
};

export const REPORT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const TOP_KEYS = ['$schema', 'name', 'description', 'run', 'market', 'timeline', 'expect'];

/** A venue's reject code: its number (Binance -2010) or string (Bybit "110017"), kept as a string. */
function readRejectCode(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^\S{1,64}$/.test(value)) return value;
  throw fail(path, 'the venue\'s reject code, a whole number like -2010 or a string like "110017"', value);
}

function readFields(object: Record<string, unknown>, path: string, specs: readonly FieldSpec[], context: Context, into: Record<string, unknown>): void {
  rejectUnknownKeys(object, path, ['type', ...specs.map((s) => s.field)]);
  for (const spec of specs) into[spec.prop] = spec.read(object[spec.field], childPath(path, spec.field), context);
}

function readRun(value: unknown): ScenarioRunOptions {
  if (value === undefined) return {};
  const run = readObject(value, 'run', 'an object of run settings, e.g. {"symbols": "BTCUSDT", "seed": "7"}');
  const out: Record<string, string | boolean> = {};
  for (const [key, item] of Object.entries(run)) {
    const path = childPath('run', key);
    if ((MARKET_OWNED_RUN_KEYS as readonly string[]).includes(key)) {
      const where = key === 'feed' ? '"market": {"kind": "synthetic"} or {"kind": "replay", "file": …}' : `"market": {"kind": "synthetic", "${key}": …}`;
      throw new ScenarioError(path, `${path}: unknown field, expected it in the market section: ${where}`);
    }
    if (!(SCENARIO_RUN_KEYS as readonly string[]).includes(key)) throw new ScenarioError(path, `${path}: unknown field, expected one of: ${SCENARIO_RUN_KEYS.join(', ')}`);
    if (key === 'throttle') {
      if (typeof item !== 'boolean') throw fail(path, 'true or false (false is --no-throttle)', item);
    } else if (key === 'strategyParams' && item !== null && typeof item === 'object' && !Array.isArray(item)) {
      // The parameters as a JSON object, like a --config file's: the flag's own form is its JSON text.
      out[key] = JSON.stringify(item);
      continue;
    } else if (typeof item !== 'string') {
      throw fail(path, `a string with the value of ${RUN_OPTION_SPECS[key as ScenarioRunKey].flag}, as typed on the command line`, item);
    }
    out[key] = item;
  }
  return out as ScenarioRunOptions;
}

function readMarket(value: unknown): ScenarioMarket {
  const market = readObject(value, 'market', 'an object: {"kind": "synthetic", …} or {"kind": "replay", "file": …}');
  const kind = readChoice(market['kind'], 'market.kind', ['synthetic', 'replay'] as const);
  if (kind === 'replay') {
    rejectUnknownKeys(market, 'market', ['kind', 'file']);
    return { kind, file: readString(market['file'], 'market.file', 'the path of a replay file') };
  }
  rejectUnknownKeys(market, 'market', ['kind', 'startPrices', 'volatilityBps']);
  const optional = (key: string, what: string): string | null => (market[key] === undefined ? null : readString(market[key], `market.${key}`, what));
  return {
    kind,
    startPrices: optional('startPrices', 'a string as --start-prices takes it, e.g. "BTCUSDT=95000,ETHUSDT=3400"'),
    volatilityBps: optional('volatilityBps', 'a string as --volatility-bps takes it, e.g. "2" or "BTCUSDT=2,ETHUSDT=3"'),
  };
}

function readTimeline(value: unknown, context: Context): TimelineEntry[] {
  const items = readArray(value, 'timeline', 'an array of {"at": …, "event": {…}} entries (may be empty)');
  const out: TimelineEntry[] = [];
  items.forEach((item, index) => {
    const path = childPath('timeline', index);
    const entry = readObject(item, path, 'an object {"at": …, "event": {…}}');
    rejectUnknownKeys(entry, path, ['at', 'event']);
    const atMs = readDuration(entry['at'], `${path}.at`, 0);
    const previous = out[out.length - 1];
    if (previous !== undefined && atMs < previous.atMs) {
      throw fail(`${path}.at`, `a time not before timeline[${index - 1}].at (${previous.atMs} ms)`, entry['at']);
    }
    const event = readObject(entry['event'], `${path}.event`, 'an event object with a "type"');
    const type = readChoice(event['type'], `${path}.event.type`, EVENT_TYPES);
    const typed: Record<string, unknown> = { type };
    readFields(event, `${path}.event`, EVENT_FIELDS[type], context, typed);
    out.push({ atMs, index, event: typed as ScenarioEvent });
  });
  return out;
}

function readReportExpectation(object: Record<string, unknown>, path: string): Expectation {
  rejectUnknownKeys(object, path, ['type', 'path', 'equals', 'min', 'max']);
  const reportPath = object['path'];
  if (typeof reportPath !== 'string' || !REPORT_PATH.test(reportPath)) throw fail(`${path}.path`, 'a dotted report path like "orders.placed" or "risk.freezes.0.reason"', reportPath);
  const hasRange = 'min' in object || 'max' in object;
  if ('equals' in object && hasRange) throw new ScenarioError(path, `${path}: expected either "equals" or "min"/"max", got both`);
  if ('equals' in object) return { type: 'report', path: reportPath, equals: readJson(object['equals'], `${path}.equals`) };
  if (!hasRange) throw new ScenarioError(path, `${path}: missing, expected "equals" or at least one of "min"/"max"`);
  const min = 'min' in object ? readDecimal(object['min'], `${path}.min`, REPORT_BOUND) : null;
  const max = 'max' in object ? readDecimal(object['max'], `${path}.max`, REPORT_BOUND) : null;
  if (min !== null && max !== null && new Decimal(max).lt(min)) throw fail(`${path}.max`, `a number not below min (${min})`, object['max']);
  return { type: 'report', path: reportPath, min, max };
}

function readExpectations(value: unknown): Expectation[] {
  const items = readArray(value, 'expect', 'a non-empty array of expectations');
  if (items.length === 0) throw new ScenarioError('expect', 'expect: expected a non-empty array of expectations, got an empty array');
  return items.map((item, index) => {
    const path = childPath('expect', index);
    const object = readObject(item, path, 'an expectation object with a "type"');
    const type = readChoice(object['type'], `${path}.type`, EXPECTATION_TYPES);
    if (type === 'report') return readReportExpectation(object, path);
    const typed: Record<string, unknown> = { type };
    readFields(object, path, EXPECTATION_FIELDS[type], { symbols: [] }, typed);
    if (type === 'no_orders_between' && (typed['toMs'] as number) <= (typed['fromMs'] as number)) {
      throw fail(`${path}.to`, `a time after ${path}.from (${typed['fromMs'] as number} ms)`, object['to']);
    }
    return typed as Expectation;
  });
}

/** The run's symbols as the run command reads --symbols (comma-separated, trimmed, upper-cased). */
function runSymbols(run: ScenarioRunOptions): string[] {
  return (run.symbols ?? String(RUN_OPTION_SPECS.symbols.default))
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
}

/**
 * Checks a parsed scenario document, in document order, and returns it typed (durations in ms, bps as canonical
 * decimal strings). Rules the JSON Schema cannot say are checked here too: event symbols are among the run's
 * symbols, timeline times never go back, no_orders_between has to > from, a report range has min ≤ max.
 */
export function validateScenario(value: unknown): Scenario {
  const root = readObject(value, TOP_LEVEL, 'a JSON object with name, description, run, market, timeline and expect');
  rejectUnknownKeys(root, TOP_LEVEL, TOP_KEYS);
  if (root['$schema'] !== undefined) readString(root['$schema'], '$schema', 'a string (the schema\'s location)');
  const name = root['name'];
  if (typeof name !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw fail('name', 'a kebab-case name like "edge-collapse"', name);
  const description = readString(root['description'], 'description', 'a non-empty string saying what the scenario rehearses');
  const run = readRun(root['run']);
  const market = readMarket(root['market']);
  const timeline = readTimeline(root['timeline'], { symbols: runSymbols(run) });
  const expectations = readExpectations(root['expect']);
  return { name, description, run, market, timeline, expect: expectations };
}

/** JSON text → validated scenario; text that is not JSON is an E_SCENARIO error too. */
export function parseScenarioText(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The position only: JSON.parse's message would quote the text.
    throw new ScenarioError(TOP_LEVEL, `${TOP_LEVEL}: expected JSON text, got ${jsonSyntaxError(text)}`);
  }
  return validateScenario(json);
}
