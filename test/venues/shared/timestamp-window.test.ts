// Covers the shared signed-request timing window: [server - recvWindow, server + 1000), its exact edges on both sides, and the detail text.
import { describe, expect, it } from 'vitest';
import { TIMESTAMP_AHEAD_LIMIT_MS, timestampBreach, timestampBreachDetail } from '../../../src/venues/shared/timestamp-window.js';

describe('timestampBreach', () => {
  it('accepts exactly server - recvWindow and server + 999, refuses one ms beyond either edge', () => {
    expect(TIMESTAMP_AHEAD_LIMIT_MS).toBe(1000);
    expect(timestampBreach(95_000, 100_000, 5_000)).toBeNull();
    expect(timestampBreach(94_999, 100_000, 5_000)).toBe('behind');
    expect(timestampBreach(100_999, 100_000, 5_000)).toBeNull();
    expect(timestampBreach(101_000, 100_000, 5_000)).toBe('ahead');
  });

  it('follows recvWindow on the behind side only', () => {
    expect(timestampBreach(40_000, 100_000, 60_000)).toBeNull();
    expect(timestampBreach(101_000, 100_000, 60_000)).toBe('ahead');
  });
});

describe('timestampBreachDetail', () => {
  it('says how far off the timestamp was and which window it missed', () => {
    expect(timestampBreachDetail(101_250, 100_000, 5_000)).toBe(
      'timestamp 1250 ms ahead of the server time; accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms',
    );
    expect(timestampBreachDetail(94_000, 100_000, 5_000)).toBe(
      'timestamp 6000 ms behind the server time; accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms',
    );
  });
});
