// Covers validateStrategyParams and checkParamsSchema: defaults filled in declared order, each refusal naming parameter, value and what is allowed; a wrong declaration is the strategy's error (E_STRATEGY).
import { describe, expect, it } from 'vitest';
import { allowedText, checkParamsSchema, paramsEcho, validateStrategyParams } from '../../../src/core/strategy/strategy-params.js';
import type { StrategyParamsSchema } from '../../../src/ports/strategy.js';
import { codeOf } from '../../helpers/error-code.js';

const SCHEMA: StrategyParamsSchema = {
  type: 'object',
  properties: {
    gamma: { type: 'number', minimum: 0, maximum: 1, default: 0.1 },
    window: { type: 'integer', minimum: 2, default: 20 },
    mode: { type: 'string', enum: ['widen', 'pause'] },
    enabled: { type: 'boolean' },
  },
  required: ['mode'],
};

describe('validateStrategyParams', () => {
  it('fills defaults in the declared order and keeps given values; an undeclared optional without default stays absent', () => {
    expect(validateStrategyParams(SCHEMA, { mode: 'pause', gamma: 0.5 }, 's')).toEqual({ gamma: 0.5, window: 20, mode: 'pause' });
    expect(Object.keys(validateStrategyParams(SCHEMA, { mode: 'widen', enabled: true, window: 3 }, 's'))).toEqual(['gamma', 'window', 'mode', 'enabled']);
  });

  it.each([
    [{ mode: 'widen', gamma: 2 }, "parameter 'gamma' = 2 is not allowed: expected a number from 0 to 1"],
    [{ mode: 'widen', window: 2.5 }, "parameter 'window' = 2.5 is not allowed: expected a whole number ≥ 2"],
    [{ mode: 'stop' }, 'parameter \'mode\' = "stop" is not allowed: expected one of "widen", "pause"'],
    [{ mode: 'widen', enabled: 'yes' }, 'parameter \'enabled\' = "yes" is not allowed: expected true or false'],
    [{ mode: 'widen', speed: 1 }, "parameter 'speed' is not allowed: strategy s takes gamma, window, mode, enabled"],
    [{}, "parameter 'mode' is required by strategy s: expected one of \"widen\", \"pause\""],
  ])('refuses %j as a usage error naming it', (given, message) => {
    expect(() => validateStrategyParams(SCHEMA, given, 's')).toThrow(`--strategy-params: ${message}`);
    expect(codeOf(() => validateStrategyParams(SCHEMA, given, 's'))).toBe('E_USAGE');
  });

  it('refuses any parameter of a strategy that declares none', () => {
    expect(() => validateStrategyParams(undefined, { x: 1 }, 'symmetric')).toThrow("parameter 'x' is not allowed: strategy symmetric takes no parameters");
  });
});

describe('checkParamsSchema', () => {
  it.each([
    [{ type: 'object', properties: { a: { type: 'array' } } }, 'parameter \'a\' has type "array"'],
    [{ type: 'object', properties: { a: { type: 'number', pattern: 'x' } } }, "parameter 'a' uses 'pattern'"],
    [{ type: 'object', properties: { a: { type: 'number', maximum: 1, default: 2 } } }, "parameter 'a' defaults to 2, which its own schema refuses (a number ≤ 1)"],
    [{ type: 'object', properties: {}, required: ['b'] }, "'b' is required but not declared"],
  ])('refuses a declaration %j as the strategy author\'s error', (schema, message) => {
    expect(() => checkParamsSchema(schema as unknown as StrategyParamsSchema, 'p')).toThrow(`strategy p declares its parameters wrongly: ${message}`);
    expect(codeOf(() => checkParamsSchema(schema as unknown as StrategyParamsSchema, 'p'))).toBe('E_STRATEGY');
  });
});

describe('allowedText and paramsEcho', () => {
  it('words the range and renders non-integers as decimal text for the canonical report', () => {
    expect(allowedText({ type: 'integer', minimum: 1 })).toBe('a whole number ≥ 1');
    expect(paramsEcho({ gamma: 0.01, n: 5, mode: 'x', on: true })).toEqual({ gamma: '0.01', n: 5, mode: 'x', on: true });
  });
});
