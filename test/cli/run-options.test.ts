// Covers the run command's flag mapping: result-shaping flags go to validateRunConfig as given, output flags stay with the command.
import '../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { parseRunOptions, runInput } from '../../src/cli/run-options.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';

describe('runInput', () => {
  it('keeps the options with a RunConfig path and drops output options and unset values', () => {
    expect(runInput({ spreadBps: '40', throttle: false, out: 'r.json', quiet: true, journal: 'j', config: 'c.json', seed: undefined })).toEqual({ spreadBps: '40', throttle: false });
  });
});

describe('parseRunOptions', () => {
  it('validates the mapped flags as validateRunConfig does', () => {
    const flags = { exchange: 'bybit', category: 'spot', symbols: 'ethusdt', out: 'r.json' };
    expect(parseRunOptions(flags)).toEqual(validateRunConfig({ exchange: 'bybit', category: 'spot', symbols: 'ethusdt' }));
  });
});
