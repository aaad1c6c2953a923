// Covers validateScenario and parseScenarioText: a full valid example typed exactly, defaults of a minimal one, and the exact path-naming E_SCENARIO error for each kind of mistake.
import { describe, it, expect } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/scenario/scenario-validate.js';
import { ScenarioError } from '../../src/scenario/scenario-fields.js';
import { SCENARIO_RUN_KEYS } from '../../src/scenario/scenario.js';
import { fullExample } from '../helpers/scenario-example.js';
import { thrown } from '../helpers/thrown.js';

function minimal(): Record<string, any> {
  return { name: 'quiet', description: 'nothing happens', market: { kind: 'synthetic' }, timeline: [], expect: [{ type: 'report', path: 'orders.placed', min: 1 }] };
}

describe('validateScenario — valid files', () => {
  it('types a full example: durations in ms, bps as canonical decimals, codes as strings, file order kept', () => {
    const scenario = validateScenario(fullExample());
    expect(scenario.name).toBe('everything-once');
    expect(scenario.description).toBe('Every event and expectation type, to test the validator.');
    expect(scenario.run).toEqual({ exchange: 'bybit', symbols: 'BTCUSDT, ethusdt', seed: '7', maxInv: '20000', throttle: false, staleMs: '2000', unfreeze: 'auto:5000' });
    expect(scenario.market).toEqual({ kind: 'synthetic', startPrices: 'BTCUSDT=95000,ETHUSDT=3400', volatilityBps: '2' });
    expect(scenario.timeline).toEqual([
      { atMs: 0, index: 0, event: { type: 'price_jump', symbol: 'BTCUSDT', bps: '-150' } },
      { atMs: 500, index: 1, event: { type: 'spread_blowout', symbol: 'ETHUSDT', ticks: 40, forMs: 2000 } },
      { atMs: 1000, index: 2, event: { type: 'volatility', symbol: 'BTCUSDT', bps: '0.5' } },
      { atMs: 1000, index: 3, event: { type: 'trade_burst', symbol: 'BTCUSDT', count: 25, side: 'SELL' } },
      { atMs: 2000, index: 4, event: { type: 'adverse_flow', symbol: 'BTCUSDT', bpsPerUpdate: '1.25', forMs: 10_000 } },
      { atMs: 15_000, index: 5, event: { type: 'ws_disconnect', forMs: 5000 } },
      { atMs: 30_000, index: 6, event: { type: 'ws_silence', forMs: 3000 } },
      { atMs: 40_000, index: 7, event: { type: 'venue_errors', kind: '5xx', forMs: 45_000 } },
      { atMs: 120_000, index: 8, event: { type: 'rate_limit_storm', forMs: 10_000 } },
      { atMs: 180_000, index: 9, event: { type: 'latency_spike', ms: 800, forMs: 20_000 } },
      { atMs: 240_000, index: 10, event: { type: 'clock_skew', ms: -6000 } },
      { atMs: 300_000, index: 11, event: { type: 'order_rejects', code: '110017', forMs: 60_000 } },
      { atMs: 360_000, index: 12, event: { type: 'freeze' } },
      { atMs: 360_000, index: 13, event: { type: 'unfreeze' } },
      { atMs: 3_600_000, index: 14, event: { type: 'stop' } },
    ]);
    expect(scenario.expect).toEqual([
      { type: 'frozen_by', atMs: 16_000, reason: 'STALE_MARKET_DATA' },
      { type: 'open_orders', atMs: 16_500, equals: 0 },
      { type: 'no_orders_between', fromMs: 16_000, toMs: 20_000 },
      { type: 'circuit_open_by', atMs: 50_000 },
      { type: 'unfrozen_by', atMs: 180_000 },
      { type: 'report', path: 'orders.placed_while_frozen', equals: 0 },
      { type: 'report', path: 'risk.freezes.0.reason', equals: 'STALE_MARKET_DATA' },
      { type: 'report', path: 'pnl.total', min: '-25.5', max: '100' },
      { type: 'report', path: 'orders.placed', min: '1', max: null },
    ]);
  });

  it('defaults a missing run to {} (symbols BTCUSDT) and a bare synthetic market to no overrides', () => {
    const doc = minimal();
    doc['timeline'] = [{ at: '1s', event: { type: 'price_jump', symbol: 'BTCUSDT', bps: '+20.50' } }];
    const scenario = validateScenario(doc);
    expect(scenario.run).toEqual({});
    expect(scenario.market).toEqual({ kind: 'synthetic', startPrices: null, volatilityBps: null });
    expect(scenario.timeline[0]!.event).toEqual({ type: 'price_jump', symbol: 'BTCUSDT', bps: '20.5' });
  });

  it('reads a replay market, a range with equal bounds and a JSON object to equal', () => {
    const doc = minimal();
    doc['market'] = { kind: 'replay', file: 'golden/replays/bybit.jsonl' };
    doc['expect'] = [
      { type: 'report', path: 'orders.placed', min: '3.0', max: 3 },
      { type: 'report', path: 'risk.blocks_by_reason', equals: { MAX_INVENTORY: 2 } },
    ];
    const scenario = validateScenario(doc);
    expect(scenario.market).toEqual({ kind: 'replay', file: 'golden/replays/bybit.jsonl' });
    expect(scenario.expect).toEqual([
      { type: 'report', path: 'orders.placed', min: '3', max: '3' },
      { type: 'report', path: 'risk.blocks_by_reason', equals: { MAX_INVENTORY: 2 } },
    ]);
  });

  it('parses JSON text, and refuses text that is not JSON', () => {
    expect(parseScenarioText(JSON.stringify(minimal())).name).toBe('quiet');
    const error = thrown(() => parseScenarioText('{"name": "x",'));
    expect(error.code).toBe('E_SCENARIO');
    expect(error.message).toBe('(top level): expected JSON text, got not valid JSON: it ends early at line 1, column 14');
    expect(thrown(() => parseScenarioText('name: secret-value')).message).toBe('(top level): expected JSON text, got not valid JSON: unexpected character at line 1, column 2');
  });

  it('throws a ScenarioError carrying the bad path', () => {
    const doc = fullExample();
    doc['timeline'][3].at = 'soon';
    try {
      validateScenario(doc);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).path).toBe('timeline[3].at');
      expect((error as ScenarioError).retryable).toBe(false);
    }
  });
});

