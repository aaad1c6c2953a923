// thrown(fn): runs fn and returns the class name, code and message of the ShadowExecError it throws, to assert all three exactly.
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';

export interface Thrown {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

export function thrown(fn: () => unknown): Thrown {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShadowExecError) return { name: e.name, code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a ShadowExecError, but nothing was thrown');
}
