// Restates a run-option error raised while setting up a rehearsal in the scenario's terms: the JSON path of the field (`run.fillRate`), not the CLI flag (`--fill-rate`).
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { MARKET_OWNED_RUN_KEYS, SCENARIO_RUN_KEYS } from './scenario.js';
import { ScenarioError } from './scenario-fields.js';

/** Error codes of bad input that run-option parsing and composition raise; others (I/O, bugs) pass through unchanged. */
const INPUT_CODES = new Set(['E_USAGE', 'E_CONFIG', 'E_UNKNOWN_SYMBOL', 'E_INVALID_DECIMAL', 'E_OFF_GRID', 'E_ORDER_OPTIONS']);

/** Where the scenario keeps the value a flag stands for (`--no-throttle` → run.throttle, `--feed` → market.file); null: not a scenario field. */
export function scenarioPathOfFlag(flag: string): string | null {
  const key = flag
    .replace(/^--(no-)?/, '')
    .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (flag.startsWith('--no-')) return key === 'throttle' ? 'run.throttle' : null;
  if (key === 'feed') return 'market.file';
  if ((MARKET_OWNED_RUN_KEYS as readonly string[]).includes(key)) return `market.${key}`;
  return (SCENARIO_RUN_KEYS as readonly string[]).includes(key) ? `run.${key}` : null;
}

/**
 * A replay file that cannot be read or decoded is the scenario's `market.file`. Otherwise, a bad-input error whose message names flags becomes a ScenarioError at the first flag's path, every flag
 * replaced by its path: "--fill-rate '2' is not allowed: …" → "run.fillRate: '2' is not allowed: …". Anything
 * else is returned as it was.
 */
export function asScenarioError(error: unknown): unknown {
  if (!(error instanceof ShadowExecError) || error instanceof ScenarioError) return error;
  // The replay file of a replay market: unreadable (E_USAGE "replay file '…' cannot be read") or malformed (E_REPLAY_FORMAT).
  if (error.code === 'E_REPLAY_FORMAT' || (error.code === 'E_USAGE' && error.message.startsWith('replay file '))) {
    return new ScenarioError('market.file', `market.file: ${error.message}`);
  }
  if (!INPUT_CODES.has(error.code)) return error;
  let first: string | null = null;
  const message = error.message.replace(/--[a-z][a-z0-9-]*/g, (flag) => {
    const path = scenarioPathOfFlag(flag);
    if (path === null) return flag;
    first ??= path;
    return path;
  });
  if (first === null) return error;
  const path: string = first;
  // "run.fillRate '2' is not allowed" reads as the validator's own "path: …" messages.
  const text = message.startsWith(`${path} `) ? `${path}: ${message.slice(path.length + 1)}` : message;
  return new ScenarioError(path, text);
}
