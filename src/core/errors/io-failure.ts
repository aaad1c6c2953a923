// The one mapping from a file-system errno to words, whether retrying helps and what to do — used by every read and write site (report, journal, recording, input files).
import { ShadowExecError, UsageError, type ErrorCode } from './shadow-exec-error.js';

export interface IoFailureKind {
  /** The errno, or "unknown". */
  readonly errno: string;
  /** What happened, in words ("no space left on the device"). */
  readonly what: string;
  /** True when repeating the same call unchanged may succeed. */
  readonly retryable: boolean;
  /** What to do, printed after the error code. */
  readonly advice: string;
}

type Rule = Omit<IoFailureKind, 'errno'>;

const SPACE = 'retry will not help until space is freed';
const PERMISSIONS = 'fix permissions, then retry';
const PATH = 'retrying will not help: fix the path';

const RULES: Readonly<Record<string, Rule>> = {
  ENOSPC: { what: 'no space left on the device', retryable: false, advice: SPACE },
  EDQUOT: { what: 'disk quota exceeded', retryable: false, advice: SPACE },
  EFBIG: { what: 'file too large for the file system', retryable: false, advice: SPACE },
  EACCES: { what: 'permission denied', retryable: false, advice: PERMISSIONS },
  EPERM: { what: 'operation not permitted', retryable: false, advice: PERMISSIONS },
  EROFS: { what: 'read-only file system', retryable: false, advice: 'retrying will not help: write to a writable file system' },
  ENOENT: { what: 'no such file or directory', retryable: false, advice: PATH },
  ENOTDIR: { what: 'a part of the path is not a directory', retryable: false, advice: PATH },
  EISDIR: { what: 'it is a directory', retryable: false, advice: 'retrying will not help: name a file, not a directory' },
  ENAMETOOLONG: { what: 'file name too long', retryable: false, advice: PATH },
  ELOOP: { what: 'too many symbolic links in the path', retryable: false, advice: PATH },
  EBADF: { what: 'the output is closed (bad file descriptor)', retryable: false, advice: 'retrying will not help: reopen the output' },
  EMFILE: { what: 'too many open files in this process', retryable: true, advice: 'safe to retry' },
  ENFILE: { what: 'too many open files on the system', retryable: true, advice: 'safe to retry' },
  EAGAIN: { what: 'resource temporarily unavailable', retryable: true, advice: 'safe to retry' },
  EBUSY: { what: 'resource busy', retryable: true, advice: 'safe to retry' },
  EINTR: { what: 'interrupted system call', retryable: true, advice: 'safe to retry' },
  EIO: { what: 'I/O error', retryable: true, advice: 'safe to retry; check the disk if it happens again' },
};

/** The errno of a Node error, "unknown" when it has none. */
export function errnoOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.length > 0 ? code : 'unknown';
}

/** Words, retryability and advice for a failed file-system call; unknown errnos: may be a hiccup, safe to retry. */
export function classifyIoError(error: unknown): IoFailureKind {
  const errno = errnoOf(error);
  const rule = RULES[errno];
  if (rule !== undefined) return { errno, ...rule };
  const message = error instanceof Error ? error.message : String(error);
  return { errno, what: message, retryable: true, advice: 'safe to retry' };
}

/**
 * A failed write (report, journal, recording): "cannot write the report to out.json: no space left on the device
 * (ENOSPC)", with the code, retryability and advice of the errno.
 */
export function ioWriteError(code: ErrorCode, what: string, error: unknown): ShadowExecError {
  const kind = classifyIoError(error);
  return new ShadowExecError(code, `cannot write ${what}: ${kind.what} (${kind.errno})`, { retryable: kind.retryable, advice: kind.advice, cause: error });
}

/** An input file the user named that cannot be read: bad usage (exit 2), one line. */
export function inputReadError(what: string, path: string, error: unknown): UsageError {
  const kind = classifyIoError(error);
  const hint = kind.errno === 'EACCES' || kind.errno === 'EPERM' ? '; fix its permissions' : '';
  return new UsageError(`${what} '${path}' cannot be read: ${kind.what} (${kind.errno})${hint}`);
}
