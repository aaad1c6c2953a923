// --strategy, --strategy-params and --bars: which strategy decides the quotes, its parameters as given, and the bar lengths it is fed.
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { parseResolutionList } from '../../core/market/bar-resolution.js';
import type { StrategyParamValue } from '../../ports/strategy.js';
import { bad } from './option-values.js';
import type { StrategyChoice } from './strategy-config.js';
import type { ReadText } from './venue-options.js';

/** The strategies shadow-exec brings, by --strategy name. */
export const BUILTIN_STRATEGY_NAMES = ['symmetric', 'avellaneda-stoikov', 'range-guard'] as const;

/** A path (it has a slash, or ends in .mjs/.js) is a plug-in; anything else must be a built-in name. */
export function strategyChoice(raw: string | undefined): StrategyChoice | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text.includes('/') || text.includes('\\') || /\.(mjs|js)$/.test(text)) return { kind: 'plugin', file: text };
  const name = text.toLowerCase();
  if (!(BUILTIN_STRATEGY_NAMES as readonly string[]).includes(name)) {
    throw bad('--strategy', raw, `one of ${BUILTIN_STRATEGY_NAMES.join(', ')}, or a plug-in module path such as ./my-strategy.mjs`);
  }
  return { kind: 'builtin', name };
}

/** A JSON object of scalar values, inline or from @FILE; absent: {}. */
export function strategyParams(raw: string | undefined, read: ReadText): Readonly<Record<string, StrategyParamValue>> {
  if (raw === undefined) return {};
  let text = raw;
  if (raw.startsWith('@')) {
    const path = raw.slice(1);
    try {
      text = read(path);
    } catch (error) {
      throw new UsageError(`--strategy-params '${raw}': cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw bad('--strategy-params', raw, `a JSON object such as {"gamma":0.1}, or @FILE.json (${error instanceof Error ? error.message : String(error)})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad('--strategy-params', raw, 'a JSON object such as {"gamma":0.1}');
  const out: Record<string, StrategyParamValue> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new UsageError(`--strategy-params: parameter '${key}' = ${JSON.stringify(v)} is not allowed: expected a number, string, boolean or null`);
    }
    out[key] = v;
  }
  return out;
}

/** "1m,5m,1h" → [60000, 300000, 3600000]; absent: null (each feed's default). */
export function barsOption(raw: string | undefined): readonly number[] | null {
  if (raw === undefined) return null;
  try {
    return parseResolutionList(raw);
  } catch (error) {
    if (error instanceof ShadowExecError) throw bad('--bars', raw, 'comma-separated bar lengths <count><s|m|h|d>, each once, e.g. 1m,5m,1h');
    throw error;
  }
}
