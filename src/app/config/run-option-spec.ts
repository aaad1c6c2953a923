// RunOptionSpec: how one option of a run is declared once — flag, config path, default, range and help text.

/**
 * How a config file (run --config, a scenario's `run` block) spells a value: `text` a string; `number` a JSON number or
 * a string (as typed on the command line); `list` an array of strings or one comma-separated string; `per-symbol`
 * that, or an object {"BTCUSDT": 95000} (volatilityBps: also one number for every symbol); `switch` true or false;
 * `json-object` a JSON object, or a string as typed on the command line (JSON text or @FILE).
 */
export type RunConfigKind = 'text' | 'number' | 'list' | 'per-symbol' | 'switch' | 'json-object';

/** The values an option takes; `format` options have a parser of their own, and `text` says what it accepts. */
export type RunOptionRange =
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'decimal'; readonly min: string; readonly max: string; readonly minExclusive: boolean; readonly places: number }
  | { readonly type: 'choice'; readonly values: readonly string[] }
  | { readonly type: 'format'; readonly text: string };

export interface RunOptionSpec {
  /** The long flag: `--spread-bps`, `--no-throttle`. */
  readonly flag: string;
  /** The value placeholder in --help (`<bps>`); '' for a switch. */
  readonly arg: string;
  /** Where the validated value lands in RunConfig (`strategy.spreadBps`); null: the option steers inputs or outputs outside the result (--out, --quiet…). */
  readonly path: string | null;
  /** How a config file spells it; null: not in a config file (--config itself). */
  readonly file: RunConfigKind | null;
  /** The default, in the option's own text form; null: none, off, or derived (the help text says from what). */
  readonly default: string | number | boolean | null;
  /** --help prints `(default: …)` from `default`; false: the help text says it itself. */
  readonly showDefault: boolean;
  /** The values allowed; null for switches and free text (paths, URLs). */
  readonly range: RunOptionRange | null;
  /** The --help text; the config-file schema's description is `<flag>: <help>`. */
  readonly help: string;
}

export function integerRange(min: number, max: number): RunOptionRange & { type: 'integer' } {
  return { type: 'integer', min, max };
}

/** `minExclusive`: the value must be greater than `min`. */
export function decimalRange(min: string, max: string, places: number, minExclusive = false): RunOptionRange & { type: 'decimal' } {
  return { type: 'decimal', min, max, minExclusive, places };
}

export function choiceRange(values: readonly string[]): RunOptionRange & { type: 'choice' } {
  return { type: 'choice', values };
}

export function formatRange(text: string): RunOptionRange & { type: 'format' } {
  return { type: 'format', text };
}
