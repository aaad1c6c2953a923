// The error of a malformed import file: E_IMPORT_FORMAT naming the file and line (exit 2: the input is wrong).
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

/** Longest piece of a row an error quotes. */
const QUOTE_CHARS = 120;

export function importRowError(label: string, lineNo: number, what: string, row?: string): ShadowExecError {
  const quoted = row === undefined ? '' : `: ${JSON.stringify(row.length > QUOTE_CHARS ? `${row.slice(0, QUOTE_CHARS)}…` : row)}`;
  return new ShadowExecError('E_IMPORT_FORMAT', `import file '${label}' line ${lineNo}: ${what}${quoted}`);
}
