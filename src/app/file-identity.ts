// A file as the report names it: its base name and the SHA-256 of its bytes, so the same recording at another path gives the same report.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { inputReadError } from '../core/errors/io-failure.js';

export interface FileIdentity {
  /** Base name only: the folder is where the file happens to be, not what it is. */
  readonly file: string;
  /** Lower-case hex SHA-256 of the whole file. */
  readonly sha256: string;
}

const CHUNK_BYTES = 1 << 20;

/** Hashes `path` in 1 MiB chunks (never the whole file in memory); `flag` names the input in a read error. */
export function fileIdentity(path: string, flag: string): FileIdentity {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw inputReadError(flag, path, error);
  }
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } catch (error) {
    throw inputReadError(flag, path, error);
  } finally {
    closeSync(fd);
  }
  return { file: basename(path), sha256: hash.digest('hex') };
}
