// Fuzz targets: each parser with its contract (what it may throw) and an oracle for wrong accepts; run() feeds N seeded fast-check inputs and counts crashes, hangs and wrong accepts.
import fc from 'fast-check';
import { ShadowExecError } from '../src/core/errors/shadow-exec-error.js';
import { MAX_DECIMAL_CHARS } from '../src/core/money/fast-units.js';
import { buildSymbolGridLookup } from '../src/core/market/symbol-grid.js';
import type { InstrumentSpec } from '../src/core/model/instrument.js';
import type { MarketDataEvent } from '../src/core/model/market-data-event.js';
import type { WsVenueProtocol } from '../src/ports/ws-venue-protocol.js';
import type { MarketFrameParser } from '../src/ports/market-frame-parser.js';
import { BINANCE_BUNDLED_INSTRUMENTS } from '../src/venues/binance/binance-bundled-instruments.js';
import { parseBinanceExchangeInfo } from '../src/venues/binance/binance-instruments.js';
import { depthSnapshotIdOf } from '../src/venues/binance/ws/binance-depth-ids.js';
import { BinanceStreamParser } from '../src/venues/binance/ws/binance-stream-parser.js';
import { BinanceWsProtocol } from '../src/venues/binance/ws/binance-ws-protocol.js';
import { BYBIT_BUNDLED_INSTRUMENTS } from '../src/venues/bybit/bybit-bundled-instruments.js';
import { parseBybitInstrumentsInfo } from '../src/venues/bybit/bybit-instruments.js';
import { BybitStreamParser } from '../src/venues/bybit/ws/bybit-stream-parser.js';
import { BybitWsProtocol } from '../src/venues/bybit/ws/bybit-ws-protocol.js';
import { fieldMutation, frameInputs, type Json } from './fuzz-inputs.js';
import { BINANCE_FRAME_TEMPLATES, BYBIT_FRAME_TEMPLATES, DEPTH_BODY_TEMPLATES } from './fuzz-templates.js';

/** An input slower than this counts as a hang. */
export const HANG_MS = 100;

export interface FuzzCounts {
  readonly target: string;
  inputs: number;
  /** Throws the contract does not allow. */
  crashes: number;
  /** Inputs that took longer than HANG_MS on three tries (a GC pause or a busy machine does not repeat). */
  hangs: number;
  /** Inputs over HANG_MS once that ran under it when tried again: stalls of the machine, not of the parser. */
  stallsNotRepeated: number;
  /** Inputs accepted that the oracle says must not be. */
  wrongAccepts: number;
  slowestMs: number;
  /** The first few offending inputs (cut), to reproduce. */
  readonly samples: string[];
}

/** One parser under test: `check` returns null when the input was handled within contract, else what went wrong. */
export interface FuzzTarget {
  readonly name: string;
  readonly inputs: fc.Arbitrary<string>;
  check(input: string): 'wrong-accept' | null;
}

const BINANCE_SPECS: readonly InstrumentSpec[] = BINANCE_BUNDLED_INSTRUMENTS.spot.flatMap((b) => parseBinanceExchangeInfo(b.response, 'spot', 'bundled')).map((i) => i.spec);
const BYBIT_SPECS: readonly InstrumentSpec[] = BYBIT_BUNDLED_INSTRUMENTS.linear.flatMap((b) => parseBybitInstrumentsInfo(b.response, 'linear', 'bundled')).map((i) => i.spec);

/** True when JSON.parse accepts `text`: the oracle the fuzz and the JSON syntax-error tests compare against. */
export const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Every number in an event is a safe integer ≥ 0 (ticks, lots, ids, times), and its symbol is one of `symbols`. */
function eventsValid(events: readonly MarketDataEvent[], symbols: ReadonlySet<string>): boolean {
  const numbersOk = (value: unknown): boolean => {
    if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
    if (Array.isArray(value)) return value.every(numbersOk);
    return true;
  };
  return events.every((e) => symbols.has(e.symbol) && Object.values(e).every(numbersOk));
}

