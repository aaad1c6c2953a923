// Error taxonomy: every failure carries a stable code and whether retrying the same call is safe.

/** Stable, documented error codes. Never rename one; add new ones instead. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_UNKNOWN_SYMBOL'
  | 'E_INVALID_DECIMAL'
  | 'E_OFF_GRID'
  | 'E_REPORT_WRITE'
  | 'E_ORDER_OPTIONS'
  | 'E_JOURNAL_WRITE'
  | 'E_SECRETS'
  | 'E_REPLAY_FORMAT'
  | 'E_REPLAY_READ'
  | 'E_SCENARIO'
  | 'E_RUN_CONFIG'
  | 'E_RECORD_WRITE'
  | 'E_FEED_FAILED'
  | 'E_FEED_NO_DATA'
  | 'E_STRATEGY'
  | 'E_NONDETERMINISTIC'
  | 'E_INVARIANT'
  | 'E_IMPORT_FORMAT'
  | 'E_INSTALL';

export class ShadowExecError extends Error {
  readonly code: ErrorCode;
  /** True when repeating the same call unchanged may succeed (I/O hiccup); false for bad input. */
  readonly retryable: boolean;
  /** What to do about it, one clause ("safe to retry", "fix permissions, then retry"); printed after the code. */
  readonly advice: string;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; advice?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShadowExecError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.advice = options.advice ?? (this.retryable ? 'safe to retry' : 'retrying will not help');
  }
}

/** Bad input from the user: the CLI maps it to exit code 2 and prints the message without a stack. */
export class UsageError extends ShadowExecError {
  constructor(message: string) {
    super('E_USAGE', message, { retryable: false });
    this.name = 'UsageError';
  }
}

/**
 * The error for a broken internal invariant: a bug, never bad input. Hot paths write
 * `if (!ok) throw invariantViolation(\`…\`)` so the message is only built when it fails.
 */
export function invariantViolation(message: string): ShadowExecError {
  return new ShadowExecError('E_INVARIANT', `invariant violated: ${message}`);
}
