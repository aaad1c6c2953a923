// Covers src/cli/run-config-schema.json: one property per `run` option (by commander's own list), each of the kind the reader takes; the example file passes both; schema-visible mistakes fail both.
import '../helpers/lazy-modules-setup.js';
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { runCommand } from '../../src/cli/commands/run-command.js';
import type { CliContext } from '../../src/cli/cli-context.js';
import { readRunConfigValues, RUN_CONFIG_KEYS, RESULT_KEYS, RunConfigError } from '../../src/cli/run-config-file.js';
import { schemaErrors } from '../helpers/json-schema-subset.js';
import { RUN_OPTION_SPECS } from '../../src/app/config/run-option-specs.js';

const schema = JSON.parse(readFileSync(new URL('../../src/cli/run-config-schema.json', import.meta.url), 'utf8'));
const example = JSON.parse(readFileSync(new URL('../../examples/run-config.json', import.meta.url), 'utf8'));
const options = runCommand({ tool: { name: 'shadow-exec', version: '0' } } as CliContext).options.filter((o) => o.attributeName() !== 'config');
const KIND_DEF = { text: '#/$defs/text', number: '#/$defs/number', list: '#/$defs/list', 'per-symbol': '#/$defs/perSymbol', switch: '#/$defs/switch', 'json-object': '#/$defs/jsonObject' } as const;

describe('run-config-schema.json agrees with the run command', () => {
  it('has one property per run option but --config, in --help order, after $schema', () => {
    expect(Object.keys(schema.properties)).toEqual(['$schema', ...options.map((o) => o.attributeName())]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('keys the reader knows are exactly the run options', () => {
    expect(Object.keys(RUN_CONFIG_KEYS).sort()).toEqual(options.map((o) => o.attributeName()).sort());
  });

  it('gives each option the kind the reader takes: switches for commander booleans, values for the rest', () => {
    for (const option of options) {
      const key = option.attributeName() as keyof typeof RUN_CONFIG_KEYS;
      const kind = RUN_CONFIG_KEYS[key];
      expect(schema.properties[key].$ref, key).toBe(KIND_DEF[kind]);
      // A flag without a value (--quiet, --no-throttle) is a switch.
      expect(kind === 'switch', key).toBe(!option.required && !option.optional);
      expect(schema.properties[key].description, key).toMatch(new RegExp(`^(true is |false is )?${option.long}: `));
    }
  });

  it('describes each option with its flag and its --help text from the options table', () => {
    for (const [key, spec] of Object.entries(RUN_OPTION_SPECS)) {
      if (spec.file === null) continue;
      expect(schema.properties[key].description, key).toMatch(/^(true is |false is )?--/);
      expect(schema.properties[key].description.replace(/^(true is |false is )/, ''), key).toBe(`${spec.flag}: ${spec.help}`);
    }
  });

  it('lists among the options every key whose source the report states', () => {
    for (const key of RESULT_KEYS) expect(RUN_CONFIG_KEYS, key).toHaveProperty(key);
  });

  it('resolves every $ref', () => {
    for (const property of Object.values(schema.properties) as Array<{ $ref?: string }>) {
      if (property.$ref !== undefined) expect(schema.$defs[property.$ref.replace('#/$defs/', '')], property.$ref).toBeDefined();
    }
  });
});

describe('run-config-schema.json on documents', () => {
  it('accepts examples/run-config.json, as the reader does', () => {
    expect(schemaErrors(schema, example)).toEqual([]);
    expect(() => readRunConfigValues(example, 'examples/run-config.json')).not.toThrow();
  });

  it('accepts the issue example', () => {
    const doc = { iterations: 7, symbols: ['ETHUSDT'], spreadBps: 40 };
    expect(schemaErrors(schema, doc)).toEqual([]);
    expect(readRunConfigValues(doc, 'f.json')).toEqual({ iterations: '7', symbols: 'ETHUSDT', spreadBps: '40' });
  });

  it.each([
    ['an unknown key', { spredBps: 40 }],
    ['a boolean number', { spreadBps: true }],
    ['a number where text is expected', { exchange: 1 }],
    ['a string switch', { throttle: 'false' }],
    ['an empty list', { symbols: [] }],
    ['a list item with a comma', { symbols: ['BTCUSDT,ETHUSDT'] }],
    ['a null start price', { startPrices: { BTCUSDT: null } }],
    ['an empty per-symbol object', { startPrices: {} }],
    ['a non-string $schema', { $schema: 1 }],
  ])('rejects %s, as the reader does', (_what, doc) => {
    expect(schemaErrors(schema, doc).length).toBeGreaterThan(0);
    expect(() => readRunConfigValues(doc, 'f.json')).toThrow(RunConfigError);
  });
});
