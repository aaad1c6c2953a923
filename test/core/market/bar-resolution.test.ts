// Covers bar resolution strings: parsing s/m/h/d to ms, lists (sorted, repeats refused), formatting back, and E_CONFIG on bad input.
import { describe, it, expect } from 'vitest';
import { formatResolution, parseResolution, parseResolutionList } from '../../../src/core/market/bar-resolution.js';
import { codeOf } from '../../helpers/error-code.js';

describe('parseResolution', () => {
  it('converts seconds, minutes, hours and days to ms', () => {
    expect(['1s', '1m', '5m', '15m', '1h', '4h', '1d'].map(parseResolution)).toEqual([
      1_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000, 86_400_000,
    ]);
  });

  it('refuses zero, leading zeros, missing or unknown units, decimals and ms with E_CONFIG', () => {
    for (const bad of ['0s', '01m', 'm', '5', '1w', '1.5m', '100ms', '', '-1s']) {
      expect(codeOf(() => parseResolution(bad))).toBe('E_CONFIG');
    }
  });

  it('says what it expected', () => {
    expect(() => parseResolution('1w')).toThrow("bar resolution '1w' is not allowed: expected <count><s|m|h|d>, e.g. 1s, 1m, 5m, 15m, 1h");
  });
});

describe('parseResolutionList', () => {
  it('returns the resolutions ascending', () => {
    expect(parseResolutionList('1h,1s,5m')).toEqual([1_000, 300_000, 3_600_000]);
  });

  it('refuses the same resolution written twice', () => {
    expect(() => parseResolutionList('60s,1m')).toThrow("bar resolutions '60s,1m' name 1m twice: give each once");
  });
});

describe('formatResolution', () => {
  it('uses the largest unit that divides exactly', () => {
    expect([1_000, 90_000, 60_000, 3_600_000, 86_400_000, 1_500].map(formatResolution)).toEqual(['1s', '90s', '1m', '1h', '1d', '1500ms']);
  });
});
