// Covers Credentials: the secret is readable for signing but never appears in JSON, strings, util.inspect, spreads or errors.
import { format, inspect } from 'node:util';
import { describe, it, expect } from 'vitest';
import { Credentials } from '../../src/secrets/credentials.js';

const SECRET = 'S3cr3t-Value-That-Must-Not-Leak-42';
const KEY = 'KeyABCDEFGHIJ';
const creds = new Credentials('bybit', 'prod', KEY, SECRET, 'env');

describe('Credentials', () => {
  it('exposes the raw secret and key for signing', () => {
    expect(creds.apiSecret).toBe(SECRET);
    expect(creds.apiKey).toBe(KEY);
    expect(creds.source).toBe('env');
  });

  it('serialises to a masked object with JSON.stringify', () => {
    expect(JSON.stringify(creds)).toBe('{"venue":"bybit","apiEnv":"prod","apiKey":"Key…***","apiSecret":"***","source":"env"}');
    expect(JSON.stringify({ nested: [creds] })).not.toContain(SECRET);
  });

  it('renders masked in template strings, String() and string concatenation', () => {
    const expected = 'Credentials(bybit/prod, apiKey=Key…***, apiSecret=***, source=env)';
    expect(`${creds}`).toBe(expected);
    expect(String(creds)).toBe(expected);
    expect('x' + creds).toBe(`x${expected}`);
  });

  it('never shows the secret or the full key in util.inspect or console-style formatting', () => {
    for (const text of [
      inspect(creds),
      inspect({ creds }, { depth: 5 }),
      inspect(creds, { showHidden: true }),
      inspect(creds, { customInspect: false, showHidden: true }),
      format('%o %O %s %j', creds, creds, creds, creds),
    ]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(KEY);
    }
  });

  it('does not copy the key or secret through object spread, Object.keys/values or Object.assign', () => {
    const spread = { ...creds };
    expect(spread).toEqual({ venue: 'bybit', apiEnv: 'prod', source: 'env' });
    expect(Object.keys(creds)).toEqual(['venue', 'apiEnv', 'source']);
    expect(Object.values(Object.assign({}, creds))).not.toContain(SECRET);
  });

  it('keeps the secret out of an error message built from it', () => {
    const error = new Error(`failed with ${creds}`);
    expect(error.message).not.toContain(SECRET);
    expect(inspect(error)).not.toContain(SECRET);
  });
});
