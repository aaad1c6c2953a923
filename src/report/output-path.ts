// Output paths: what kind of thing a path names (regular file, new path, special file), and the checks every output gets before a run starts.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors/shadow-exec-error.js';

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

/** The resolved real path of `path`, or of its folder joined with its name when it does not exist yet. */
export function realOutputPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** One file the command reads or writes, named by its flag. */
export interface NamedPath {
  readonly flag: string;
  readonly path: string;
}

/**
 * Exit 2 when an output is the same file as an input or another output (compared by resolved real path, so
 * `./r.json`, a symlink to it and its absolute path are the same): writing it would destroy the other.
 * Special files (/dev/null, a terminal) may be named twice: nothing in them is destroyed.
 */
export function checkDistinctPaths(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const seen: Array<NamedPath & { readonly real: string; readonly output: boolean }> = [];
  for (const entry of [...inputs.map((p) => ({ ...p, output: false })), ...outputs.map((p) => ({ ...p, output: true }))]) {
    const real = realOutputPath(entry.path);
    if (entry.output && outputKind(real) !== 'special') {
      const clash = seen.find((s) => s.real === real);
      if (clash !== undefined) {
        throw new UsageError(`${entry.flag} '${entry.path}' is the same file as ${clash.flag} '${clash.path}': writing it would destroy the ${clash.output ? 'other output' : 'input'}`);
      }
    }
    seen.push({ ...entry, real });
  }
}
