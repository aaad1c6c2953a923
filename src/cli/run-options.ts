// Maps the `run` command's flags onto a RunInput and validates it (src/app/config): the CLI adds no rule of its own.
import type { RunConfig } from '../app/config/run-config.js';
import type { RunInput } from '../app/config/run-input.js';
import { RUN_OPTION_SPECS, type RunOptionKey } from '../app/config/run-option-specs.js';
import { validateRunConfig, type ReadText } from '../app/config/validate-run-config.js';

/** Flag values exactly as commander hands them over (strings, or booleans for switches): the run's options as given. */
export type RawRunOptions = RunInput;

/** The result-shaping options among `flags` (those with a RunConfig path); output options (--out, --quiet…) stay with the command. */
export function runInput(flags: object): RunInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flags)) {
    const spec = (RUN_OPTION_SPECS as Readonly<Record<string, (typeof RUN_OPTION_SPECS)[RunOptionKey]>>)[key];
    if (spec !== undefined && spec.path !== null && value !== undefined) out[key] = value;
  }
  return out as RunInput;
}

/** The flags given (commander's defaults left out) → the validated RunConfig. */
export function parseRunOptions(flags: RawRunOptions, read?: ReadText): RunConfig {
  return validateRunConfig(runInput(flags), read);
}
