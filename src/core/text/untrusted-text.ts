// untrustedText: a short, never-throwing text of a value read from the wire or a file, for details, logs and errors.
//
// String(), template literals, Array#join and JSON.stringify recurse into nested arrays: a 20,000-deep
// array (a hostile frame) makes them throw a RangeError. Only primitives are turned into text here,
// cut to `maxChars`; objects and arrays are named by their kind.

/** Longest text of one untrusted value. */
export const UNTRUSTED_TEXT_CHARS = 120;

export function untrustedText(value: unknown, maxChars: number = UNTRUSTED_TEXT_CHARS): string {
  switch (typeof value) {
    case 'string':
      return value.length <= maxChars ? value : `${value.slice(0, maxChars)}…`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** The string elements of `values`, each cut like untrustedText, joined by `separator`; at most `maxItems` of them. */
export function untrustedList(values: readonly unknown[], separator = ',', maxItems = 20): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length && parts.length < maxItems; i++) parts.push(untrustedText(values[i]));
  return values.length > maxItems ? `${parts.join(separator)}${separator}… (${values.length} in all)` : parts.join(separator);
}

/** untrustedText with strings JSON-quoted ("abc", "null" vs null): for "got …" in error messages. */
export function untrustedJson(value: unknown, maxChars: number = UNTRUSTED_TEXT_CHARS): string {
  return typeof value === 'string' ? JSON.stringify(untrustedText(value, maxChars)) : untrustedText(value, maxChars);
}
