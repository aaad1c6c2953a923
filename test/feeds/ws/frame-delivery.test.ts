// Covers FrameDelivery: a sequence key longer than 256 characters is remembered by its digest, a throwing sequenceKey is counted and skipped.
import { describe, expect, it } from 'vitest';
import { boundedSequenceKey, FrameDelivery, MAX_SEQUENCE_KEY_CHARS } from '../../../src/feeds/ws/frame-delivery.js';
import { SequenceDeduplicator } from '../../../src/feeds/ws/sequence-deduplicator.js';
import { WsHealthCounters } from '../../../src/feeds/ws/ws-health.js';
import type { WsDataFrame, WsVenueProtocol } from '../../../src/ports/ws-venue-protocol.js';

function delivery(sequenceKey: (message: unknown) => string | null): { frames: WsDataFrame[]; counters: WsHealthCounters; dedup: SequenceDeduplicator; deliver: FrameDelivery } {
  const frames: WsDataFrame[] = [];
  const counters = new WsHealthCounters();
  const dedup = new SequenceDeduplicator(8);
  const protocol = { sequenceKey } as unknown as WsVenueProtocol;
  return { frames, counters, dedup, deliver: new FrameDelivery('ws-1', protocol, dedup, counters, (f) => frames.push(f), () => undefined) };
}

describe('FrameDelivery', () => {
  it('remembers a key longer than 256 characters by its SHA-256: duplicates still dropped, memory per key bounded', () => {
    const long = `${'s'.repeat(MAX_SEQUENCE_KEY_CHARS)}|depthUpdate|1`;
    const d = delivery(() => long);
    d.deliver.deliver(true, 'a', {}, 1);
    d.deliver.deliver(false, 'b', {}, 2);
    expect(d.frames.map((f) => [f.text, f.sequenceKey])).toEqual([['a', boundedSequenceKey(long)]]);
    expect([boundedSequenceKey(long).length, boundedSequenceKey(long).startsWith('#'), d.dedup.duplicates]).toEqual([45, true, 1]);
  });

  it('keeps a 256-character key', () => {
    const key = 'k'.repeat(MAX_SEQUENCE_KEY_CHARS);
    const d = delivery(() => key);
    d.deliver.deliver(true, 'a', {}, 1);
    d.deliver.deliver(false, 'a', {}, 1);
    expect([d.frames.map((f) => f.sequenceKey), d.dedup.duplicates]).toEqual([[key], 1]);
  });

  it('counts a frame whose sequenceKey throws and skips it', () => {
    const d = delivery(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    d.deliver.deliver(true, 'a', {}, 1);
    expect([d.frames.length, d.counters.consumerErrors]).toEqual([0, 1]);
  });
});
