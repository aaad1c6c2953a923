// The options of a run, each declared once: flag, RunConfig path, default, range and --help text (run-command, the validator and the config-file reader read this).
import { API_ENVS } from '../../ports/secret-provider.js';
import { QUEUE_CANCEL_RULES } from '../../core/sim/queue-cancel-rule.js';
import { orList } from '../../core/text/or-list.js';
import { DEFAULT_VENUE, VENUE_CHOICES } from '../venue-registry.js';
import * as venueHelp from './venue-help.js';
import { DEFAULT_START_EDGE_BPS, defaultSpreadBps, MIN_DEFAULT_SPREAD_BPS } from './default-spread.js';
import { FILL_MODELS } from './fills-config.js';
import { choiceRange, decimalRange, formatRange, integerRange, type RunOptionSpec } from './run-option-spec.js';

/** Upper bound of any USD amount: QUOTE_E8 integers must stay exact in a double. */
export const MAX_USD = '90000000';
const DAY_MS = 86_400_000;
const usd = (minExclusive: boolean) => decimalRange('0', MAX_USD, 8, minExclusive);

/**
 * `spec` whose help is written on reading from the loaded venue modules (src/app/config/venue-help.ts): the help of a
 * venue-dependent option names the venues, which --help loads; a run reads no help and loads its own venue only.
 */
function venueDependent(spec: RunOptionSpec, help: () => string): RunOptionSpec {
  const { help: _static, ...rest } = spec;
  return Object.defineProperty(rest, 'help', { get: help, enumerable: true }) as RunOptionSpec;
}

/** A spec, its fields in RunOptionSpec's order (flag, arg, path, file, default, showDefault, range, help): one line per option keeps the table readable. */
function option(flag: string, arg: string, path: string | null, file: RunOptionSpec['file'], fallback: RunOptionSpec['default'], showDefault: boolean, range: RunOptionSpec['range'], help: string): RunOptionSpec {
  return { flag, arg, path, file, default: fallback, showDefault, range, help };
}

