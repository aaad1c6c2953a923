// Covers resolveRiskOptions: every optional limit off by default, and exact E_CONFIG messages for bad values.
import { describe, it, expect } from 'vitest';
import { resolveRiskOptions, type RiskLimits } from '../../../src/core/risk/risk-limits.js';
import { RiskMonitor } from '../../../src/core/risk/risk-monitor.js';
import { thrown } from '../../helpers/thrown.js';

const BASE: RiskLimits = { maxInventoryE8: 1e12, maxTotalNotionalE8: 5e12, edgeThresholdBpsE4: 20_000 };

describe('resolveRiskOptions', () => {
  it('turns every optional limit off when absent or null, with a manual unfreeze', () => {
    const off = { staleMs: null, maxDrawdownPico: null, reduceAtDrawdownPico: null, maxOrdersPerSec: null, unfreeze: { kind: 'manual' } };
    expect(resolveRiskOptions(BASE)).toEqual(off);
    expect(resolveRiskOptions({ ...BASE, staleMs: null, maxDrawdownPico: null, reduceAtDrawdownPico: null, maxOrdersPerSec: null })).toEqual(off);
  });

  it('keeps valid values', () => {
    expect(
      resolveRiskOptions({ ...BASE, staleMs: 5000, maxDrawdownPico: 100n, reduceAtDrawdownPico: 99n, maxOrdersPerSec: 10, unfreeze: { kind: 'auto', afterMs: 0 } }),
    ).toEqual({ staleMs: 5000, maxDrawdownPico: 100n, reduceAtDrawdownPico: 99n, maxOrdersPerSec: 10, unfreeze: { kind: 'auto', afterMs: 0 } });
    expect(resolveRiskOptions({ ...BASE, maxDrawdownPico: 0n }).maxDrawdownPico).toBe(0n);
    expect(resolveRiskOptions({ ...BASE, reduceAtDrawdownPico: 7n }).reduceAtDrawdownPico).toBe(7n);
  });

  it.each<[string, Partial<RiskLimits>, string]>([
    ['staleMs 0', { staleMs: 0 }, 'risk limit staleMs must be a positive integer or null, got 0'],
    ['staleMs 1.5', { staleMs: 1.5 }, 'risk limit staleMs must be a positive integer or null, got 1.5'],
    ['maxOrdersPerSec -1', { maxOrdersPerSec: -1 }, 'risk limit maxOrdersPerSec must be a positive integer or null, got -1'],
    ['maxDrawdownPico -1n', { maxDrawdownPico: -1n }, 'risk limit maxDrawdownPico must be a non-negative bigint or null, got -1'],
    ['reduceAtDrawdownPico as a number', { reduceAtDrawdownPico: 5 as unknown as bigint }, 'risk limit reduceAtDrawdownPico must be a non-negative bigint or null, got 5'],
    ['reduceAtDrawdownPico equal to maxDrawdownPico', { maxDrawdownPico: 100n, reduceAtDrawdownPico: 100n }, 'risk limit reduceAtDrawdownPico (100) must be below maxDrawdownPico (100)'],
    ['a negative auto-unfreeze delay', { unfreeze: { kind: 'auto', afterMs: -1 } }, 'risk limit unfreeze auto delay must be a non-negative integer of ms, got -1'],
  ])('rejects %s with E_CONFIG', (_name, extra, message) => {
    expect(thrown(() => resolveRiskOptions({ ...BASE, ...extra }))).toEqual({ name: 'ShadowExecError', code: 'E_CONFIG', message });
    expect(thrown(() => new RiskMonitor({ ...BASE, ...extra }))).toEqual({ name: 'ShadowExecError', code: 'E_CONFIG', message });
  });
});
