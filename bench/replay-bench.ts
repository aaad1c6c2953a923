// Replay throughput (frames/s through parse → book → loop) next to a JSON.parse-only pass over the same frames: Binance bookTicker and Bybit orderbook.50 deltas.
// Not wired into run-bench.ts here; call measureReplayThroughput() from it (cwd = repository root).
//
// Samples, synthesised deterministically from the fixtures (no randomness, no wall clock in the data):
// - bookTicker: the capture's 74 NKNUSDT bookTicker frames repeated in order, one record per ms;
// - orderbook.50: a 50-level BTCUSDT snapshot, then deltas shaped like the docs example (5 bid + 7 ask
//   levels, some removals) around a fixed mid, so the book never crosses and its top moves often.
// The pipeline pass builds a ReplayFeed over records decoded in memory (reading and decoding a file on disk
// is measured by replay-file-bench.ts) and drives the real ExecutionLoop on the fake venue until the feed is exhausted.
import { readFileSync } from 'node:fs';
import { buildReplayFeedFromDecoded } from '../src/app/compose-replay.js';
import { buildInstrument, type InstrumentSpec } from '../src/core/model/instrument.js';
import { DEFAULT_ORDER_OPTIONS } from '../src/core/model/order.js';
import { FillLog } from '../src/core/portfolio/fill-log.js';
import { Ledger } from '../src/core/portfolio/ledger.js';
import { SeededRng } from '../src/core/random/seeded-rng.js';
import { EdgeTracker } from '../src/core/risk/edge-tracker.js';
import { RiskMonitor } from '../src/core/risk/risk-monitor.js';
import { EventScheduler } from '../src/core/scheduler/event-scheduler.js';
import { ConstantLatencyModel } from '../src/core/sim/constant-latency-model.js';
import { ProbabilisticFillModel } from '../src/core/sim/probabilistic-fill-model.js';
import { IcebergVisible } from '../src/core/sim/iceberg-visible.js';
import { SimulatedVenue } from '../src/core/sim/simulated-venue.js';
import { symmetricDefinition } from '../src/core/strategy/symmetric-strategy.js';
import { VirtualClock } from '../src/core/time/virtual-clock.js';
import { ExecutionLoop } from '../src/engine/execution-loop.js';
import { type ReplayHeader, type ReplayRecord } from '../src/feeds/replay/replay-format.js';
import { decodeReplay } from '../src/feeds/replay/replay-decoder.js';
import { FakeVenueRules } from '../src/venues/fake/fake-venue-rules.js';

export interface ReplayThroughput {
  readonly label: string;
  /** Frames per measured pass. */
  readonly frames: number;
  /** Quotes the loop handled in one pipeline pass (deterministic for a sample). */
  readonly quotes: number;
  readonly orders: number;
  readonly jsonParseFramesPerSec: number;
  /** The feed alone: parse → book / bars → events, drained by a consumer that only counts them. */
  readonly feedFramesPerSec: number;
  /** The whole run: the feed's events through the ExecutionLoop, fake venue and quoter (run defaults). */
  readonly replayFramesPerSec: number;
  /** feed / JSON.parse-only and replay / JSON.parse-only: issue #5 wants ≥ 0.75 for the pipeline. */
  readonly feedRatio: number;
  readonly ratio: number;
}

interface Sample {
  readonly label: string;
  readonly header: ReplayHeader;
  readonly records: ReplayRecord[];
  readonly spec: InstrumentSpec;
}

const spec = (symbol: string, tickSize: string, lotSize: string): InstrumentSpec => ({
  symbol, baseAsset: symbol.replace(/USDT$/, ''), quoteAsset: 'USDT', tickSize, lotSize, minQty: lotSize, maxQty: '1000000000', minNotional: '0',
});

/** Finest NKNUSDT grid of the 2021 capture (as test/helpers/market-grids.ts) and Bybit linear BTCUSDT. */
const NKNUSDT = spec('NKNUSDT', '0.00001', '0.1');
const BTCUSDT = spec('BTCUSDT', '0.1', '0.001');
const ROUNDS = 5;
const START = 1_700_000_000_000;

function bookTickerSample(root: string, frames: number): Sample {
  const capture = decodeReplay(readFileSync(`${root}/test/fixtures/replay/binance-spot-2021-10-11.jsonl`, 'utf8'));
  const tickers = capture.records.flatMap((r) => (r.kind === 'frame' && r.frame.includes('"nknusdt@bookTicker"') ? [r.frame] : []));
  const records: ReplayRecord[] = Array.from({ length: frames }, (_, i) => ({ kind: 'frame', t: START + i, frame: tickers[i % tickers.length]! }));
  return { label: 'binance bookTicker (NKNUSDT, 2021 capture)', header: capture.header, records, spec: NKNUSDT };
}

