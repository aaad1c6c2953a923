// jsonSyntaxError: where a text stops being JSON (line, column), found without quoting it — JSON.parse's own message repeats the text's start.
//
// V8's messages quote the input ("Unexpected token 'k', \"sk_live_ab\"... is not valid JSON"): a secrets
// file passed where JSON was expected would reach stderr. This scanner finds the first offending character
// itself (iteratively: no recursion on deep nesting) and the message names only its position.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';
const HEX4 = /[0-9a-fA-F]{4}/y;

type State = 'value' | 'first-in-object' | 'key' | 'first-in-array' | 'after-value';

/** Index of the first character at which `text` is not JSON (text.length when it ends early); -1 when it is valid JSON. */
export function jsonErrorIndex(text: string): number {
  const stack: ('object' | 'array')[] = [];
  let state: State = 'value';
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Scans the string starting at i ('"'); returns false at the first bad character (i left on it). */
  const string = (): boolean => {
    i++;
    for (;;) {
      if (i >= text.length) return false;
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) return false;
      if (c === 92) {
        i++;
        if (i >= text.length || !ESCAPES.includes(text[i]!)) return false;
        if (text[i] === 'u') {
          HEX4.lastIndex = i + 1;
          if (!HEX4.test(text)) return false;
          i += 4;
        }
      }
      i++;
    }
    i++;
    return true;
  };
  for (;;) {
    skipSpace();
    const c = text[i];
    switch (state) {
      case 'first-in-array':
        if (c === ']') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        state = 'value';
        continue;
      case 'first-in-object':
      case 'key':
        if (c === '}' && state === 'first-in-object') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        if (c !== '"' || !string()) return i;
        skipSpace();
        if (text[i] !== ':') return i;
        i++;
        state = 'value';
        continue;
      case 'value':
        if (c === '{') {
          stack.push('object');
          i++;
          state = 'first-in-object';
        } else if (c === '[') {
          stack.push('array');
          i++;
          state = 'first-in-array';
        } else if (c === '"') {
          if (!string()) return i;
          state = 'after-value';
        } else if (c === 't' || c === 'f' || c === 'n') {
          const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
          for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return i;
          state = 'after-value';
        } else {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return i;
          i = NUMBER.lastIndex;
          state = 'after-value';
        }
        continue;
      case 'after-value': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i === text.length ? -1 : i;
        if (c === ',') {
          i++;
          state = top === 'object' ? 'key' : 'value';
        } else if ((c === '}' && top === 'object') || (c === ']' && top === 'array')) {
          stack.pop();
          i++;
        } else {
          return i;
        }
        continue;
      }
    }
  }
}

/** "not valid JSON at line 3, column 7" (or "… ends early at …"): the text's position only, never its content. */
export function jsonSyntaxError(text: string): string {
  const index = jsonErrorIndex(text);
  if (index < 0) return 'not valid JSON';
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < index; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return `not valid JSON: ${index >= text.length ? 'it ends early' : 'unexpected character'} at line ${line}, column ${index - lineStart + 1}`;
}
