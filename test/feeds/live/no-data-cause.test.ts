// Covers noDataCause: the words a feed that delivered nothing ends with, most telling cause first.
import { describe, expect, it } from 'vitest';
import { noDataCause } from '../../../src/feeds/live/no-data-cause.js';

describe('noDataCause', () => {
  it('names the last connection error first', () => {
    expect(noDataCause('connection refused by 127.0.0.1:9 (ECONNREFUSED)', true, { count: 3, usableFor: 'BTCUSDT' })).toBe(
      'last connection error: connection refused by 127.0.0.1:9 (ECONNREFUSED)',
    );
  });

  it('then frames that carried nothing usable, then a silent connection, then none at all', () => {
    expect(noDataCause(null, true, { count: 3, usableFor: 'BTCUSDT,ETHUSDT' })).toBe('3 frames read, none a market update of BTCUSDT,ETHUSDT');
    expect(noDataCause(null, true, { count: 0, usableFor: 'BTCUSDT' })).toBe('connected, but no data frame arrived');
    expect(noDataCause(null, true)).toBe('connected, but no data frame arrived');
    expect(noDataCause(null, false)).toBe('no connection opened');
  });
});
