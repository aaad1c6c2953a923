// Reads a replay file from disk and decodes it whole (format errors name their line) before a run starts: the replay's only file I/O.
import { readFileSync } from 'node:fs';
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { decodeReplay, type ReplayHeader, type ReplayRecord } from './replay-format.js';

export interface DecodedReplay {
  readonly header: ReplayHeader;
  /** In file order; record i is on line i + 2. */
  readonly records: ReplayRecord[];
}

/** Errors of the path itself (the user named a file that cannot be a replay): bad usage, not a failed run. */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/**
 * The whole file is read as UTF-8 and decoded before the first event (memory ≈ the file's size twice).
 * Throws UsageError for a path that cannot be read, E_REPLAY_READ (retryable) for other I/O errors,
 * and E_REPLAY_FORMAT ("replay line <n>: …") for a malformed file.
 */
export function readReplayFile(path: string): DecodedReplay {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (PATH_ERRORS.has(code)) throw new UsageError(`replay file '${path}' cannot be read (${code})`);
    throw new ShadowExecError('E_REPLAY_READ', `reading replay file '${path}' failed (${code || String(error)})`, { retryable: true, cause: error });
  }
  return decodeReplay(text);
}
