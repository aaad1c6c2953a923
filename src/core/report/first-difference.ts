// firstDifference: the first path at which two JSON reports differ, walking keys in canonical (sorted) order — what run --check-determinism names.
import type { JsonValue } from './canonical-json.js';

export interface JsonDifference {
  /** $.fills.recent[0].price style. */
  readonly path: string;
  /** Each side's value at the path, as JSON text (undefined: absent on that side). */
  readonly left: string | undefined;
  readonly right: string | undefined;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function text(value: JsonValue | undefined): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function child(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** null when `a` and `b` are equal JSON; else the first differing path in sorted-key, then index, order. */
export function firstDifference(a: JsonValue | undefined, b: JsonValue | undefined, path = '$'): JsonDifference | null {
  if (a === b) return null;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects = !bothArrays && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
  if (bothArrays) {
    const left = a as JsonValue[];
    const right = b as JsonValue[];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const d = firstDifference(left[i], right[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (bothObjects) {
    const left = a as Record<string, JsonValue>;
    const right = b as Record<string, JsonValue>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const key of keys) {
      const d = firstDifference(left[key], right[key], child(path, key));
      if (d !== null) return d;
    }
    return null;
  }
  return text(a) === text(b) ? null : { path, left: text(a), right: text(b) };
}