/** Deterministic integer stream (LCG, Numerical Recipes constants) for the synthetic deltas. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
}

function bybitDeltaSample(frames: number): Sample {
  const next = lcg(50);
  const midTicks = 302_480; // 30248.0 on the 0.1 tick
  const price = (ticks: number): string => (ticks / 10).toFixed(2);
  const qty = (lots: number): string => (lots / 1000).toFixed(3);
  const level = (side: 1 | -1, depth: number): [string, string] => [price(midTicks + side * (1 + depth)), next() % 5 === 0 ? '0' : qty(1 + (next() % 30_000))];
  const levels = (side: 1 | -1, count: number, top: number): [string, string][] => Array.from({ length: count }, () => level(side, next() % top));
  const frame = (type: 'snapshot' | 'delta', b: [string, string][], a: [string, string][], u: number): string =>
    JSON.stringify({ topic: 'orderbook.50.BTCUSDT', type, ts: START + u, data: { s: 'BTCUSDT', b, a, u, seq: 66_544_703_342 + u }, cts: START + u - 2 });
  const full = (side: 1 | -1): [string, string][] => Array.from({ length: 50 }, (_, d) => [price(midTicks + side * (1 + d)), qty(1 + (next() % 30_000))]);
  const records: ReplayRecord[] = [{ kind: 'frame', t: START, frame: frame('snapshot', full(-1), full(1), 1) }];
  // Deltas touch the top 10 levels of each side (5 bids, 7 asks, as the docs example), a fifth of them removals.
  for (let u = 2; records.length < frames; u++) records.push({ kind: 'frame', t: START + u, frame: frame('delta', levels(-1, 5, 10), levels(1, 7, 10), u) });
  return { label: 'bybit orderbook.50 deltas (synthesised)', header: { format: 'shadow-exec-replay', version: 1, venue: 'bybit', market: 'linear' }, records, spec: BTCUSDT };
}

function feedOf(sample: Sample): ReturnType<typeof buildReplayFeedFromDecoded> {
  return buildReplayFeedFromDecoded(sample.label, { header: sample.header, records: sample.records }, [sample.spec], { barResolutions: '1m' });
}

/** The feed drained without a loop; returns the events it yielded. */
function feedPass(sample: Sample): number {
  const { feed } = feedOf(sample);
  let events = 0;
  while (feed.next() !== null) events++;
  return events;
}

/** One replayed run of the sample to the end of the feed; returns quotes and orders handled. */
function replayPass(sample: Sample): { quotes: number; orders: number } {
  const replay = feedOf(sample);
  const clock = new VirtualClock(replay.startMs);
  const scheduler = new EventScheduler();
  const instruments = [buildInstrument(sample.spec)];
  const fees = { makerPpm: 200, takerPpm: 550 };
  const venue = new SimulatedVenue({
    clock, scheduler, instruments: new Map(instruments.map((i) => [i.symbol, i])), rules: new FakeVenueRules(fees),
    fillModel: new ProbabilisticFillModel(new SeededRng('bench').fork('fills'), 0.05, '0.05', new IcebergVisible(new Map(instruments.map((i) => [i.symbol, i])))), latency: new ConstantLatencyModel(50),
  });
  const loop = new ExecutionLoop({
    clock, scheduler, venue, feed: replay.feed, instruments,
    strategy: symmetricDefinition({ spreadBpsE4: 200_000, orderNotionalE8: 500e8, requoteBpsE4: 20_000 }, instruments),
    risk: new RiskMonitor({ maxInventoryE8: 1e6 * 1e8, maxTotalNotionalE8: 1e6 * 1e8, edgeThresholdBpsE4: -1e9 }),
    edge: new EdgeTracker(replay.symbols, { halfSpreadBpsE4: 100_000, makerFeeBpsE4: 20_000, markoutMs: 1000, window: 20, minFills: 5 }),
    ledger: new Ledger(instruments, fees), fillLog: new FillLog(5),
    orderOptions: DEFAULT_ORDER_OPTIONS, requoteMode: 'replace', cancelMode: 'per-order', exitOco: null,
  });
  loop.start();
  for (;;) {
    const event = scheduler.pop();
    if (event === null) {
      if (loop.stopReason !== null) break;
      loop.stop('completed');
      continue;
    }
    clock.advanceTo(event.time);
    event.action();
  }
  return { quotes: loop.counters.marketUpdates, orders: loop.counters.ordersPlaced };
}

function secondsOf(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function measure(sample: Sample): ReplayThroughput {
  const frames = sample.records.map((r) => (r.kind === 'frame' ? r.frame : r.kind === 'rest' ? r.body : ''));
  let sink = 0;
  const jsonPass = (): void => {
    for (const f of frames) sink += (JSON.parse(f) as object) === null ? 1 : 0;
  };
  let result = replayPass(sample);
  jsonPass();
  sink += feedPass(sample);
  let jsonSec = Infinity;
  let feedSec = Infinity;
  let replaySec = Infinity;
  // Alternate and keep each side's best run (shared machines are noisy).
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.hrtime.bigint();
    jsonPass();
    jsonSec = Math.min(jsonSec, secondsOf(t));
    t = process.hrtime.bigint();
    sink += feedPass(sample);
    feedSec = Math.min(feedSec, secondsOf(t));
    t = process.hrtime.bigint();
    result = replayPass(sample);
    replaySec = Math.min(replaySec, secondsOf(t));
  }
  if (sink < 0) throw new Error('unreachable: keeps the measured work observable');
  const n = frames.length;
  return {
    label: sample.label, frames: n, quotes: result.quotes, orders: result.orders,
    jsonParseFramesPerSec: n / jsonSec, feedFramesPerSec: n / feedSec, replayFramesPerSec: n / replaySec,
    feedRatio: jsonSec / feedSec, ratio: jsonSec / replaySec,
  };
}

/**
 * Measures both samples with `frames` frames each (repository root `root`).
 * @param frames frames per pass; 200k takes ~0.1–0.5 s per pass
 */
export function measureReplayThroughput(root = '.', frames = 200_000): ReplayThroughput[] {
  return [measure(bookTickerSample(root, frames)), measure(bybitDeltaSample(frames))];
}

export function formatReplayThroughput(r: ReplayThroughput): string {
  const rate = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);
  return (
    `${r.label.padEnd(44)} JSON.parse only ${rate(r.jsonParseFramesPerSec)} frames/s   feed ${rate(r.feedFramesPerSec)} frames/s (ratio ${r.feedRatio.toFixed(2)})` +
    `   feed + loop ${rate(r.replayFramesPerSec)} frames/s (ratio ${r.ratio.toFixed(2)})   ${r.quotes} quotes, ${r.orders} orders / ${r.frames} frames`
  );
}
