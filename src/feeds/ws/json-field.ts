// field(): reads one key of a parsed JSON value that may be anything (the venues' stream parsers and protocols).

/** Reads `obj[key]` when `obj` is a non-null, non-array object. */
export function field(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  return (obj as Record<string, unknown>)[key];
}
