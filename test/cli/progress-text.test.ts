// Covers the spinner's line: count, rate, percent and ETA for a synthetic run, the rate alone for a replay, time left of --duration live.
import { describe, expect, it } from 'vitest';
import { clockText, progressText } from '../../src/cli/progress-text.js';
import { recordClock } from '../../src/cli/record-progress.js';

describe('progressText', () => {
  it('shows count of total, percent, rate and the ETA the rate gives for a synthetic run', () => {
    expect(progressText({ updates: 250_000, total: 1_000_000, elapsedMs: 2_000, liveDurationMs: null })).toBe(
      'shadow run: 250,000 of 1,000,000 market updates (25%) · 125,000 updates/s · ETA 0:06',
    );
  });

  it('shows the count and the rate for an open-ended replay', () => {
    expect(progressText({ updates: 4_321, total: null, elapsedMs: 500, liveDurationMs: null })).toBe('shadow run: 4,321 market updates · 8,642 updates/s');
  });

  it('counts down to --duration on a live run', () => {
    expect(progressText({ updates: 90, total: null, elapsedMs: 125_500, liveDurationMs: 600_000 })).toBe('live run: 90 market updates · 1 updates/s · 7:55 left of 10:00');
  });

  it('has no ETA before the first update and never shows a negative time left', () => {
    expect(progressText({ updates: 0, total: 10, elapsedMs: 400, liveDurationMs: null })).toBe('shadow run: 0 of 10 market updates (0%) · 0 updates/s');
    expect(progressText({ updates: 5, total: null, elapsedMs: 700_000, liveDurationMs: 600_000 })).toBe('live run: 5 market updates · 0 updates/s · 0:00 left of 10:00');
  });

  it('formats clocks as m:ss under an hour and h:mm:ss above, rounding seconds up', () => {
    expect([clockText(0), clockText(1), clockText(59_001), clockText(3_600_000), clockText(86_399_000)]).toEqual(['0:00', '0:01', '1:00', '1:00:00', '23:59:59']);
  });

  it('shows the elapsed time of a recording, and what is left of --duration', () => {
    expect(recordClock(65_000, null)).toBe('1:05 elapsed');
    expect(recordClock(65_000, 600_000)).toBe('1:05 elapsed, 8:55 left of 10:00');
  });
});
