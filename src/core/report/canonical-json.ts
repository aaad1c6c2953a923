// Canonical JSON: keys sorted at every level by UTF-16 code units, two-space indent, trailing newline.
import { invariantViolation } from '../errors/shadow-exec-error.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Serialises `value` canonically. Written by hand rather than with JSON.stringify's indent, because a
 * JS object always lists integer-like keys ("9", "10") first, which would break code-unit order.
 * Numbers must be safe integers (money travels as decimal strings).
 */
export function canonicalJson(value: JsonValue): string {
  return write(value, '', '$') + '\n';
}

/** The same canonical form on one line (no spaces, no newline): one record of a JSON-lines file. */
export function canonicalJsonLine(value: JsonValue): string {
  return writeCompact(value, '$');
}

function writeCompact(value: JsonValue, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw invariantViolation(`canonical JSON holds only safe integers; ${path} is ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => writeCompact(v, `${path}[${i}]`)).join(',')}]`;
  const keys = Object.keys(value).sort(byCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${writeCompact(value[k]!, `${path}.${k}`)}`).join(',')}}`;
}

function write(value: JsonValue, indent: string, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw invariantViolation(`canonical JSON holds only safe integers; ${path} is ${value}`);
    return String(value);
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v, i) => inner + write(v, inner, `${path}[${i}]`)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort(byCodeUnits);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(value[k]!, inner, `${path}.${k}`)}`).join(',\n')}\n${indent}}`;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
