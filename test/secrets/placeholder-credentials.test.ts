// Covers placeholderCredentials: a clearly fake, masked-safe pair flagged source 'placeholder'.
import { describe, it, expect } from 'vitest';
import { PLACEHOLDER_API_KEY, PLACEHOLDER_API_SECRET, placeholderCredentials } from '../../src/secrets/placeholder-credentials.js';

describe('placeholderCredentials', () => {
  it('returns the built-in fake pair for the venue and api env, flagged as placeholder', () => {
    const c = placeholderCredentials('binance', 'dev');
    expect(c.venue).toBe('binance');
    expect(c.apiEnv).toBe('dev');
    expect(c.apiKey).toBe(PLACEHOLDER_API_KEY);
    expect(c.apiSecret).toBe(PLACEHOLDER_API_SECRET);
    expect(c.source).toBe('placeholder');
    expect(PLACEHOLDER_API_KEY.startsWith('PLACEHOLDER')).toBe(true);
    expect(JSON.stringify(c)).toBe('{"venue":"binance","apiEnv":"dev","apiKey":"PLA…***","apiSecret":"***","source":"placeholder"}');
  });
});
