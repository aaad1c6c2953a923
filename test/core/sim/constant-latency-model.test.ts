// Covers ConstantLatencyModel: the same delay for every request, described with string values.
import { describe, it, expect } from 'vitest';
import { ConstantLatencyModel } from '../../../src/core/sim/constant-latency-model.js';

describe('ConstantLatencyModel', () => {
  it('delays entries and cancels by the configured ms every time', () => {
    const m = new ConstantLatencyModel(35);
    expect([m.entryDelayMs(), m.entryDelayMs(), m.cancelDelayMs()]).toEqual([35, 35, 35]);
  });

  it('describes itself with string values', () => {
    expect(new ConstantLatencyModel(50).describe()).toEqual({ name: 'constant', entry_ms: '50', cancel_ms: '50', amend_ms: '50' });
    expect(new ConstantLatencyModel(0).name).toBe('constant');
  });
});