/** Every option of `run`, keyed by its camelCase name (commander's attribute, the config-file key), in --help order. */
export const RUN_OPTION_SPECS = {
  config: option('--config', '<file>', null, null, null, false, null, 'read every run option from a JSON file keyed by the long flag names in camelCase, e.g. {"iterations": 7, "symbols": ["ETHUSDT"], "spreadBps": 40} (schema: src/cli/run-config-schema.json); a flag typed on the command line overrides the file, and the report\'s config.sources says where each non-default value came from'),
  exchange: venueDependent(option('--exchange', '<name>', 'venue.name', 'text', DEFAULT_VENUE, true, formatRange(orList(VENUE_CHOICES)), ''), venueHelp.exchangeHelp),
  category: venueDependent(option('--category', '<c>', 'venue.market', 'text', null, false, null, ''), () => venueHelp.marketFlagHelp('--category')),
  market: venueDependent(option('--market', '<m>', 'venue.market', 'text', null, false, null, ''), () => venueHelp.marketFlagHelp('--market')),
  mode: option('--mode', '<mode>', 'mode', 'text', 'shadow', true, formatRange('shadow or dryrun'), 'shadow: orders go to the simulated venue only; dryrun: also render and sign every request as the venue would receive it'),
  instruments: venueDependent(option('--instruments', '<file>', 'venue.instrumentsFile', 'text', null, false, null, ''), venueHelp.instrumentsHelp),
  orderOptions: venueDependent(option('--order-options', '<list>', 'strategy.orderOptions', 'list', null, false, null, ''), venueHelp.orderOptionsHelp),
  journal: venueDependent(option('--journal', '<file>', null, 'text', null, false, null, ''), venueHelp.journalHelp),
  secrets: venueDependent(option('--secrets', '<file>', null, 'text', null, false, null, ''), venueHelp.secretsHelp),
  apiEnv: option('--api-env', '<env>', 'apiEnv', 'text', 'dev', true, choiceRange(API_ENVS), 'which key set signs dry-run requests: dev, shadow, soak or prod'),
  recvWindow: option('--recv-window', '<ms>', 'recvWindowMs', 'number', 5000, true, integerRange(1, 60_000), 'recvWindow of signed requests, ms (1–60000)'),
  throttle: venueDependent(option('--no-throttle', '', 'throttle', 'switch', true, false, null, ''), venueHelp.throttleHelp),
  shadow: option('--shadow', '', null, 'switch', null, false, null, 'no-op: every run is a shadow run (kept for the original command line)'),
  network: option('--no-network', '', null, 'switch', true, false, null, 'refuse --feed live: only a live feed touches the network (reading public market data); synthetic and replay runs never do'),
  symbols: venueDependent(option('--symbols', '<list>', 'symbols', 'list', 'BTCUSDT', true, formatRange('a comma-separated list of symbols'), ''), venueHelp.symbolsHelp),
  iterations: option('--iterations', '<n>', 'iterations', 'number', 1000, true, integerRange(1, 1_000_000_000), 'market updates per symbol'),
  seed: option('--seed', '<n>', 'seed', 'number', 42, true, integerRange(0, Number.MAX_SAFE_INTEGER), 'seed of every random stream, each forked by name: market/<symbol> (the synthetic walks), fills (--fill-model probabilistic), latency (--latency-jitter-ms), ws (live reconnect backoff jitter); rehearse adds rehearsal (its scenario perturbations); same seed + flags ⇒ same report bytes'),
  start: option('--start', '<iso>', 'start', 'text', '2025-01-01T00:00:00.000Z', false, formatRange('an ISO-8601 UTC time such as 2025-01-01T00:00:00Z (a date alone means midnight UTC)'), 'virtual clock start, ISO-8601 UTC (default: 2025-01-01T00:00:00.000Z; a replay starts at its first record)'),
  feed: venueDependent(option('--feed', '<feed>', 'feed', 'text', 'synthetic', true, formatRange('synthetic, replay:FILE (a file recorded in the shadow-exec replay format), SOURCE:DIR_OR_GLOB (historical data files of an import source, see `shadow-exec import --help`) or live'), ''), venueHelp.feedHelp),
  duration: option('--duration', '<d>', 'durationMs', 'text', null, false, formatRange('a positive whole number with a unit ms, s, m or h (at most 30 days), e.g. 30s or 10m'), 'end the run after this much time, e.g. 30s, 10m, 2h: virtual, or wall-clock on --feed live (default: --iterations, the whole replay file, or until Ctrl-C)'),
  wsUrl: option('--ws-url', '<url>', 'feed.wsUrl', 'text', null, false, null, '--feed live: WebSocket URL to dial instead of the venue\'s public endpoint (a mirror, a test server; on a venue streamed by its client library it replaces every WebSocket URL of the library); no credentials, query or fragment; another host than the public one is warned about'),
  restUrl: venueDependent(option('--rest-url', '<url>', 'feed.restUrl', 'text', null, false, null, ''), venueHelp.restUrlHelp),
  wsConnections: option('--ws-connections', '<n>', 'feed.connections', 'number', 1, false, integerRange(1, 16), '--feed live: redundant connections with the same streams, deduplicated by venue sequence ids, 1–16 (default: 1; 1 only on a venue streamed by its client library, which keeps its own connections)'),
  intervalMs: option('--interval-ms', '<ms>', 'intervalMs', 'number', 100, true, integerRange(1, 3_600_000), 'virtual ms between two market updates of one symbol'),
  maxInv: option('--max-inv', '<usd>', 'risk.maxInvUsd', 'number', '10000', true, usd(false), 'per-symbol inventory limit, USD: worst-case position on the order’s side × mark'),
  maxTotal: option('--max-total', '<usd>', 'risk.maxTotalUsd', 'number', '50000', true, usd(false), 'total notional limit, USD: Σ over symbols of worst-case position × mark'),
  edgeThreshold: option('--edge-threshold', '<bps>', 'risk.edge.thresholdBps', 'number', '2', true, decimalRange('-10000', '10000', 4), 'freeze everything when a symbol’s net edge falls below this, bps'),
  fillModel: option('--fill-model', '<model>', 'fills.model', 'text', null, false, choiceRange(FILL_MODELS), 'how resting orders fill: probabilistic (seeded, --fill-rate), trade-through (trades at or through the price, and a crossing touch, fill by their size), queue (as trade-through, behind the public size ahead at the price level) (default: probabilistic on the synthetic feed, trade-through on replay and live feeds)'),
  fillRate: option('--fill-rate', '<p>', 'fills.fillRate', 'number', '0.05', false, decimalRange('0', '1', 6), 'probabilistic model: probability (0..1) that a resting order the market has not crossed fills on an update (default: 0.05)'),
  queueCancels: option('--queue-cancels', '<rule>', 'fills.queueCancels', 'text', 'proportional', false, choiceRange(QUEUE_CANCEL_RULES), 'queue model: where public cancels at the order\'s level come from: proportional, behind-first (pessimistic), ahead-first (optimistic) (default: proportional)'),
  latencyMs: option('--latency-ms', '<ms>', 'latency.ms', 'number', 50, true, integerRange(0, 600_000), 'one-way latency of order entry, cancel and amend, virtual ms'),
  latencyJitterMs: option('--latency-jitter-ms', '<ms>', 'latency.jitterMs', 'number', 0, false, integerRange(0, 600_000), 'add a seeded uniform 0..ms to each request\'s latency: requests can overtake each other and cancels lose races to fills (default: 0)'),
  spreadBps: venueDependent(option('--spread-bps', '<bps>', 'strategy.spreadBps', 'number', null, false, decimalRange('0', '10000', 3, true), ''), () => `full quoted spread around mid, bps (default: max(${MIN_DEFAULT_SPREAD_BPS}, 2 × (maker fee + ${DEFAULT_START_EDGE_BPS})), so a quote starts with ${DEFAULT_START_EDGE_BPS} bps of net edge: ${venueHelp.spreadDefaultsHelp(defaultSpreadBps)})`),
  requoteBps: option('--requote-bps', '<bps>', 'strategy.requoteBps', 'number', '2', true, decimalRange('0', '10000', 4), 'cancel/replace a quote once the desired price moved this far, bps (min one tick)'),
  staleMs: option('--stale-ms', '<ms>', 'risk.staleMs', 'number', null, false, integerRange(1, DAY_MS), 'freeze (STALE_MARKET_DATA) when a traded symbol has had no market data for longer than this, virtual ms (default: off)'),
  maxDrawdown: option('--max-drawdown', '<usd>', 'risk.maxDrawdownUsd', 'number', null, false, usd(true), 'freeze (MAX_DRAWDOWN) when total PnL falls this far below its peak, USD (default: off)'),
  reduceAtDrawdown: option('--reduce-at-drawdown', '<usd>', 'risk.reduceAtDrawdownUsd', 'number', null, false, usd(true), 'enter REDUCING (only position-reducing orders pass) beyond this drawdown, USD, below --max-drawdown (default: off)'),
  maxOrdersPerSec: option('--max-orders-per-sec', '<n>', 'risk.maxOrdersPerSec', 'number', null, false, integerRange(1, 100_000), 'block orders beyond n in any rolling second (default: off)'),
  unfreeze: option('--unfreeze', '<policy>', 'risk.unfreeze', 'text', 'manual', true, formatRange('manual, or auto:<ms> (unfreeze that long after the freeze condition cleared, e.g. auto:5000)'), 'how a freeze ends: manual (operator only), or auto:<ms> once its condition has cleared for that long'),
  circuitFailures: option('--circuit-failures', '<n>', 'risk.circuit.failures', 'number', 5, true, integerRange(1, 1000), 'venue circuit breaker: venue failures (5xx, timeouts) that open it…'),
  circuitWindowMs: option('--circuit-window-ms', '<ms>', 'risk.circuit.windowMs', 'number', 30_000, true, integerRange(1, DAY_MS), '…within this rolling window, ms'),
  circuitCooldownMs: option('--circuit-cooldown-ms', '<ms>', 'risk.circuit.cooldownMs', 'number', 60_000, true, integerRange(1, DAY_MS), 'time the breaker stays open before one probe order is let through, ms'),
  requoteMode: option('--requote-mode', '<mode>', 'strategy.requoteMode', 'text', 'replace', true, choiceRange(['replace', 'amend']), 'replace: cancel a moved quote and place a new one; amend: move the resting order in place (one amend request)'),
  cancelMode: option('--cancel-mode', '<mode>', 'strategy.cancelMode', 'text', 'per-order', true, choiceRange(['per-order', 'cancel-all']), 'how a freeze or the end of the run cancels: per-order (one cancel each) or cancel-all (one request per symbol)'),
  exitOco: venueDependent(option('--exit-oco', '<tp:sl>', 'strategy.exitOco', 'text', null, false, decimalRange('0', '10000', 4, true), ''), venueHelp.exitOcoHelp),
  strategy: option('--strategy', '<name|file>', 'strategy.choice', 'text', null, false, formatRange('a built-in strategy (symmetric, avellaneda-stoikov, range-guard) or a plug-in ES module path ending in .mjs or .js, e.g. ./my-strategy.mjs'), 'what decides the quotes (default: symmetric): symmetric (the fixed-spread quoter of --spread-bps), avellaneda-stoikov (inventory-skewed reservation price, volatility from --bars), range-guard (symmetric, widening or pausing when the last bars\' range is wide), or a plug-in module whose default export implements the Strategy port (see README, Writing a strategy); the risk monitor and the venue throttle still decide every order'),
  strategyParams: option('--strategy-params', '<json|@file>', 'strategy.params', 'json-object', null, false, formatRange('a JSON object such as {"gamma":0.1}, or @FILE.json holding one'), 'the strategy\'s parameters as a JSON object, or @FILE.json; each is checked against the parameters the strategy declares (name, type, range, allowed values), defaults filled in'),
  bars: option('--bars', '<list>', 'barsMs', 'list', null, false, formatRange('comma-separated bar lengths <count><s|m|h|d>, e.g. 1m,5m,1h'), 'bar resolutions built on every feed and passed to the strategy\'s onBar: from trades on replay and live feeds, from the mid on the synthetic feed (it prints no trades) (default: 1m from trades on replay and live feeds, none on the synthetic feed)'),
  strategyBudgetMs: option('--strategy-budget-ms', '<ms>', 'strategy.budgetMs', 'number', 1000, true, integerRange(1, 3_600_000), 'with --strategy (the default quoter runs without one): the longest one strategy callback call may take, wall ms; a call that returns later stops the run like a throw (every order cancelled, status failed, E_STRATEGY naming the callback and the budget). Checked when the call returns: a callback that never returns hangs the run (README, Writing a strategy)'),
  strategyTiming: option('--strategy-timing', '', null, 'switch', null, false, null, 'with --strategy: add strategy.timing to the report (wall ms per callback: calls, total, longest call); such a report is not byte-stable (the stderr summary shows the times anyway)'),
  checkDeterminism: option('--check-determinism', '', null, 'switch', null, false, null, 'run the configuration twice in this process before the real run and exit 1 (E_NONDETERMINISTIC) naming the first report path where the two differ: catches a strategy that reads Date.now(), new Date(), Math.random() or keeps state between runs (synthetic and replay feeds)'),
  control: option('--control', '<file>', null, 'text', null, false, null, 'operator control: append a line "freeze" or "unfreeze" to this file during the run (SIGUSR1 freezes and SIGUSR2 unfreezes too)'),
  orderNotional: option('--order-notional', '<usd>', 'strategy.orderNotionalUsd', 'number', '500', true, usd(true), 'target value of each order, USD; the size is rounded down to the lot'),
  makerFeeBps: venueDependent(option('--maker-fee-bps', '<bps>', 'fees.makerBps', 'number', null, false, decimalRange('-100', '1000', 2), ''), () => `maker fee, bps of notional, negative = rebate ${venueHelp.feeDefaultsHelp('makerBps')}`),
  takerFeeBps: venueDependent(option('--taker-fee-bps', '<bps>', 'fees.takerBps', 'number', null, false, decimalRange('-100', '1000', 2), ''), () => `taker fee, bps of notional ${venueHelp.feeDefaultsHelp('takerBps')}`),
  markoutMs: option('--markout-ms', '<ms>', 'risk.edge.markoutMs', 'number', 1000, true, integerRange(0, 3_600_000), 'horizon after a fill at which adverse selection is measured, virtual ms'),
  edgeWindow: option('--edge-window', '<n>', 'risk.edge.window', 'number', 20, true, integerRange(1, 100_000), 'adverse selection averages the last n matured fills'),
  edgeMinFills: option('--edge-min-fills', '<n>', 'risk.edge.minFills', 'number', 5, false, integerRange(1, 100_000), 'fills that must mature before adverse selection counts (default: 5, or --edge-window when smaller)'),
  startPrices: option('--start-prices', '<list>', 'feed.startPrices', 'per-symbol', null, false, usd(true), 'synthetic start prices, e.g. BTCUSDT=95000,ETHUSDT=3400 (default: built-in per symbol)'),
  volatilityBps: option('--volatility-bps', '<v>', 'feed.volatilityBps', 'per-symbol', null, false, decimalRange('0', '1000', 4), 'σ of the synthetic mid per update, bps: one value, or SYM=V pairs (default: built-in per symbol)'),
  reportFills: option('--report-fills', '<n>', 'output.reportFills', 'number', 20, true, integerRange(0, 100_000), 'how many of the latest fills the report lists'),
  out: option('--out', '<file>', null, 'text', null, false, null, 'write the report to this file instead of stdout: a regular file or new path atomically (temp file + rename; stale temp files of a killed run are removed); a device or FIFO (/dev/stdout, a named pipe) is written through, never replaced; the replay input or --journal is refused (exit 2)'),
  quiet: option('--quiet', '', null, 'switch', null, false, null, 'no summary on stderr (errors and warnings are still printed)'),
  series: option('--series', '<d>', null, 'text', null, false, formatRange('a positive whole number with a unit ms, s, m or h (at most 1 day), e.g. 250ms, 1s or 1m'), 'sample a time series every this much virtual time, per symbol: mid, our bid and ask, position, inventory, realized/unrealized PnL, fees, net edge vs threshold, open orders; plus every fill and risk event (freeze, unfreeze, state change, breaker transition, blocks) at its time; kept out of the report (its bytes do not change); written by --series-out, drawn by --html; synthetic and replay feeds (default: off)'),
  seriesOut: option('--series-out', '<file>', null, 'text', null, false, null, 'write the --series records to this file: JSON Lines for .jsonl/.ndjson/.json, CSV for .csv (decimal strings for money; same seed and flags, same bytes); streamed as the run goes to FILE.partial, renamed to FILE when the run has ended; needs --series'),
  html: option('--html', '<file>', null, 'text', null, false, null, 'also write a self-contained HTML report of the run (charts from --series when given, the report\'s tables always; works offline): the same file as `shadow-exec report html REPORT.json --series FILE -o FILE`'),
} as const satisfies Readonly<Record<string, RunOptionSpec>>;

export type RunOptionKey = keyof typeof RUN_OPTION_SPECS;
