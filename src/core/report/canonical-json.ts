// Canonical JSON: keys sorted at every level (code-unit order), two-space indent, trailing newline.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Serialises `value` canonically; numbers must be safe integers (money travels as decimal strings). */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(sortKeys(value, '$'), null, 2) + '\n';
}

function sortKeys(value: JsonValue, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => sortKeys(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]!, `${path}.${key}`);
    return out;
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new Error(`canonical JSON holds only safe integers; ${path} is ${value}`);
  }
  return value;
}
