// run --config FILE.json: reads a run config file (every run option of the options table, keyed by its camelCase name) into the flag values commander would hand over.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { inputReadError } from '../core/errors/io-failure.js';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { closestName } from '../core/text/closest-name.js';
import { jsonSyntaxError } from '../core/text/json-syntax-error.js';
import { TOP_LEVEL, childPath, describeValue } from '../scenario/scenario-fields.js';
import { RUN_OPTION_SPECS, type RunOptionKey } from '../app/config/run-option-specs.js';
import type { RunConfigKind } from '../app/config/run-option-spec.js';

export type { RunConfigKind } from '../app/config/run-option-spec.js';

/** Every key of a run config file and what it takes: each option of the options table a file may set (all but --config). */
export const RUN_CONFIG_KEYS: Readonly<Record<Exclude<RunOptionKey, 'config'>, RunConfigKind>> = Object.fromEntries(
  Object.entries(RUN_OPTION_SPECS).flatMap(([key, spec]) => (spec.file === null ? [] : [[key, spec.file]])),
) as Record<Exclude<RunOptionKey, 'config'>, RunConfigKind>;

export type RunConfigKey = keyof typeof RUN_CONFIG_KEYS;

/** Keys whose values shape the run's result (a RunConfig path): the report's config.sources lists where each came from. */
export const RESULT_KEYS: readonly string[] = Object.entries(RUN_OPTION_SPECS).flatMap(([key, spec]) => (spec.path === null ? [] : [key]));

/** Config files are a few hundred bytes; anything this large was named by mistake. */
export const MAX_RUN_CONFIG_BYTES = 1024 * 1024;

/** E_RUN_CONFIG (exit 2): `--config 'FILE': <json path>: …`. */
export class RunConfigError extends ShadowExecError {
  /** JSON path of the bad field (`spreadBps`); `(top level)` for the document. */
  readonly path: string;

  constructor(file: string, path: string, detail: string) {
    super('E_RUN_CONFIG', `--config '${file}': ${path}: ${detail}`, { retryable: false });
    this.name = 'RunConfigError';
    this.path = path;
  }
}

/** A read config file: its values as flag values (strings, booleans for switches), keys in document order. */
export interface RunConfigFile {
  /** The path as given to --config. */
  readonly path: string;
  readonly name: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly values: Readonly<Record<string, string | boolean>>;
}

const KEYS = Object.keys(RUN_CONFIG_KEYS);

function expected(file: string, path: string, what: string, value: unknown): RunConfigError {
  return new RunConfigError(file, path, `expected ${what}, got ${describeValue(value)}`);
}

/** A JSON number as the command line would spell it; an exponent or a lost digit is refused rather than guessed. */
function numberText(file: string, key: string, value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || /e/i.test(text) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw expected(file, key, `a number JSON keeps exactly (no exponent, at most ${Number.MAX_SAFE_INTEGER}); write it as a string, e.g. "0.0000001"`, value);
  }
  return text;
}

function listItem(file: string, path: string, item: unknown): string {
  if (typeof item !== 'string' || item.trim() === '' || item.includes(',')) throw expected(file, path, 'a non-empty string without commas (one item per element)', item);
  return item;
}

function readValue(file: string, key: string, kind: RunConfigKind, value: unknown): string | boolean {
  switch (kind) {
    case 'json-object':
      if (typeof value === 'string') return value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw expected(file, key, 'a JSON object such as {"gamma": 0.1}, or a string as typed on the command line (JSON text or @FILE.json)', value);
      // The flag's own form: the object as JSON text (its numbers keep their values; the validator parses it as it parses the flag).
      return JSON.stringify(value);
    case 'switch':
      if (typeof value !== 'boolean') throw expected(file, key, `true or false${key === 'throttle' || key === 'network' ? ` (false is --no-${key})` : ''}`, value);
      return value;
    case 'text':
      if (typeof value !== 'string') throw expected(file, key, 'a string', value);
      return value;
    case 'number':
      if (typeof value === 'number') return numberText(file, key, value);
      if (typeof value !== 'string') throw expected(file, key, 'a number, or a string as typed on the command line', value);
      return value;
    case 'list':
      if (typeof value === 'string') return value;
      if (!Array.isArray(value) || value.length === 0) throw expected(file, key, 'a non-empty array of strings, or one comma-separated string', value);
      return value.map((item, i) => listItem(file, `${key}[${i}]`, item)).join(',');
    case 'per-symbol': {
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && key === 'volatilityBps') return numberText(file, key, value);
      if (Array.isArray(value) && value.length > 0) return value.map((item, i) => listItem(file, `${key}[${i}]`, item)).join(',');
      if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
        throw expected(file, key, 'an object {"BTCUSDT": …}, a non-empty array of "SYMBOL=VALUE" strings, or one "SYMBOL=VALUE,…" string', value);
      }
      return Object.entries(value as Record<string, unknown>)
        .map(([symbol, item]) => {
          const path = childPath(key, symbol);
          if (symbol.trim() === '' || /[=,]/.test(symbol)) throw new RunConfigError(file, path, 'expected a symbol name as the key');
          if (typeof item === 'number') return `${symbol}=${numberText(file, path, item)}`;
          if (typeof item !== 'string') throw expected(file, path, 'a number or a decimal string', item);
          return `${symbol}=${item}`;
        })
        .join(',');
    }
  }
}

/** Parsed JSON → flag values; the first unknown key or mistyped value (in document order) is an error. */
export function readRunConfigValues(json: unknown, file: string): Record<string, string | boolean> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw expected(file, TOP_LEVEL, 'a JSON object of run options, e.g. {"iterations": 7, "symbols": ["ETHUSDT"]}', json);
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === '$schema') {
      if (typeof value !== 'string') throw expected(file, key, "a string (the schema's location)", value);
      continue;
    }
    const kind = (RUN_CONFIG_KEYS as Readonly<Record<string, RunConfigKind>>)[key];
    if (kind === undefined) {
      const near = closestName(key, KEYS);
      const hint = near === null ? 'the keys are the long flags of `run --help` in camelCase (--spread-bps: spreadBps)' : `did you mean ${near}?`;
      throw new RunConfigError(file, childPath(TOP_LEVEL, key), `unknown option: ${hint}`);
    }
    out[key] = readValue(file, childPath(TOP_LEVEL, key), kind, value);
  }
  return out;
}

/** The text of a config file → flag values; text that is not JSON is named by line and column, never quoted. */
export function parseRunConfigText(text: string, file: string): Record<string, string | boolean> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RunConfigError(file, TOP_LEVEL, `expected JSON text, got ${jsonSyntaxError(text)}`);
  }
  return readRunConfigValues(json, file);
}

/** Reads --config FILE; `read` is replaced in tests. */
export function readRunConfigFile(path: string, read: (path: string) => Buffer = (p) => readFileSync(p)): RunConfigFile {
  let bytes: Buffer;
  try {
    bytes = read(path);
  } catch (error) {
    throw inputReadError('--config', path, error);
  }
  if (bytes.length > MAX_RUN_CONFIG_BYTES) throw new RunConfigError(path, TOP_LEVEL, `expected a config file of at most ${MAX_RUN_CONFIG_BYTES} bytes, got ${bytes.length}`);
  const values = parseRunConfigText(bytes.toString('utf8'), path);
  return { path, name: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), values };
}
