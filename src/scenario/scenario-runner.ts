// ScenarioRunner: runs a rehearsal on the virtual clock — the run its file describes, the timeline injected at exact times, the expectations judged.
import { isAbsolute, join } from 'node:path';
import { loadStrategyPlugin, type LoadedPlugin } from '../app/strategy-wiring.js';
import { composeRun, type ComposedRun, type ToolInfo } from '../app/compose.js';
import type { RunConfig } from '../app/config/run-config.js';
import type { RunInput } from '../app/config/run-input.js';
import { validateRunConfig } from '../app/config/validate-run-config.js';
import { loadAllVenues } from '../app/venue-registry.js';
import { loadFeedModules } from '../app/feed-modules.js';
import { Decimal } from '../core/money/decimal.js';
import { SeededRng } from '../core/random/seeded-rng.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { SpikeableLatencyModel } from '../core/sim/spikeable-latency-model.js';
import type { ExchangeClient } from '../ports/exchange-client.js';
import type { RequestGate } from '../ports/request-gate.js';
import { runSession } from '../engine/run-session.js';
import type { SeriesSampler } from '../engine/series-sampler.js';
import { RecordingClient } from './recording-client.js';
import { evaluateExpectations, type ExpectationResult } from './expectations.js';
import { FaultGate } from './fault-gate.js';
import { TIMESTAMP_AHEAD_LIMIT_MS } from '../venues/shared/timestamp-window.js';
import { PerturbedFeed } from './perturbed-feed.js';
import { asScenarioError } from './scenario-run-errors.js';
import type { Scenario, ScenarioEvent } from './scenario.js';

export interface RehearsalResult {
  readonly report: JsonValue;
  readonly results: readonly ExpectationResult[];
  readonly passed: boolean;
  /** The run's --series sampler (ended: its records() are the rest of the series); null without seriesEveryMs. */
  readonly series: SeriesSampler | null;
}

/**
 * What a skew means for signed requests (the venue judges each on arrival, latency included): ahead by 1000 ms or more,
 * or behind by more than recvWindow, and the venue refuses them (TIMESTAMP_AHEAD_LIMIT_MS, the venues' shared rule).
 */
function clockSkewText(ms: number, recvWindowMs: number): string {
  if (ms > 0) {
    return ms >= TIMESTAMP_AHEAD_LIMIT_MS
      ? `clock ${ms} ms ahead: ${TIMESTAMP_AHEAD_LIMIT_MS} ms or more ahead of the venue, which refuses signed requests`
      : `clock ${ms} ms ahead: within the venue's ${TIMESTAMP_AHEAD_LIMIT_MS} ms`;
  }
  return -ms > recvWindowMs
    ? `clock ${-ms} ms behind: beyond recvWindow ${recvWindowMs} ms, the venue refuses signed requests`
    : `clock ${-ms} ms behind: within recvWindow ${recvWindowMs} ms`;
}

function seconds(ms: number): string {
  return `+${new Decimal(ms).div(1000).toFixed(3)}s`;
}

