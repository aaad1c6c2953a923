// Output paths: what kind of thing a path names (regular file, new path, special file), and the checks every output gets before a run starts.
import { closeSync, lstatSync, openSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
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

/** Why a probe failed, in the words of the errno code. */
function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Fails with exit 2 before a run starts when `path` (given with `flag`) cannot take the output: a directory, a
 * missing folder, a folder where no file can be created (the temp file is created and removed to find out), or an
 * existing file that cannot be opened for writing. A special file is only checked for write permission; a FIFO
 * with no reader yet is fine (its reader may start later).
 * `atomic` is false for outputs written in place (journal, recording): then an existing regular file is opened
 * without truncating and the folder is not probed.
 */
export function checkWritableOutput(path: string, flag: string, options: { readonly atomic: boolean }): OutputKind {
  const absolute = resolve(path);
  const where = statSync(absolute, { throwIfNoEntry: false });
  if (where?.isDirectory()) throw new UsageError(`${flag} '${path}' is a directory: expected a file path`);
  const folder = dirname(absolute);
  const folderStat = statSync(folder, { throwIfNoEntry: false });
  if (folderStat === undefined || !folderStat.isDirectory()) throw new UsageError(`${flag} '${path}': the folder ${folder} does not exist`);
  const kind = outputKind(absolute);
  if (kind === 'special') {
    // Opening a FIFO could block or fail until a reader comes; permission is all that can be known now.
    if (where !== undefined && !where.isFIFO()) probeOpen(absolute, path, flag);
    return kind;
  }
  if (kind === 'regular') probeOpen(absolute, path, flag);
  // The atomic write puts its temp file next to the real file (a symlink's target): probe there.
  if (kind === 'new' || options.atomic) probeCreate(tempPathFor(realOutputPath(absolute)), path, flag);
  return kind;
}

/** Opens an existing file for writing without truncating it (O_WRONLY, no O_CREAT / O_TRUNC), and closes it. */
function probeOpen(absolute: string, path: string, flag: string): void {
  try {
    closeSync(openSync(absolute, 'r+'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A write-only device (or one that refuses reads) still takes writes: retry write-only.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EINVAL') {
      try {
        closeSync(openSync(absolute, 'a'));
        return;
      } catch (again) {
        throw new UsageError(`${flag} '${path}': cannot be written (${reasonOf(again)})`);
      }
    }
    throw new UsageError(`${flag} '${path}': cannot be written (${reasonOf(error)})`);
  }
}

/** Creates the temp file (exclusively) and removes it: proves a file can be created in the folder. */
function probeCreate(temp: string, path: string, flag: string): void {
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return; // our own pid's temp file: the folder takes files
    throw new UsageError(`${flag} '${path}': no file can be created in ${dirname(temp)} (${reasonOf(error)})`);
  }
  closeSync(fd);
  rmSync(temp, { force: true });
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

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes `.<name>.<pid>.tmp` files an earlier, killed run of the same output left next to `path`; a file whose
 * pid is alive (a concurrent run, this process) is kept. Looks next to the real file a symlink points to, where the
 * atomic write puts its temp file. Returns the names removed, sorted.
 */
export function removeStaleTempFiles(path: string): string[] {
  const absolute = realOutputPath(path);
  const folder = dirname(absolute);
  const prefix = `.${basename(absolute)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const digits = name.slice(prefix.length, -'.tmp'.length);
    if (!/^[1-9][0-9]{0,9}$/.test(digits)) continue;
    const pid = Number(digits);
    if (pid === process.pid || pidAlive(pid)) continue;
    const file = join(folder, name);
    if (lstatSync(file, { throwIfNoEntry: false })?.isFile() !== true) continue;
    rmSync(file, { force: true });
    removed.push(name);
  }
  return removed;
}
