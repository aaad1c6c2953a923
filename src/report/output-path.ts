// Output paths: what kind of thing a path names (regular file, new path, special file), and the checks every output gets before a run starts.
import { lstatSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * regular: an existing regular file (replaced atomically: temp file + rename); new: nothing there yet (created the
 * same way); special: a device, FIFO, socket or other non-regular file (/dev/full, /dev/stdout, a FIFO), written
 * through directly and never renamed over. A symlink counts as what it points to.
 */
export type OutputKind = 'regular' | 'new' | 'special';

export function outputKind(path: string): OutputKind {
  const where = statSync(path, { throwIfNoEntry: false });
  if (where === undefined) return lstatSync(path, { throwIfNoEntry: false }) === undefined ? 'new' : 'special';
  if (where.isFile()) return 'regular';
  return 'special';
}

/** The temp file an atomic write of `path` goes through: `.<name>.<pid>.tmp` in the same folder. */
export function tempPathFor(path: string, pid: number = process.pid): string {
  const absolute = resolve(path);
  return join(dirname(absolute), `.${basename(absolute)}.${pid}.tmp`);
}
