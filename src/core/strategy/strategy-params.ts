// Checks a run's strategy parameters against the JSON Schema subset the strategy declares (type, minimum, maximum, enum, default, required), naming the parameter, its value and what is allowed.
import { ShadowExecError, UsageError } from '../errors/shadow-exec-error.js';
import type { StrategyParamSchema, StrategyParams, StrategyParamsSchema, StrategyParamValue } from '../../ports/strategy.js';

const SCHEMA_KEYS = new Set(['type', 'minimum', 'maximum', 'enum', 'default', 'description']);

/** What `schema` allows, in words: "a number from 0 to 1", "one of \"a\", \"b\"". */
export function allowedText(schema: StrategyParamSchema): string {
  if (schema.enum !== undefined) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const what = schema.type === 'integer' ? 'a whole number' : schema.type === 'number' ? 'a number' : schema.type === 'boolean' ? 'true or false' : 'a string';
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`;
  if (min !== undefined) return `${what} ≥ ${min}`;
  if (max !== undefined) return `${what} ≤ ${max}`;
  return what;
}

function fits(schema: StrategyParamSchema, value: StrategyParamValue): boolean {
  if (schema.enum !== undefined && !schema.enum.some((v) => v === value)) return false;
  switch (schema.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (schema.type === 'integer' && !Number.isSafeInteger(value)) return false;
      return (schema.minimum === undefined || value >= schema.minimum) && (schema.maximum === undefined || value <= schema.maximum);
  }
}

/** The strategy's own declaration must be a schema this checker understands (a plug-in author's mistake: E_STRATEGY). */
export function checkParamsSchema(schema: StrategyParamsSchema | undefined, strategy: string): void {
  if (schema === undefined) return;
  const fail = (why: string): never => {
    throw new ShadowExecError('E_STRATEGY', `strategy ${strategy} declares its parameters wrongly: ${why}`);
  };
  if (schema === null || typeof schema !== 'object' || schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) fail('expected {"type": "object", "properties": {…}}');
  for (const [name, p] of Object.entries(schema.properties)) {
    if (!['number', 'integer', 'string', 'boolean'].includes(p.type)) fail(`parameter '${name}' has type ${JSON.stringify(p.type)}: expected number, integer, string or boolean`);
    for (const key of Object.keys(p)) if (!SCHEMA_KEYS.has(key)) fail(`parameter '${name}' uses '${key}': only ${[...SCHEMA_KEYS].join(', ')} are understood`);
    if (p.default !== undefined && !fits(p, p.default)) fail(`parameter '${name}' defaults to ${JSON.stringify(p.default)}, which its own schema refuses (${allowedText(p)})`);
  }
  for (const name of schema.required ?? []) if (schema.properties[name] === undefined) fail(`'${name}' is required but not declared`);
}

/**
 * The parameters as the strategy sees them: each given value checked, defaults filled in, in the schema's declared
 * order. An unknown, missing required or out-of-range parameter exits 2 (UsageError) naming it, its value and what is allowed.
 */
export function validateStrategyParams(schema: StrategyParamsSchema | undefined, given: Readonly<Record<string, StrategyParamValue>>, strategy: string): StrategyParams {
  const properties = schema?.properties ?? {};
  const names = Object.keys(properties);
  for (const [name, value] of Object.entries(given)) {
    const p = properties[name];
    if (p === undefined) {
      const known = names.length === 0 ? `strategy ${strategy} takes no parameters` : `strategy ${strategy} takes ${names.join(', ')}`;
      throw new UsageError(`--strategy-params: parameter '${name}' is not allowed: ${known}`);
    }
    if (!fits(p, value)) throw new UsageError(`--strategy-params: parameter '${name}' = ${JSON.stringify(value)} is not allowed: expected ${allowedText(p)}`);
  }
  for (const name of schema?.required ?? []) {
    if (given[name] === undefined) throw new UsageError(`--strategy-params: parameter '${name}' is required by strategy ${strategy}: expected ${allowedText(properties[name]!)}`);
  }
  const out: Record<string, StrategyParamValue> = {};
  for (const name of names) {
    const value = given[name] ?? properties[name]!.default;
    if (value !== undefined) out[name] = value;
  }
  return Object.freeze(out);
}

/** The parameters as the report shows them: a number that is not a safe integer as its shortest decimal text (canonical JSON holds no floats). */
export function paramsEcho(params: Readonly<Record<string, StrategyParamValue>>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'number' && !Number.isSafeInteger(value) ? String(value) : value;
  return out;
}
