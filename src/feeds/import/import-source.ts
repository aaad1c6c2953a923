// ImportSource: one kind of historical data `shadow-exec import <name>` reads — its name, help, extra options and the reader of each file.
import type { ImportReader } from './import-reader.js';

export interface ImportSourceOption {
  /** commander flags, e.g. "--market <market>". */
  readonly flags: string;
  readonly description: string;
}

export interface ImportSource {
  /** The subcommand name (`shadow-exec import <name>`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The layouts it reads and how, shown under `--help`. */
  readonly help: string;
  readonly options: readonly ImportSourceOption[];
  /**
   * The reader for `path` given the extra options' values (by camel-cased option name). Throws UsageError for an
   * option value or a file name it cannot use (before any file is read).
   */
  readerFor(path: string, options: Readonly<Record<string, string | undefined>>): (label: string) => ImportReader;
}
