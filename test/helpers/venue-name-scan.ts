// Finds venue names in TypeScript source outside comments: string literals, template text, identifiers and branches all count.

/** Every venue name the architecture rule keeps inside src/venues/ (and the registry), matched case-insensitively anywhere in a token. */
export const VENUE_NAME = /bybit|binance|fake|hyperliquid|ccxt/i;

/** Characters after which a `/` starts a regular expression literal rather than a division. */
const REGEX_PREFIX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/**
 * `source` with every comment replaced by spaces (line breaks kept, so line numbers hold). Strings, template literals
 * and regular expression literals are kept whole; a `//` or `/*` inside them is not a comment.
 */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let last = '';
  const n = source.length;
  const blank = (text: string): string => text.replace(/[^\n]/g, ' ');
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      out += blank(source.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`' || (c === '/' && REGEX_PREFIX.has(last))) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const d = source[j]!;
        if (d === '\\') {
          j += 2;
          continue;
        }
        if (c === '/' && d === '[') inClass = true;
        else if (c === '/' && d === ']') inClass = false;
        else if (d === c && !inClass) break;
        else if (c !== '`' && d === '\n') break;
        j += 1;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
      last = 'x';
      continue;
    }
    out += c;
    if (!/\s/.test(c)) last = c;
    i += 1;
  }
  return out;
}

/** "file:line: text" for each line of `source` whose code (comments removed) names a venue. */
export function venueNameFindings(file: string, source: string): string[] {
  const findings: string[] = [];
  stripComments(source)
    .split('\n')
    .forEach((line, index) => {
      if (VENUE_NAME.test(line)) findings.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  return findings;
}
