// Covers the options table: every RunConfig path it names exists, every default the help does not print is stated in its text, and scenarios can set every result-shaping option.
import '../../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { RUN_OPTION_SPECS } from '../../../src/app/config/run-option-specs.js';
import { validateRunConfig } from '../../../src/app/config/validate-run-config.js';
import { MARKET_OWNED_RUN_KEYS, SCENARIO_RUN_KEYS } from '../../../src/scenario/scenario.js';

/** Every path of `value` ("risk.edge.window"), objects included, arrays and per-symbol records as leaves. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  if (['startPrices', 'volatilityBps', 'orderOptions', 'exitOco'].some((leaf) => prefix.endsWith(leaf))) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => paths(child, prefix === '' ? key : `${prefix}.${key}`))].filter((p) => p !== '');
}

describe('RUN_OPTION_SPECS', () => {
  it('names only RunConfig paths that exist in a config of some feed and fill model', () => {
    const known = new Set(
      [
        validateRunConfig({ exchange: 'bybit' }),
        validateRunConfig({ exchange: 'binance', feed: 'replay:x.jsonl', fillModel: 'queue' }),
        validateRunConfig({ exchange: 'binance', feed: 'live' }),
      ].flatMap((config) => paths(config)),
    );
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) {
      if (spec.path !== null) expect(known.has(spec.path), `${key}: ${spec.path}`).toBe(true);
    }
  });

  it('states in the help text each default --help does not print', () => {
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) {
      if (spec.showDefault || spec.default === null || typeof spec.default === 'boolean') continue;
      expect(spec.help, key).toContain(`default: ${spec.default}`);
    }
  });

  it('prints a default only where it declares one', () => {
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) if (spec.showDefault) expect(spec.default, key).not.toBeNull();
  });

  it('has switches without a value placeholder and values with one', () => {
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) expect(spec.arg === '', key).toBe(spec.file === 'switch');
  });

  it('lets a scenario set every result-shaping option (its run block or its market section)', () => {
    const resultKeys = Object.entries(RUN_OPTION_SPECS).flatMap(([key, spec]) => (spec.path === null ? [] : [key]));
    expect([...SCENARIO_RUN_KEYS, ...MARKET_OWNED_RUN_KEYS].sort()).toEqual(resultKeys.sort());
  });
});
