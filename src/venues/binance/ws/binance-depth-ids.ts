// Binance diff-depth update ids read from raw frames and REST snapshot bodies, without prices: what a recorder needs to follow book sync without instrument grids.
import type { BookDeltaEvent, BookSnapshotEvent } from '../../../core/model/market-data-event.js';
import { isPartialDepthStream } from './binance-stream-name.js';
import type { BinanceCombinedEnvelope, BinanceDepthSnapshotWire, BinanceDepthUpdateWire } from './binance-ws-wire.js';

/** Venue ids, sequence numbers and times: safe integers, never negative (a negative one is a corrupt or hostile frame). */
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * A diff-depth `depthUpdate` (combined-stream envelope or raw payload, already JSON-parsed) as a
 * level-less BookDeltaEvent: symbol, U, u and — USDⓈ-M — pu (web-socket-streams.md "Diff. Depth Stream";
 * USDⓈ-M Diff-Book-Depth-Streams). Null for anything else, partial-depth streams included (their
 * payloads are snapshots). Levels are left empty: only the ids matter to BinanceBookSync's procedure.
 */
export function depthIdsOf(message: unknown, receivedAtMs: number): BookDeltaEvent | null {
  if (typeof message !== 'object' || message === null) return null;
  const envelope = message as BinanceCombinedEnvelope;
  const stream = typeof envelope.stream === 'string' ? envelope.stream : null;
  if (stream !== null && isPartialDepthStream(stream)) return null;
  const payload = (stream !== null ? envelope.data : message) as Partial<BinanceDepthUpdateWire> | null;
  if (typeof payload !== 'object' || payload === null || payload.e !== 'depthUpdate') return null;
  const { s, U, u } = payload;
  const pu = payload.pu === undefined ? null : payload.pu;
  if (typeof s !== 'string' || !isId(U) || !isId(u) || (pu !== null && !isId(pu))) return null;
  return { kind: 'book-delta', symbol: s, ts: receivedAtMs, bids: [], asks: [], firstUpdateId: U, finalUpdateId: u, prevFinalUpdateId: pu, seq: null };
}

/** A REST depth body ({lastUpdateId, bids, asks}) as a level-less BookSnapshotEvent of `symbol`; null when it carries no valid lastUpdateId. */
export function depthSnapshotIdOf(body: string, symbol: string, receivedAtMs: number): BookSnapshotEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const id = (parsed as BinanceDepthSnapshotWire).lastUpdateId;
  if (!isId(id)) return null;
  return { kind: 'book-snapshot', symbol, ts: receivedAtMs, bids: [], asks: [], updateId: id, seq: null };
}
