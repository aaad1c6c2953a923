// Covers the error taxonomy: ShadowExecError code/retryable/cause, UsageError, and invariantViolation().
import { describe, it, expect } from 'vitest';
import { ShadowExecError, UsageError, invariantViolation } from '../../../src/core/errors/shadow-exec-error.js';

describe('ShadowExecError', () => {
  it('carries its code and message, and is not retryable by default', () => {
    const e = new ShadowExecError('E_CONFIG', 'bad tick');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ShadowExecError');
    expect(e.code).toBe('E_CONFIG');
    expect(e.message).toBe('bad tick');
    expect(e.retryable).toBe(false);
    expect(e.cause).toBeUndefined();
  });

  it('keeps retryable and cause when given', () => {
    const cause = new Error('EAGAIN');
    const e = new ShadowExecError('E_REPORT_WRITE', 'write failed', { retryable: true, cause });
    expect(e.retryable).toBe(true);
    expect(e.cause).toBe(cause);
  });
});

describe('UsageError', () => {
  it('is a non-retryable E_USAGE ShadowExecError', () => {
    const e = new UsageError('unknown flag --foo');
    expect(e).toBeInstanceOf(ShadowExecError);
    expect(e.name).toBe('UsageError');
    expect(e.code).toBe('E_USAGE');
    expect(e.retryable).toBe(false);
  });
});

describe('invariantViolation', () => {
  it('builds (without throwing) a non-retryable E_INVARIANT error with a prefixed message', () => {
    const e = invariantViolation('clock went back');
    expect(e).toBeInstanceOf(ShadowExecError);
    expect(e.code).toBe('E_INVARIANT');
    expect(e.message).toBe('invariant violated: clock went back');
    expect(e.retryable).toBe(false);
  });
});
