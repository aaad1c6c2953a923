// FrameDelivery: hands each data frame to the consumer once — dedup by sequence key, key-less frames only from the serving socket, consumer errors contained.
import { createHash } from 'node:crypto';
import type { SequenceDeduplicator } from './sequence-deduplicator.js';
import type { WsEventListener } from './ws-connection-events.js';
import type { WsHealthCounters } from './ws-health.js';
import type { WsDataFrame, WsVenueProtocol } from '../../ports/ws-venue-protocol.js';

/**
 * Longest sequence key remembered as it is; a longer one (a Bybit batch of many trade ids, or a hostile
 * stream name) is remembered by its SHA-256 ("#" + base64, 45 characters). The dedup window holds 65,536
 * keys: unbounded keys would let a feed grow memory at will.
 */
export const MAX_SEQUENCE_KEY_CHARS = 256;

/** `key` itself when short, else its digest: same frames, same key; memory per key bounded. */
export function boundedSequenceKey(key: string): string {
  return key.length <= MAX_SEQUENCE_KEY_CHARS ? key : `#${createHash('sha256').update(key).digest('base64')}`;
}

export class FrameDelivery {
  constructor(
    private readonly connectionId: string,
    private readonly protocol: WsVenueProtocol,
    private readonly dedup: SequenceDeduplicator,
    private readonly counters: WsHealthCounters,
    private readonly onData: (frame: WsDataFrame) => void,
    private readonly emit: WsEventListener,
  ) {}

  /**
   * A frame whose sequence key was already delivered (by any socket sharing the deduplicator) is
   * dropped; a key-less frame is delivered only when `fromServingSocket` (a replacement's are
   * dropped until it takes over). A throwing consumer is counted and reported, never propagated.
   */
  deliver(fromServingSocket: boolean, text: string, message: unknown, receivedAtMs: number): void {
    let key: string | null;
    try {
      key = this.protocol.sequenceKey(message);
      if (key !== null) key = boundedSequenceKey(key);
    } catch {
      // A hostile frame (e.g. a 20,000-deep array where an id belongs) must not stop the run: counted and skipped.
      this.counters.consumerErrors++;
      return;
    }
    if (key !== null ? !this.dedup.admit(key) : !fromServingSocket) {
      this.counters.duplicatesDropped++;
      return;
    }
    try {
      this.onData({ connectionId: this.connectionId, receivedAtMs, text, message, sequenceKey: key });
    } catch (error) {
      this.counters.consumerErrors++;
      this.emit({ type: 'consumer-error', connectionId: this.connectionId, error, atMs: receivedAtMs });
    }
  }
}
