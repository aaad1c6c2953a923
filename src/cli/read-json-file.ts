// readJsonFile: one JSON document from a file, or a UsageError (exit 2) saying which file and why — missing, unreadable, not JSON (where), or not an object.
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { jsonSyntaxError } from '../core/text/json-syntax-error.js';

/**
 * The JSON object in `file`. The message never quotes the file's text (it could be a secrets file passed by mistake).
 * @param what the command and role for the message, e.g. "compare: A"
 */
export function readJsonFile(file: string, what: string): { [key: string]: JsonValue } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : code;
    throw new UsageError(`${what}: cannot read ${file}: ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${what}: ${file} is ${jsonSyntaxError(text)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${what}: ${file} holds ${Array.isArray(parsed) ? 'an array' : `a ${parsed === null ? 'null' : typeof parsed}`}, not a JSON object (a shadow-exec report)`);
  return parsed as { [key: string]: JsonValue };
}
