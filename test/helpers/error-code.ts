// codeOf(fn): runs fn and returns the code of the ShadowExecError it throws (undefined if it does not throw).
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';

export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ShadowExecError ? e.code : 'not a ShadowExecError';
  }
  return undefined;
}