function describe(event: ScenarioEvent): string {
  const { type, ...rest } = event;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`);
  return [type, ...fields].join(' ');
}

/** The scenario's `run` block as a RunInput, with the market section turned into the options it stands for. */
function runInput(scenario: Scenario): RunInput {
  const flags: Record<string, unknown> = { ...scenario.run };
  if (scenario.market.kind === 'replay') flags['feed'] = `replay:${scenario.market.file}`;
  else {
    if (scenario.market.startPrices !== null) flags['startPrices'] = scenario.market.startPrices;
    if (scenario.market.volatilityBps !== null) flags['volatilityBps'] = scenario.market.volatilityBps;
  }
  return flags as RunInput;
}

export interface RehearseOptions {
  /**
   * The folder a relative plug-in path of `run.strategy` resolves against: the package root for a built-in scenario
   * (its plug-in ships with it); null (@default) the working directory, as on the command line.
   */
  readonly pluginBase?: string | null;
  /** --series: virtual ms between samples of the run's time series (engine/series-sampler.ts; the report is unchanged); null (@default): no series. */
  readonly seriesEveryMs?: number | null;
  /** Called between slices of the run with its sampler, e.g. to stream what it has so far to --series-out; @default none */
  readonly onSlice?: (series: SeriesSampler) => void;
}

/** A relative plug-in path, resolved against `base` (absolute paths and built-in names stay as they are). */
function pluginChoice(choice: RunConfig['strategy']['choice'], base: string | null): RunConfig['strategy']['choice'] {
  if (choice === null || choice.kind !== 'plugin' || base === null || isAbsolute(choice.file)) return choice;
  return { kind: 'plugin', file: join(base, choice.file) };
}

export async function rehearse(scenario: Scenario, tool: ToolInfo, log: (line: string) => void = () => {}, options: RehearseOptions = {}): Promise<RehearsalResult> {
  let config: RunConfig;
  let plugin: LoadedPlugin | null;
  try {
    const input = runInput(scenario);
    await loadAllVenues();
    config = validateRunConfig(input);
    await loadFeedModules(config);
    plugin = await loadStrategyPlugin(pluginChoice(config.strategy.choice, options.pluginBase ?? null));
  } catch (error) {
    throw asScenarioError(error);
  }
  let feed: PerturbedFeed | null = null;
  let gate: FaultGate | null = null;
  let latency: SpikeableLatencyModel | null = null;
  let recorder: RecordingClient | null = null;
  let simulated: ExchangeClient | null = null;
  let run: ComposedRun | null = null;
  try {
    run = composeRun(config, tool, {
      plugin,
      seriesEveryMs: options.seriesEveryMs ?? null,
      wrapFeed: (inner) => (feed = new PerturbedFeed(inner, new SeededRng(`shadow-exec:${config.seed}`).fork('rehearsal'))),
      wrapGate: (inner: RequestGate, rules) => {
        const throttled = inner as RequestGate & { setThrottle?: (on: boolean) => void };
        gate = new FaultGate(inner, config.recvWindowMs, rules.timestampRejected.bind(rules), throttled.setThrottle?.bind(throttled) ?? null);
        return gate;
      },
      wrapLatency: (inner, clock) => (latency = new SpikeableLatencyModel(inner, () => clock.now())),
      wrapVenue: (inner) => {
        simulated = inner;
        return (recorder = new RecordingClient(inner, () => run!.clock.now()));
      },
    });
  } catch (error) {
    // A symbol the venue does not list, an order option it refuses: the scenario's fields, named by their JSON paths.
    throw asScenarioError(error);
  }
  const composed = run;
  const f = feed!;
  const g = gate!;
  const l = latency!;
  const start = composed.startMs;
  const openOrdersAt = new Map<number, number>();
  // Probes first: scheduled before the timeline, they see the state just before the events of their time.
  for (const e of scenario.expect) {
    if (e.type === 'open_orders') composed.scheduler.schedule(start + e.atMs, () => openOrdersAt.set(e.atMs, composed.loop.openOrders));
  }
  const applied: JsonValue[] = [];
  for (const entry of scenario.timeline) {
    const at = start + entry.atMs;
    composed.scheduler.schedule(at, () => {
      const outcome = apply(entry.event, at, { composed, feed: f, gate: g, latency: l, config, venue: simulated!, applied, log });
      applied.push({ at_ms: entry.atMs, event: describe(entry.event), outcome });
      log(`${seconds(entry.atMs).padStart(10)}  ${describe(entry.event).padEnd(44)} → ${outcome}`);
    });
  }
  const series = composed.series ?? null;
  const onSlice = options.onSlice;
  const result = await runSession(composed, {
    stopRequested: () => false,
    yieldSlice: () => Promise.resolve(),
    ...(series === null || onSlice === undefined ? {} : { onProgress: () => onSlice(series) }),
  });
  const risk = result.report as Record<string, JsonValue>;
  const since = (ms: number): number => ms - start;
  const results = evaluateExpectations(
    scenario.expect,
    {
      freezes: composed.loop.riskMonitor.freezeEvents.map((x) => ({ reason: x.reason, atMs: since(x.ts) })),
      unfreezes: composed.loop.riskMonitor.unfreezeEvents.map((x) => ({ atMs: since(x.ts) })),
      circuitOpenings: composed.loop.breaker.transitions.filter((t) => t.to === 'OPEN').map((t) => since(t.atMs)),
      ordersPlacedAt: recorder!.placedAt.map(since),
      openOrdersAt,
    },
    risk,
  );
  for (const r of results) log(`expect #${r.index} ${r.type}: ${r.passed ? 'pass' : 'FAIL'} (expected ${JSON.stringify(r.expected)}, observed ${JSON.stringify(r.observed)})`);
  const passed = results.every((r) => r.passed);
  const report: JsonValue = {
    ...risk,
    scenario: { name: scenario.name, description: scenario.description },
    rehearsal: { timeline: applied, market: f.report(), injected_faults: (g.report()['injected_faults'] as JsonValue | undefined) ?? {} },
    expectations: { passed, results: results.map((r) => ({ index: r.index, type: r.type, expected: r.expected, observed: r.observed, passed: r.passed })) },
  };
  return { report, results, passed, series };
}

