// Parser throughput next to a JSON.parse-only pass on the same frames: Binance bookTicker (the 2021 capture) and Bybit orderbook.50 deltas.
// Not wired into run-bench.ts here; call measureParseThroughput() from it (cwd = repository root).
import { readFileSync } from 'node:fs';
import { buildSymbolGridLookup } from '../src/core/market/symbol-grid.js';
import type { InstrumentSpec } from '../src/core/model/instrument.js';
import type { MarketDataEvent } from '../src/core/model/market-data-event.js';
import { decodeReplay } from '../src/feeds/replay/replay-decoder.js';
import type { MarketFrameParser } from '../src/ports/market-frame-parser.js';
import { BinanceStreamParser } from '../src/venues/binance/ws/binance-stream-parser.js';
import { BybitStreamParser } from '../src/venues/bybit/ws/bybit-stream-parser.js';

export interface ParseThroughput {
  readonly label: string;
  /** Distinct frames in the sample, and frames pushed through each measured pass in total. */
  readonly sampleFrames: number;
  readonly measuredFrames: number;
  readonly jsonParseFramesPerSec: number;
  readonly parserFramesPerSec: number;
  /** parser / JSON.parse-only: issue #5 wants ≥ 0.75 for the whole pipeline, so the parser alone should be near 1. */
  readonly ratio: number;
}

const spec = (symbol: string, tickSize: string, lotSize: string): InstrumentSpec => ({
  symbol, baseAsset: symbol, quoteAsset: 'Q', tickSize, lotSize, minQty: lotSize, maxQty: '1000000000', minNotional: '0',
});

/** Finest grids seen in the 2021 capture (same as test/helpers/market-grids.ts), and Bybit linear BTCUSDT. */
const CAPTURE_SPECS = [spec('NKNUSDT', '0.00001', '0.1'), spec('BLZETH', '0.00000001', '1'), spec('LRCBTC', '0.00000001', '1'), spec('RUNEEUR', '0.001', '0.1')];
const BYBIT_SPECS = [spec('BTCUSDT', '0.1', '0.001')];

/** Alternating measured rounds per sample; the best of each side counts. */
const ROUNDS = 7;

function secondsOf(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function measure(label: string, frames: readonly string[], parser: MarketFrameParser, targetFrames: number): ParseThroughput {
  const passes = Math.max(1, Math.ceil(targetFrames / frames.length));
  const out: MarketDataEvent[] = [];
  let sink = 0;
  const jsonPass = (): void => {
    for (let p = 0; p < passes; p++) for (const f of frames) sink += (JSON.parse(f) as object) === null ? 1 : 0;
  };
  const parserPass = (): void => {
    for (let p = 0; p < passes; p++) {
      for (const f of frames) {
        const before = out.length;
        parser.parse(f, 0, out);
        sink += out.length - before;
        // Truncate in batches: `out.length = 0` after every frame costs about as much as a bookTicker parse.
        if (out.length >= 1024) out.length = 0;
      }
    }
  };
  // Warm both paths up to the optimising tier, then alternate and keep each one's best run (shared machines are noisy).
  jsonPass();
  parserPass();
  let jsonSec = Infinity;
  let parserSec = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.hrtime.bigint();
    jsonPass();
    jsonSec = Math.min(jsonSec, secondsOf(t));
    t = process.hrtime.bigint();
    parserPass();
    parserSec = Math.min(parserSec, secondsOf(t));
  }
  if (sink < 0) throw new Error('unreachable: keeps the measured work observable');
  const measuredFrames = passes * frames.length;
  const jsonParseFramesPerSec = measuredFrames / jsonSec;
  const parserFramesPerSec = measuredFrames / parserSec;
  return { label, sampleFrames: frames.length, measuredFrames, jsonParseFramesPerSec, parserFramesPerSec, ratio: parserFramesPerSec / jsonParseFramesPerSec };
}

/**
 * Measures both samples. Paths are relative to `root` (the repository root):
 * test/fixtures/replay/binance-spot-2021-10-11.jsonl and test/fixtures/venues/bybit_v5_ws_orderbook50_delta_docs.json.
 * @param targetFrames frames per measured pass (the sample is repeated); 200k takes ~0.2–0.5 s per pass
 */
export function measureParseThroughput(root = '.', targetFrames = 200_000): ParseThroughput[] {
  const replay = decodeReplay(readFileSync(`${root}/test/fixtures/replay/binance-spot-2021-10-11.jsonl`, 'utf8'));
  const bookTickers = replay.records.flatMap((r) => (r.kind === 'frame' && r.frame.includes('@bookTicker') ? [r.frame] : []));
  const bybitDelta = JSON.stringify(JSON.parse(readFileSync(`${root}/test/fixtures/venues/bybit_v5_ws_orderbook50_delta_docs.json`, 'utf8')));
  return [
    measure('binance bookTicker (2021 capture)', bookTickers, new BinanceStreamParser({ grids: buildSymbolGridLookup(CAPTURE_SPECS) }), targetFrames),
    measure('bybit orderbook.50 delta (docs)', [bybitDelta], new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_SPECS) }), targetFrames),
  ];
}

export function formatParseThroughput(r: ParseThroughput): string {
  const rate = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);
  return `${r.label.padEnd(36)} JSON.parse only ${rate(r.jsonParseFramesPerSec)} frames/s   parser ${rate(r.parserFramesPerSec)} frames/s   ratio ${r.ratio.toFixed(2)}`;
}