type Mutation = (doc: Record<string, any>) => unknown;

const RUN_KEYS = SCENARIO_RUN_KEYS.join(', ');
const EVENTS =
  'price_jump, spread_blowout, volatility, trade_burst, adverse_flow, ws_disconnect, ws_silence, venue_errors, rate_limit_storm, latency_spike, clock_skew, order_rejects, freeze, unfreeze, stop, schedule_cancel';
const JUMP_BPS = 'a decimal number of bps, greater than -10000 and at most 10000, not 0, with at most 4 decimal places, like 50 or "-12.5"';

const MISTAKES: Array<[string, Mutation | unknown, string]> = [
  // the document
  ['a document that is not an object', [], '(top level): expected a JSON object with name, description, run, market, timeline and expect, got an array'],
  ['an unknown top-level field', (d: any) => (d.expectations = []), 'expectations: unknown field, expected one of: $schema, name, description, run, market, timeline, expect'],
  ['a missing description', (d: any) => delete d.description, 'description: missing, expected a non-empty string saying what the scenario rehearses'],
  ['a name that is not kebab-case', (d: any) => (d.name = 'Edge Collapse'), 'name: expected a kebab-case name like "edge-collapse", got "Edge Collapse"'],
  // run
  ['an unknown run key', (d: any) => (d.run.maxInventory = '1'), `run.maxInventory: unknown field, expected one of: ${RUN_KEYS}`],
  ['the feed under run', (d: any) => (d.run.feed = 'synthetic'), 'run.feed: unknown field, expected it in the market section: "market": {"kind": "synthetic"} or {"kind": "replay", "file": …}'],
  ['start prices under run', (d: any) => (d.run.startPrices = 'BTCUSDT=1'), 'run.startPrices: unknown field, expected it in the market section: "market": {"kind": "synthetic", "startPrices": …}'],
  ['a number where a flag value string goes', (d: any) => (d.run.seed = 7), 'run.seed: expected a string with the value of --seed, as typed on the command line, got 7'],
  ['throttle as a string', (d: any) => (d.run.throttle = 'no'), 'run.throttle: expected true or false (false is --no-throttle), got "no"'],
  ['run as an array', (d: any) => (d.run = []), 'run: expected an object of run settings, e.g. {"symbols": "BTCUSDT", "seed": "7"}, got an array'],
  // market
  ['a missing market', (d: any) => delete d.market, 'market: missing, expected an object: {"kind": "synthetic", …} or {"kind": "replay", "file": …}'],
  ['an unknown market kind', (d: any) => (d.market = { kind: 'live' }), 'market.kind: expected one of synthetic, replay, got "live"'],
  ['a replay without a file', (d: any) => (d.market = { kind: 'replay' }), 'market.file: missing, expected the path of a replay file'],
  ['synthetic settings on a replay', (d: any) => (d.market = { kind: 'replay', file: 'a.jsonl', startPrices: 'x' }), 'market.startPrices: unknown field, expected one of: kind, file'],
  ['a number for volatilityBps', (d: any) => (d.market.volatilityBps = 2), 'market.volatilityBps: expected a string as --volatility-bps takes it, e.g. "2" or "BTCUSDT=2,ETHUSDT=3", got 2'],
  // timeline
  ['a timeline that is not an array', (d: any) => (d.timeline = {}), 'timeline: expected an array of {"at": …, "event": {…}} entries (may be empty), got an object'],
  ['a bad duration', (d: any) => (d.timeline[3].at = 'soon'), 'timeline[3].at: expected a duration like "30s" or a number of ms, got "soon"'],
  ['a fractional duration', (d: any) => (d.timeline[3].at = '1.5s'), 'timeline[3].at: expected a duration like "30s" or a number of ms, got "1.5s"'],
  ['a negative time', (d: any) => (d.timeline[0].at = -5), 'timeline[0].at: expected a duration like "30s" or a number of ms, got -5'],
  ['a zero length', (d: any) => (d.timeline[5].event.for = '0s'), 'timeline[5].event.for: expected a duration greater than 0, got "0s"'],
  ['a length over 30 days', (d: any) => (d.timeline[5].event.for = '721h'), 'timeline[5].event.for: expected a duration of at most 30 days, got "721h"'],
  ['a time going back', (d: any) => (d.timeline[4].at = '900ms'), 'timeline[4].at: expected a time not before timeline[3].at (1000 ms), got "900ms"'],
  ['an entry field besides at and event', (d: any) => (d.timeline[0].when = '1s'), 'timeline[0].when: unknown field, expected one of: at, event'],
  ['an unknown event', (d: any) => (d.timeline[2].event.type = 'price_jmp'), `timeline[2].event.type: expected one of ${EVENTS}, got "price_jmp"`],
  ['an event without a type', (d: any) => delete d.timeline[6].event.type, `timeline[6].event.type: missing, expected one of ${EVENTS}`],
  ['a missing event field', (d: any) => delete d.timeline[0].event.bps, `timeline[0].event.bps: missing, expected ${JUMP_BPS}`],
  ['a misspelt event field', (d: any) => (d.timeline[0].event = { type: 'price_jump', sybmol: 'BTCUSDT', bps: 5 }), 'timeline[0].event.sybmol: unknown field, expected one of: type, symbol, bps'],
  ['a field on an event that takes none', (d: any) => (d.timeline[12].event.source = 'operator'), 'timeline[12].event.source: unknown field, expected one of: type'],
  ['a string where a whole number goes', (d: any) => (d.timeline[1].event.ticks = '40'), 'timeline[1].event.ticks: expected a whole number from 1 to 1000000, got "40"'],
  ['a symbol the run does not trade', (d: any) => (d.timeline[0].event.symbol = 'SOLUSDT'), `timeline[0].event.symbol: expected one of the run's symbols (BTCUSDT, ETHUSDT), got "SOLUSDT"`],
  ['a zero price jump', (d: any) => (d.timeline[0].event.bps = 0), `timeline[0].event.bps: expected ${JUMP_BPS}, got 0`],
  ['a price jump to zero', (d: any) => (d.timeline[0].event.bps = '-10000'), `timeline[0].event.bps: expected ${JUMP_BPS}, got "-10000"`],
  ['a decimal with an exponent', (d: any) => (d.timeline[0].event.bps = '1e2'), `timeline[0].event.bps: expected ${JUMP_BPS}, got "1e2"`],
  ['too many decimal places', (d: any) => (d.timeline[0].event.bps = 12.34567), `timeline[0].event.bps: expected ${JUMP_BPS}, got 12.34567`],
  ['a negative volatility', (d: any) => (d.timeline[2].event.bps = -1), 'timeline[2].event.bps: expected a decimal number of bps, from 0 to 1000, with at most 4 decimal places, like 2 or "0.5", got -1'],
  ['a zero adverse drift', (d: any) => (d.timeline[4].event.bps_per_update = 0), 'timeline[4].event.bps_per_update: expected a decimal number of bps, greater than 0 and at most 1000, with at most 4 decimal places, like 1 or "0.25", got 0'],
  ['a lower-case side', (d: any) => (d.timeline[3].event.side = 'sell'), 'timeline[3].event.side: expected one of BUY, SELL, got "sell"'],
  ['an unknown venue error kind', (d: any) => (d.timeline[7].event.kind = '500'), 'timeline[7].event.kind: expected one of 5xx, timeout, got "500"'],
  ['a zero clock skew', (d: any) => (d.timeline[10].event.ms = 0), 'timeline[10].event.ms: expected a whole number from -3600000 to 3600000, not 0, got 0'],
  ['a reject code with blanks', (d: any) => (d.timeline[11].event.code = 'bad code'), 'timeline[11].event.code: expected the venue\'s reject code, a whole number like -2010 or a string like "110017", got "bad code"'],
  // expectations
  ['no expectations', (d: any) => (d.expect = []), 'expect: expected a non-empty array of expectations, got an empty array'],
  ['an unknown expectation', (d: any) => (d.expect[1].type = 'orders_open'), 'expect[1].type: expected one of frozen_by, open_orders, no_orders_between, circuit_open_by, unfrozen_by, report, got "orders_open"'],
  ['an unknown freeze reason', (d: any) => (d.expect[0].reason = 'EDGE'), 'expect[0].reason: expected one of EDGE_BELOW_THRESHOLD, STALE_MARKET_DATA, MAX_DRAWDOWN, VENUE_CIRCUIT_OPEN, MANUAL, got "EDGE"'],
  ['a negative open-order count', (d: any) => (d.expect[1].equals = -1), 'expect[1].equals: expected a whole number from 0 to 1000000, got -1'],
  ['an empty no-orders interval', (d: any) => (d.expect[2].to = '16s'), 'expect[2].to: expected a time after expect[2].from (16000 ms), got "16s"'],
  ['a missing time', (d: any) => delete d.expect[3].at, 'expect[3].at: missing, expected a duration like "30s" or a number of ms'],
  ['a bad report path', (d: any) => (d.expect[5].path = 'orders..placed'), 'expect[5].path: expected a dotted report path like "orders.placed" or "risk.freezes.0.reason", got "orders..placed"'],
  ['equals and a range together', (d: any) => (d.expect[5].max = 3), 'expect[5]: expected either "equals" or "min"/"max", got both'],
  ['a report check without a value', (d: any) => delete d.expect[5].equals, 'expect[5]: missing, expected "equals" or at least one of "min"/"max"'],
  ['a range with max below min', (d: any) => (d.expect[7].max = '-26'), 'expect[7].max: expected a number not below min (-25.5), got "-26"'],
  ['a non-number bound', (d: any) => (d.expect[8].min = 'one'), 'expect[8].min: expected a decimal number of the report value, with at most 18 decimal places, like 0 or "-12.5", got "one"'],
];

