// Covers frameSample: bad frames shown in market_data.problems are short, have credential-like values masked (even cut ones) and control characters escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLE_CHARS, frameSample } from '../../../src/feeds/pipeline/frame-sample.js';

describe('frameSample', () => {
  it('keeps a short frame as it is', () => {
    expect(frameSample('{"topic":"orderbook.50.BTCUSDT","data":')).toBe('{"topic":"orderbook.50.BTCUSDT","data":');
  });

  it(`cuts at ${FRAME_SAMPLE_CHARS} characters with an ellipsis`, () => {
    expect(frameSample('x'.repeat(500))).toBe(`${'x'.repeat(FRAME_SAMPLE_CHARS)}…`);
  });

  it('masks the values of credential-like keys, whatever their case, also unterminated ones', () => {
    expect(frameSample('{"apiKey":"AKIA123","X-BAPI-SIGN": "deadbeef","api_secret":"s3cr\\"et","token":"t","price":"1"}')).toBe(
      '{"apiKey":"***","X-BAPI-SIGN": "***","api_secret":"***","token":"***","price":"1"}',
    );
    expect(frameSample('{"signature":"abcdef')).toBe('{"signature":"***"');
  });

  it('escapes control characters', () => {
    expect(frameSample('a\nb\u0000c')).toBe('a\\u000ab\\u0000c');
  });

  it('never returns a secret value placed under a credential-like key, and is never longer than the limit plus the ellipsis', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[A-Za-z0-9]{8,40}$/), fc.string(), (before, secret, after) => {
        const sample = frameSample(`${before.replace(/"/g, '')}{"apiSecret":"${secret}"}${after}`);
        expect(sample).not.toContain(secret);
        expect(sample.length).toBeLessThanOrEqual(FRAME_SAMPLE_CHARS + 1);
      }),
      { seed: 14, numRuns: 200 },
    );
  });
});
