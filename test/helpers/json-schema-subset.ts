// schemaErrors(schema, value): a small JSON Schema (draft 2020-12) evaluator for the keywords the scenario and run config schemas use, to test that schema without a dependency.

type Schema = boolean | { readonly [keyword: string]: unknown };

const SUPPORTED = new Set([
  '$schema', '$defs', '$ref', 'title', 'description', 'type', 'required', 'additionalProperties', 'properties', 'items',
  'minItems', 'maxItems', 'maxLength', 'minProperties', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'oneOf', 'anyOf', 'not',
]);

function typeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

/** Errors as `<json pointer>: <keyword>`; empty when the value is valid. Throws on a keyword it does not know. */
export function schemaErrors(root: Schema, value: unknown, schema: Schema = root, at = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: false`];
  const s = schema as Record<string, unknown>;
  for (const keyword of Object.keys(s)) if (!SUPPORTED.has(keyword)) throw new Error(`unsupported keyword ${keyword}`);
  const errors: string[] = [];
  const err = (keyword: string): void => void errors.push(`${at}: ${keyword}`);
  if (typeof s['$ref'] === 'string') errors.push(...schemaErrors(root, value, resolve(root, s['$ref']), at));
  if (typeof s['type'] === 'string' && !typeOf(value).includes(s['type'])) return [...errors, `${at}: type`];
  if ('const' in s && JSON.stringify(s['const']) !== JSON.stringify(value)) err('const');
  if (Array.isArray(s['enum']) && !s['enum'].some((e) => JSON.stringify(e) === JSON.stringify(value))) err('enum');
  if (typeof value === 'string') {
    if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(value)) err('pattern');
    if (typeof s['minLength'] === 'number' && [...value].length < s['minLength']) err('minLength');
    if (typeof s['maxLength'] === 'number' && [...value].length > s['maxLength']) err('maxLength');
  }
  if (typeof value === 'number') {
    if (typeof s['minimum'] === 'number' && value < s['minimum']) err('minimum');
    if (typeof s['maximum'] === 'number' && value > s['maximum']) err('maximum');
  }
  if (Array.isArray(value)) {
    if (typeof s['minItems'] === 'number' && value.length < s['minItems']) err('minItems');
    if (typeof s['maxItems'] === 'number' && value.length > s['maxItems']) err('maxItems');
    if (s['items'] !== undefined) value.forEach((item, i) => errors.push(...schemaErrors(root, item, s['items'] as Schema, `${at}/${i}`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (s['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (s['required'] ?? []) as string[]) if (!(key in object)) err(`required ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) errors.push(...schemaErrors(root, item, properties[key]!, `${at}/${key}`));
      else if (s['additionalProperties'] === false) err(`additionalProperties ${key}`);
      else if (typeof s['additionalProperties'] === 'object') errors.push(...schemaErrors(root, item, s['additionalProperties'] as Schema, `${at}/${key}`));
    }
    if (typeof s['minProperties'] === 'number' && Object.keys(object).length < s['minProperties']) err('minProperties');
  }
  if (Array.isArray(s['oneOf'])) {
    const passing = s['oneOf'].filter((sub) => schemaErrors(root, value, sub as Schema, at).length === 0).length;
    if (passing !== 1) err(`oneOf (${passing} match)`);
  }
  if (Array.isArray(s['anyOf']) && !s['anyOf'].some((sub) => schemaErrors(root, value, sub as Schema, at).length === 0)) err('anyOf');
  if (s['not'] !== undefined && schemaErrors(root, value, s['not'] as Schema, at).length === 0) err('not');
  return errors;
}
