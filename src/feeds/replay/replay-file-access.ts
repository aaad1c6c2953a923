// Opening and reading replay files for the two-pass readers (text and binary): the file's identity between passes, positional reads of pipes, and the errors of each failure (bad path, I/O, file changed).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { classifyIoError, inputReadError } from '../../core/errors/io-failure.js';

/** Errors of the path itself (the user named a file that cannot be a replay): bad usage, not a failed run. */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/** Bytes read at the start of a pipe that a reader may ask for again (a BOM probe, the binary magic). */
const HEAD_BYTES = 8;

/** Reads bytes at a position as fs.readSync does (bytes read, 0 at the end). */
export type ReadAt = (buffer: Buffer, offset: number, length: number, position: number) => number;

/** The file pass 1 read: pass 2 refuses another one at the same path. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/**
 * Reads a pipe or device in order, ignoring positions: the positions asked for again, among the first HEAD_BYTES bytes
 * (a BOM probe, the binary magic, then the first chunk), are served from a copy of those bytes.
 */
export function sequentialReadAt(fd: number): ReadAt {
  let consumed = 0;
  let head = Buffer.alloc(0);
  return (buffer, offset, length, position) => {
    if (position < consumed) return head.copy(buffer, offset, position, Math.min(consumed, position + length));
    const read = readSync(fd, buffer, offset, length, null);
    if (consumed < HEAD_BYTES) head = Buffer.concat([head, buffer.subarray(offset, offset + Math.min(read, HEAD_BYTES - consumed))]);
    consumed += read;
    return read;
  };
}

/** E_REPLAY_READ (retryable) for a file replaced or shortened between the passes. */
export function changed(path: string, error: unknown): ShadowExecError {
  const why = error instanceof Error ? error.message : String(error);
  return new ShadowExecError('E_REPLAY_READ', `replay file '${path}' changed after it was validated (${why}): replay a file no one is rewriting`, { retryable: true, cause: error });
}

/**
 * Pass 2's open: `path` again, refused (closed, E_REPLAY_READ) unless it is still the file pass 1 read (`identity`) with
 * at least the `endOffset` bytes pass 1 validated.
 */
export function reopenValidated(path: string, identity: FileIdentity, endOffset: number): number {
  const fd = openFile(path);
  const stat = fstatSync(fd);
  if (stat.dev !== identity.dev || stat.ino !== identity.ino || stat.size < endOffset) {
    closeSync(fd);
    throw changed(path, new Error(stat.size < endOffset ? `it is now ${stat.size} bytes, ${endOffset} were validated` : 'another file is at that path now'));
  }
  return fd;
}

export function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw readError(path, error);
  }
}

export function withFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openFile(path);
  try {
    return use(fd);
  } catch (error) {
    // Only system call failures are I/O errors; anything else (a format error) passes through unchanged.
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw readError(path, error);
  } finally {
    closeSync(fd);
  }
}

/** UsageError for a path that cannot be a replay, E_REPLAY_READ (retryable) for other I/O errors. */
function readError(path: string, error: unknown): ShadowExecError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (PATH_ERRORS.has(code)) return inputReadError('replay file', path, error);
  const kind = classifyIoError(error);
  return new ShadowExecError('E_REPLAY_READ', `reading replay file '${path}' failed: ${kind.what} (${kind.errno})`, { retryable: kind.retryable, advice: kind.advice, cause: error });
}