interface Handles {
  readonly composed: ComposedRun;
  readonly feed: PerturbedFeed;
  readonly gate: FaultGate;
  readonly latency: SpikeableLatencyModel;
  readonly config: RunConfig;
  /** The simulated venue itself (its dead-man switch); the loop sees it through the recorder. */
  readonly venue: ExchangeClient;
  /** The timeline as applied so far: a venue's own later action (the switch firing) adds its line. */
  readonly applied: JsonValue[];
  readonly log: (line: string) => void;
}

/** Applies one timeline event at virtual time `at`; returns what the system did, for the timeline. */
function apply(event: ScenarioEvent, at: number, h: Handles): string {
  const { loop } = h.composed;
  switch (event.type) {
    case 'price_jump':
      h.feed.priceJump(event.symbol, Number(event.bps));
      return `mid of ${event.symbol} moves ${event.bps} bps from the next update`;
    case 'spread_blowout':
      h.feed.spreadBlowout(event.symbol, event.ticks, at + event.forMs);
    {
      // In price, as every summary line: the event is given in ticks, the tick size turns it into quote currency.
      const tick = h.config.venue.instruments.find((i) => i.spec.symbol === event.symbol)?.spec.tickSize;
      const widening = tick === undefined ? `${event.ticks} ticks` : `${new Decimal(tick).times(event.ticks).toFixed()} (${event.ticks} ticks)`;
      return `spread of ${event.symbol} widens by ${widening} until ${seconds(at + event.forMs - h.composed.startMs)}`;
    }
    case 'volatility': {
      const base = Number((h.config.feed.kind === 'synthetic' ? h.config.feed.volatilityBps[event.symbol] : undefined) ?? '0');
      const target = Number(event.bps);
      h.feed.volatility(event.symbol, Math.sqrt(Math.max(0, target * target - base * base)));
      return `σ of ${event.symbol} per update becomes ${event.bps} bps`;
    }
    case 'trade_burst':
      h.feed.tradeBurst(event.symbol, event.count, event.side, loop.exposure.markTicks(loop.symbols.require(event.symbol, 'the run')), at);
      return `${event.count} ${event.side} trades injected`;
    case 'adverse_flow':
      h.feed.adverseFlow(event.symbol, Number(event.bpsPerUpdate), at + event.forMs);
      return `${event.symbol} drifts ${event.bpsPerUpdate} bps per update`;
    case 'ws_disconnect':
    case 'ws_silence':
      h.feed.silence(at + event.forMs);
      return `no market data until ${seconds(at + event.forMs - h.composed.startMs)}`;
    case 'venue_errors':
      h.gate.venueOutage(event.kind, at, at + event.forMs);
      return `venue answers ${event.kind === '5xx' ? 'HTTP 503' : 'nothing (timeout)'} until ${seconds(at + event.forMs - h.composed.startMs)}`;
    case 'rate_limit_storm':
      h.gate.rateLimitStorm(at, at + event.forMs);
      return 'client throttling off: the venue answers with its rate-limit errors';
    case 'latency_spike':
      h.latency.spike(event.ms, at + event.forMs);
      return `+${event.ms} ms one-way latency until ${seconds(at + event.forMs - h.composed.startMs)}`;
    case 'clock_skew':
      h.gate.clockSkew(event.ms);
      return clockSkewText(event.ms, h.config.recvWindowMs);
    case 'order_rejects':
      h.gate.orderRejects(event.code, at, at + event.forMs);
      return `venue rejects new orders with ${event.code}`;
    case 'freeze':
      loop.manualFreeze('scenario');
      return loop.riskMonitor.frozen ? 'frozen (MANUAL): every order cancelled' : 'freeze ignored';
    case 'unfreeze':
      loop.manualUnfreeze('scenario');
      return loop.riskMonitor.frozen ? 'still frozen' : 'unfrozen: quoting resumes';
    case 'stop':
      loop.stop('interrupted');
      return 'stopped: feed closed, every order cancelled';
    case 'schedule_cancel': {
      const time = at + event.afterMs;
      const since = (ms: number): number => ms - h.composed.startMs;
      if (h.venue.scheduleCancel === undefined) return 'refused: the venue has no scheduled cancel';
      const refused = h.venue.scheduleCancel(time, (cancelled) => {
        const outcome = `the venue cancelled ${cancelled} open order(s)`;
        h.applied.push({ at_ms: since(time), event: 'scheduled_cancel_fired', outcome });
        h.log(`${seconds(since(time)).padStart(10)}  ${'scheduled_cancel_fired'.padEnd(44)} → ${outcome}`);
      });
      if (refused !== null) return `refused: ${refused.message}${refused.detail === undefined ? '' : ` (${refused.detail})`}`;
      return `dead-man switch armed: every open order cancelled at ${seconds(since(time))} (time ${time})`;
    }
  }
}