/**
 * A stream parser, checked against itself: the frame with a leading space takes the JSON.parse path (the fast
 * paths need '{' first), so an accept must give the same events both ways, be JSON, and hold only valid numbers.
 */
function streamTarget(name: string, make: () => MarketFrameParser, templates: readonly Json[], specs: readonly InstrumentSpec[]): FuzzTarget {
  let parser = make();
  let reference = make();
  const symbols = new Set(specs.map((s) => s.symbol));
  return {
    name,
    inputs: frameInputs(templates),
    check(input) {
      const out: MarketDataEvent[] = [];
      const ref: MarketDataEvent[] = [];
      const cls = parser.parse(input, 1_000, out);
      const refCls = reference.parse(` ${input}`, 1_000, ref);
      const agree = cls === refCls && JSON.stringify(out) === JSON.stringify(ref);
      if (!agree) {
        parser = make();
        reference = make();
      }
      if (cls !== 'market-data') return agree ? null : 'wrong-accept';
      return agree && parses(input) && eventsValid(out, symbols) ? null : 'wrong-accept';
    },
  };
}

/** A protocol's classify and sequenceKey on parsed frames: taking a frame the stream parser reads as market data for control traffic would drop it. */
function protocolTarget(name: string, protocol: WsVenueProtocol, parser: () => MarketFrameParser, templates: readonly Json[]): FuzzTarget {
  let reader = parser();
  return {
    name,
    inputs: frameInputs(templates),
    check(input) {
      let message: unknown;
      try {
        message = JSON.parse(input);
      } catch {
        return null; // the session skips non-JSON before classify
      }
      const cls = protocol.classify(message);
      const key = protocol.sequenceKey(message);
      if (key !== null && typeof key !== 'string') return 'wrong-accept';
      if (cls.kind === 'data' || cls.kind === 'unknown') return null;
      const read = reader.parse(input, 1_000, []);
      if (read !== 'market-data') return null;
      reader = parser();
      return 'wrong-accept';
    },
  };
}

const DECIMAL = /^\d+(\.\d+)?$/;
const specValid = (s: InstrumentSpec): boolean =>
  typeof s.symbol === 'string' && s.symbol.length > 0 && [s.tickSize, s.lotSize, s.minQty, s.maxQty, s.minNotional].every((d) => typeof d === 'string' && d.length <= MAX_DECIMAL_CHARS && DECIMAL.test(d)) && Number(s.tickSize) > 0 && Number(s.lotSize) > 0;

/** An instruments reader: may only throw ShadowExecError (E_CONFIG); what it returns must be usable grids. */
function instrumentsTarget(name: string, read: (json: unknown) => readonly { readonly spec: InstrumentSpec }[], templates: readonly Json[]): FuzzTarget {
  return {
    name,
    inputs: fc.oneof({ weight: 9, arbitrary: fieldMutation(templates) }, { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) }),
    check(input) {
      let list: readonly { readonly spec: InstrumentSpec }[];
      try {
        list = read(JSON.parse(input));
      } catch (error) {
        if (error instanceof ShadowExecError) return null;
        throw error;
      }
      return list.every((i) => specValid(i.spec)) ? null : 'wrong-accept';
    },
  };
}

/** The REST depth body, read by the replay/live parser and by the recorder's id watch: they must agree on the id, and the watch must not take a body the parser cannot read at all. */
function depthTarget(): FuzzTarget {
  const parser = new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_SPECS) });
  const symbols = new Set(['BTCUSDT']);
  return {
    name: 'binance depth snapshot body',
    inputs: frameInputs(DEPTH_BODY_TEMPLATES),
    check(input) {
      const out: MarketDataEvent[] = [];
      const cls = parser.parseDepthSnapshotBody(input, 'BTCUSDT', 1_000, out);
      const ids = depthSnapshotIdOf(input, 'BTCUSDT', 1_000);
      if (cls === 'market-data') {
        const snapshot = out[0];
        return out.length === 1 && snapshot?.kind === 'book-snapshot' && ids?.updateId === snapshot.updateId && eventsValid(out, symbols) ? null : 'wrong-accept';
      }
      return ids !== null && (cls === 'invalid-json' || cls === 'unknown') ? 'wrong-accept' : null;
    },
  };
}

