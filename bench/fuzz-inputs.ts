// Fuzz inputs for the parsers: fast-check arbitraries that mutate valid venue frames and bodies (fields replaced by hostile values, characters edited) next to arbitrary JSON and text.
import fc from 'fast-check';

/**
 * Hostile JSON texts put where a value belongs: nesting that makes String()/JSON.stringify throw, long
 * strings and digit runs (bigUnits, regexes), numbers past the safe range, near-decimals, wrong types.
 */
const DEEP = 20_000;
export const HOSTILE_VALUE_TEXTS: readonly string[] = [
  `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  `"${'9'.repeat(100_000)}"`,
  `"0.${'1'.repeat(100_000)}"`,
  `"${'x'.repeat(1_000_000)}"`,
  `${'9'.repeat(400)}`,
  '1e400', '-0', '9007199254740993', '-1', '1.5', '0', '""', '" 1"', '"1e3"', '"0x10"', '"-0.0"', '"+1"', '"１"', '"NaN"', '"Infinity"',
  '"\\ud800"', '"\\u0000"', 'null', 'true', '{}', '[]', '[[]]', '[["1"]]', '[["1","2","3"]]', '{"__proto__":{"polluted":1}}', '"constructor"',
];

/** The big ones (≥ 20 kB) cost milliseconds to parse: drawn ~1 in 50 inputs. */
const BIG = HOSTILE_VALUE_TEXTS.filter((t) => t.length >= 20_000);
const SMALL = HOSTILE_VALUE_TEXTS.filter((t) => t.length < 20_000);

/** A value's text for a field: small hostile literals, the big ones rarely, or arbitrary JSON. */
export const hostileValueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...SMALL) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG) },
  { weight: 20, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 9, arbitrary: fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)) },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (keys and indexes) inside `value`, the root excluded. */
function pathsOf(value: Json, prefix: readonly (string | number)[] = [], out: (readonly (string | number)[])[] = []): (readonly (string | number)[])[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), pathsOf(v, [...prefix, i], out)));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push([...prefix, k]), pathsOf(v, [...prefix, k], out);
  return out;
}

const MARK = '__FUZZ_VALUE__';

/** `template` with the value at `path` replaced by the raw JSON text `valueText` (or the key renamed, or the entry dropped). */
function replaceAt(template: Json, path: readonly (string | number)[], action: number, valueText: string): string {
  const copy = structuredClone(template);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (action === 1 && !Array.isArray(parent)) delete parent[last];
  else if (action === 2 && !Array.isArray(parent) && typeof last === 'string') {
    parent[`${last}x`] = parent[last]!;
    delete parent[last];
  } else parent[last] = MARK;
  return JSON.stringify(copy).replace(`"${MARK}"`, () => valueText);
}

/** Valid templates with one field replaced by a hostile value, its key renamed, or dropped. */
export function fieldMutation(templates: readonly Json[]): fc.Arbitrary<string> {
  const paths = templates.map((t) => pathsOf(t));
  return fc.tuple(fc.nat({ max: templates.length - 1 }), fc.nat(), fc.nat({ max: 9 }), hostileValueText).map(([t, p, action, value]) => {
    const list = paths[t]!;
    if (list.length === 0) return JSON.stringify(templates[t]);
    return replaceAt(templates[t]!, list[p % list.length]!, action === 1 ? 1 : action === 2 ? 2 : 0, value);
  });
}

const EDIT_CHARS = ['"', '{', '}', '[', ']', ',', ':', '.', '-', 'e', '0', '1', '9', ' ', '\\', 'u', 'n', '\n', 'é', '\u2028'];

/** Valid templates (as text) with up to three characters deleted and a few JSON-ish ones inserted. */
export function textMutation(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: texts.length - 1 }), fc.nat(), fc.nat({ max: 3 }), fc.array(fc.constantFrom(...EDIT_CHARS), { maxLength: 3 }))
    .map(([t, at, remove, insert]) => {
      const text = texts[t]!;
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert.join('') + text.slice(i + remove);
    });
}

/** The inputs of one text parser: mostly mutated templates, some arbitrary JSON and text, and the templates themselves. */
export function frameInputs(templates: readonly Json[]): fc.Arbitrary<string> {
  const texts = templates.map((t) => JSON.stringify(t));
  return fc.oneof(
    { weight: 10, arbitrary: fieldMutation(templates) },
    { weight: 5, arbitrary: textMutation(texts) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(...texts) },
  );
}

export type { Json };
