// importFiles: the files of `--feed SOURCE:DIR_OR_GLOB` — one file, every file of a directory, or the files a glob (* and ? in the last path part) names — sorted by name.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../../core/errors/shadow-exec-error.js';

/** The files `pattern` names, sorted (UTF-16 order, a tie-free total order on names); UsageError when none. */
export function importFiles(pattern: string, flag: string): string[] {
  const name = basename(pattern);
  let files: string[];
  if (/[*?]/.test(name)) {
    const dir = dirname(pattern);
    if (/[*?]/.test(dir)) throw new UsageError(`${flag} '${pattern}': a glob may use * and ? in its last part only (the directory must be named)`);
    const match = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    files = entries(dir, flag, pattern).filter((f) => match.test(f)).map((f) => join(dir, f));
  } else {
    let isDir: boolean;
    try {
      isDir = statSync(pattern).isDirectory();
    } catch {
      throw new UsageError(`${flag} '${pattern}': no such file or directory`);
    }
    files = isDir ? entries(pattern, flag, pattern).map((f) => join(pattern, f)) : [pattern];
  }
  files = files.filter((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
  if (files.length === 0) throw new UsageError(`${flag} '${pattern}': names no file`);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function entries(dir: string, flag: string, pattern: string): string[] {
  try {
    return readdirSync(dir).filter((f) => !f.startsWith('.'));
  } catch {
    throw new UsageError(`${flag} '${pattern}': the directory '${dir}' cannot be read`);
  }
}
