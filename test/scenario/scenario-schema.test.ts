// Covers src/scenario/scenario-schema.json: it agrees with the validator (event, expectation and run-key lists, field names, patterns), every $ref resolves, the full example passes it, and schema-expressible mistakes fail both.
import '../helpers/lazy-modules-setup.js';
import { readFileSync } from 'node:fs';
import { describe, it, expect, expectTypeOf } from 'vitest';
import type { RunInput } from '../../src/app/config/run-input.js';
import { FREEZE_REASONS } from '../../src/core/risk/risk-decision.js';
import { DURATION_PATTERN } from '../../src/scenario/scenario-fields.js';
import { EVENT_FIELDS, EXPECTATION_FIELDS, REPORT_PATH, validateScenario } from '../../src/scenario/scenario-validate.js';
import { EVENT_TYPES, EXPECTATION_TYPES, MARKET_OWNED_RUN_KEYS, SCENARIO_RUN_KEYS, type ScenarioRunKey } from '../../src/scenario/scenario.js';
import { schemaErrors } from '../helpers/json-schema-subset.js';
import { fullExample } from '../helpers/scenario-example.js';

const schema = JSON.parse(readFileSync(new URL('../../src/scenario/scenario-schema.json', import.meta.url), 'utf8'));

interface Branch {
  title: string;
  required: string[];
  properties: Record<string, { const?: string }>;
}

const eventBranches = schema.$defs.event.oneOf as Branch[];
const expectationBranches = schema.$defs.expectation.oneOf as Branch[];

function refs(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refs(value)));
}

describe('scenario-schema.json agrees with the validator', () => {
  it('is a draft 2020-12 schema whose $refs all resolve', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const all = refs(schema);
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) expect(schema.$defs[ref.replace('#/$defs/', '')], ref).toBeDefined();
  });

  it('lists the same events, each with the same required fields', () => {
    expect(eventBranches.map((b) => b.properties['type']!.const)).toEqual([...EVENT_TYPES]);
    expect(schema.$defs.event.properties.type.enum).toEqual([...EVENT_TYPES]);
    for (const branch of eventBranches) {
      const fields = ['type', ...EVENT_FIELDS[branch.title as keyof typeof EVENT_FIELDS].map((f) => f.field)];
      expect(Object.keys(branch.properties), branch.title).toEqual(fields);
      expect(branch.required, branch.title).toEqual(fields);
    }
  });

  it('lists the same expectations, each with the same fields', () => {
    expect(schema.$defs.expectation.properties.type.enum).toEqual([...EXPECTATION_TYPES]);
    for (const branch of expectationBranches.filter((b) => !b.title.startsWith('report'))) {
      const fields = ['type', ...EXPECTATION_FIELDS[branch.title as keyof typeof EXPECTATION_FIELDS].map((f) => f.field)];
      expect(Object.keys(branch.properties), branch.title).toEqual(fields);
      expect(branch.required, branch.title).toEqual(fields);
    }
    expect(expectationBranches.map((b) => b.title)).toEqual([...EXPECTATION_TYPES.filter((t) => t !== 'report'), 'report (equals)', 'report (range)']);
    const frozenBy = expectationBranches.find((b) => b.title === 'frozen_by')!;
    expect((frozenBy.properties['reason'] as { enum: string[] }).enum).toEqual([...FREEZE_REASONS]);
  });

  it('lists the same run keys and uses the validator patterns', () => {
    expect(Object.keys(schema.properties.run.properties)).toEqual([...SCENARIO_RUN_KEYS]);
    expect(schema.$defs.time.oneOf[0].pattern).toBe(DURATION_PATTERN);
    expect(schema.$defs.reportPath.pattern).toBe(REPORT_PATH.source);
  });

  it('covers every run flag: each RunInput key is a run key or set by the market section', () => {
    type Covered = ScenarioRunKey | (typeof MARKET_OWNED_RUN_KEYS)[number];
    expectTypeOf<Exclude<keyof RunInput, Covered>>().toEqualTypeOf<never>();
    // …and every run key is a run flag.
    expectTypeOf<Exclude<ScenarioRunKey, keyof RunInput>>().toEqualTypeOf<never>();
  });
});

type Mutation = (doc: Record<string, any>) => unknown;

/** Mistakes the schema alone can see; the validator must reject each too. */
const SCHEMA_VISIBLE: Array<[string, Mutation]> = [
  ['an unknown top-level field', (d) => (d['expectations'] = [])],
  ['a missing market', (d) => delete d['market']],
  ['an unknown run key', (d) => (d['run'].maxInventory = '1')],
  ['a number run value', (d) => (d['run'].seed = 7)],
  ['a bad duration', (d) => (d['timeline'][3].at = 'soon')],
  ['a zero length', (d) => (d['timeline'][5].event.for = '0s')],
  ['an unknown event', (d) => (d['timeline'][2].event.type = 'price_jmp')],
  ['a missing event field', (d) => delete d['timeline'][0].event.bps],
  ['a misspelt event field', (d) => (d['timeline'][0].event = { type: 'price_jump', sybmol: 'BTCUSDT', bps: 5 })],
  ['a lower-case side', (d) => (d['timeline'][3].event.side = 'sell')],
  ['a zero clock skew', (d) => (d['timeline'][10].event.ms = 0)],
  ['no expectations', (d) => (d['expect'] = [])],
  ['an unknown expectation', (d) => (d['expect'][1].type = 'orders_open')],
  ['equals and a range together', (d) => (d['expect'][5].max = 3)],
  ['a report check without a value', (d) => delete d['expect'][5].equals],
  ['a bad report path', (d) => (d['expect'][5].path = 'orders..placed')],
];

describe('scenario-schema.json on documents', () => {
  it('accepts the full example the validator accepts', () => {
    const doc = fullExample();
    expect(() => validateScenario(doc)).not.toThrow();
    expect(schemaErrors(schema, doc)).toEqual([]);
  });

  it.each(SCHEMA_VISIBLE)('rejects %s, as the validator does', (_what, mutation) => {
    const doc = fullExample();
    mutation(doc);
    expect(schemaErrors(schema, doc).length).toBeGreaterThan(0);
    expect(() => validateScenario(doc)).toThrow(/^\S+: /);
  });
});