describe('validateScenario — run.strategyParams', () => {
  it('takes the parameters as a JSON object (kept as its JSON text, the flag\'s form) or as the flag\'s string', () => {
    const asObject = validateScenario({ ...minimal(), run: { strategy: './s.mjs', strategyParams: { spreadBps: 20, mode: 'tight', on: true, cap: null } } });
    expect(asObject.run).toEqual({ strategy: './s.mjs', strategyParams: '{"spreadBps":20,"mode":"tight","on":true,"cap":null}' });
    expect(validateScenario({ ...minimal(), run: { strategyParams: '@p.json' } }).run).toEqual({ strategyParams: '@p.json' });
  });

  it('refuses an array or a number at run.strategyParams', () => {
    const error = thrown(() => validateScenario({ ...minimal(), run: { strategyParams: [1] } }));
    expect(error.message).toContain('run.strategyParams');
    expect(thrown(() => validateScenario({ ...minimal(), run: { strategyParams: 3 } })).message).toContain('run.strategyParams');
  });
});

describe('validateScenario — mistakes', () => {
  it.each(MISTAKES)('rejects %s with the path and what was expected', (_what, mutation, message) => {
    const doc = typeof mutation === 'function' ? fullExample() : mutation;
    if (typeof mutation === 'function') (mutation as Mutation)(doc as Record<string, any>);
    expect(thrown(() => validateScenario(doc))).toEqual({ name: 'ScenarioError', code: 'E_SCENARIO', message });
  });

  it('reports the first mistake in document order', () => {
    const doc = fullExample();
    doc['timeline'][9].event.ms = -1;
    doc['timeline'][2].event.bps = 'x';
    doc['expect'][0].reason = 'NOPE';
    expect(thrown(() => validateScenario(doc)).message).toMatch(/^timeline\[2\]\.event\.bps: /);
  });
});