/** Every target of the fuzz run. */
export function fuzzTargets(): FuzzTarget[] {
  const binance = (): MarketFrameParser => new BinanceStreamParser({ grids: buildSymbolGridLookup(BINANCE_SPECS) });
  const bybit = (): MarketFrameParser => new BybitStreamParser({ grids: buildSymbolGridLookup(BYBIT_SPECS) });
  return [
    streamTarget('binance stream parser', binance, BINANCE_FRAME_TEMPLATES, BINANCE_SPECS),
    streamTarget('bybit stream parser', bybit, BYBIT_FRAME_TEMPLATES, BYBIT_SPECS),
    protocolTarget('binance ws protocol', new BinanceWsProtocol(), binance, BINANCE_FRAME_TEMPLATES),
    protocolTarget('bybit ws protocol', new BybitWsProtocol({ category: 'linear' }), bybit, BYBIT_FRAME_TEMPLATES),
    instrumentsTarget('binance exchangeInfo reader', (json) => parseBinanceExchangeInfo(json, 'spot', 'fuzz'), BINANCE_BUNDLED_INSTRUMENTS.spot.map((b) => b.response as unknown as Json)),
    instrumentsTarget('bybit instruments-info reader', (json) => parseBybitInstrumentsInfo(json, 'linear', 'fuzz'), BYBIT_BUNDLED_INSTRUMENTS.linear.map((b) => b.response as unknown as Json)),
    depthTarget(),
  ];
}

const SAMPLE_CHARS = 300;

/** Feeds `numRuns` inputs of `seed` to `target`; never stops early (every problem is counted, the first five kept). */
export function runFuzz(target: FuzzTarget, numRuns: number, seed: number): FuzzCounts {
  const counts: FuzzCounts = { target: target.name, inputs: 0, crashes: 0, hangs: 0, stallsNotRepeated: 0, wrongAccepts: 0, slowestMs: 0, samples: [] };
  const retime = (input: string): number => {
    const started = performance.now();
    try {
      target.check(input);
    } catch {
      // counted on the first try
    }
    return performance.now() - started;
  };
  const note = (what: string, input: string): void => {
    if (counts.samples.length < 5) counts.samples.push(`${what}: ${input.length > SAMPLE_CHARS ? `${input.slice(0, SAMPLE_CHARS)}… (${input.length} chars)` : input}`);
  };
  fc.assert(
    fc.property(target.inputs, (input) => {
      counts.inputs++;
      const started = performance.now();
      let verdict: 'wrong-accept' | 'crash' | null;
      try {
        verdict = target.check(input);
      } catch (error) {
        verdict = 'crash';
        note(`crash (${error instanceof Error ? `${error.name}: ${error.message.slice(0, 80)}` : 'non-error'})`, input);
      }
      let ms = performance.now() - started;
      if (ms > HANG_MS) {
        ms = Math.min(ms, retime(input), retime(input));
        if (ms > HANG_MS) {
          counts.hangs++;
          note(`hang (${ms.toFixed(0)} ms)`, input);
        } else counts.stallsNotRepeated++;
      }
      counts.slowestMs = Math.max(counts.slowestMs, ms);
      if (verdict === 'crash') counts.crashes++;
      else if (verdict === 'wrong-accept') {
        counts.wrongAccepts++;
        note('wrong accept', input);
      }
      return true;
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return counts;
}
