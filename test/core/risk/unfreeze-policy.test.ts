// Covers parseUnfreezePolicy and formatUnfreezePolicy: manual, auto:<ms> at its bounds, and exact rejections.
import { describe, it, expect } from 'vitest';
import { MAX_AUTO_UNFREEZE_MS, formatUnfreezePolicy, parseUnfreezePolicy } from '../../../src/core/risk/unfreeze-policy.js';
import { thrown } from '../../helpers/thrown.js';

describe('parseUnfreezePolicy', () => {
  it('reads manual and auto:<ms>, trimming blanks', () => {
    expect(parseUnfreezePolicy('manual')).toEqual({ kind: 'manual' });
    expect(parseUnfreezePolicy('auto:0')).toEqual({ kind: 'auto', afterMs: 0 });
    expect(parseUnfreezePolicy(' auto:5000 ')).toEqual({ kind: 'auto', afterMs: 5000 });
    expect(parseUnfreezePolicy(`auto:${MAX_AUTO_UNFREEZE_MS}`)).toEqual({ kind: 'auto', afterMs: 86_400_000 });
  });

  it.each(['auto', 'auto:', 'auto:-1', 'auto:5s', 'auto:1.5', 'auto:86400001', 'Manual', 'never', ''])('rejects %j with E_CONFIG', (text) => {
    expect(thrown(() => parseUnfreezePolicy(text))).toEqual({
      name: 'ShadowExecError',
      code: 'E_CONFIG',
      message: `unfreeze policy '${text}' is not allowed: expected manual or auto:<ms> (a whole number of ms from 0 to 86400000, e.g. auto:5000)`,
    });
  });

  it('formats a policy the way it parses', () => {
    expect(formatUnfreezePolicy({ kind: 'manual' })).toBe('manual');
    expect(formatUnfreezePolicy({ kind: 'auto', afterMs: 2500 })).toBe('auto:2500');
    expect(parseUnfreezePolicy(formatUnfreezePolicy({ kind: 'auto', afterMs: 2500 }))).toEqual({ kind: 'auto', afterMs: 2500 });
  });
});
