// JsonPath: report paths as written on the command line (pnl.by_symbol.BTCUSDT.total, fills.recent[0].price) and patterns over them (`*` matches one key or index).
import { UsageError } from '../errors/shadow-exec-error.js';

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** `segments` as text: keys joined by dots, indexes in brackets, a key that is not plain quoted (`["a.b"]`); '' for the root. */
export function pathText(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Parses a path or pattern as `pathText` writes it (a key `*` or an index `[*]` matches any one step).
 * @param what names the option in the error message, e.g. "--ignore"
 */
export function parsePath(text: string, what: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new UsageError(`${what} '${text}': ${why}; write a report path such as pnl.total, pnl.by_symbol.BTCUSDT.total or fills.recent[0].price (* matches any one key)`);
  };
  if (text.trim() === '') fail('is empty');
  while (i < text.length) {
    if (text[i] === '[' && text[i + 1] === '"') {
      // A quoted key: its JSON string ends at the first unescaped quote (it may hold ] . or [).
      let end = i + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (text[end + 1] !== ']') fail(`the quoted key at ${i + 2} is not closed by "]`);
      try {
        segments.push(String(JSON.parse(text.slice(i + 1, end + 1))));
      } catch {
        fail(`${text.slice(i + 1, end + 1)} is not a quoted key`);
      }
      i = end + 2;
      if (text[i] === '.') i++;
      continue;
    }
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) fail(`'[' at ${i + 1} is not closed`);
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (inner === '*') segments.push('*');
      else fail(`[${inner}] is neither an index nor a quoted key`);
      i = close + 1;
      if (text[i] === '.') i++;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(i, end);
    if (key === '') fail(`an empty key at ${i + 1}`);
    segments.push(key);
    i = text[end] === '.' ? end + 1 : end;
    if (text[end] === '.' && i === text.length) fail('it ends with a dot');
  }
  return segments;
}

/** True when `pattern` matches `segments` or one of its ancestors (a pattern names a value and everything under it). */
export function patternCovers(pattern: readonly PathSegment[], segments: readonly PathSegment[]): boolean {
  if (pattern.length > segments.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p !== '*' && p !== segments[i]) return false;
  }
  return true;
}
