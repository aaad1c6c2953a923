// Lays a --config file under the run command's flags (a flag typed on the command line wins) and says where each result-shaping value came from.
import type { ConfigProvenance, ValueSource } from '../app/config-echo.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { flagKey, INPUT_CODES, restateFlags } from '../scenario/scenario-run-errors.js';
import { RESULT_KEYS, RunConfigError, type RunConfigFile } from './run-config-file.js';


export interface MergedFlags<T> {
  readonly flags: T;
  readonly provenance: ConfigProvenance;
  /** Keys whose value came from the file (for restating errors in the file's terms). */
  readonly fromFile: ReadonlySet<string>;
}

/**
 * `typed(key)`: the flag was typed on the command line (commander's value source "cli"), so it overrides the file.
 * Every other file value replaces what commander handed over (its default or nothing).
 */
export function mergeRunConfig<T extends object>(flags: T, file: RunConfigFile, typed: (key: string) => boolean): MergedFlags<T> {
  const merged: Record<string, unknown> = { ...(flags as Record<string, unknown>) };
  const fromFile = new Set<string>();
  for (const [key, value] of Object.entries(file.values)) {
    if (typed(key)) continue;
    merged[key] = value;
    fromFile.add(key);
  }
  const sources: Record<string, ValueSource> = {};
  for (const key of [...RESULT_KEYS].sort()) {
    if (typed(key)) sources[key] = 'flag';
    else if (fromFile.has(key)) sources[key] = 'file';
  }
  return { flags: merged as T, provenance: { name: file.name, sha256: file.sha256, sources }, fromFile };
}

/**
 * A bad-input error about a value the file set, restated at its JSON path (`--spread-bps '0' is not allowed` →
 * `--config 'run.json': spreadBps: '0' is not allowed`); flags typed on the command line keep their names.
 */
export function asRunConfigError(error: unknown, file: RunConfigFile, fromFile: ReadonlySet<string>): unknown {
  if (!(error instanceof ShadowExecError) || !INPUT_CODES.has(error.code)) return error;
  const restated = restateFlags(error.message, (flag) => {
    const key = flagKey(flag);
    return fromFile.has(key) ? key : null;
  });
  if (restated === null) return error;
  const detail = restated.text.startsWith(`${restated.path}: `) ? restated.text.slice(restated.path.length + 2) : restated.text;
  return new RunConfigError(file.path, restated.path, detail);
}
