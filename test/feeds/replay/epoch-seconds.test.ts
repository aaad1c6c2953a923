// Covers epochSecondsTextToMs: decimal epoch seconds → integer ms, truncated on the digits, strict input.
import { describe, it, expect } from 'vitest';
import { epochSecondsTextToMs } from '../../../src/feeds/replay/epoch-seconds.js';
import { codeOf } from '../../helpers/error-code.js';

describe('epochSecondsTextToMs', () => {
  it.each([
    ['1633998512.0633569', 1633998512063],
    ['1633998513.377805', 1633998513377],
    ['1633998525.25393', 1633998525253],
    ['1633998541.9999999', 1633998541999],
    ['1633998512.5', 1633998512500],
    ['1633998512', 1633998512000],
    ['0.0009', 0],
  ])('converts %s to %i', (text, ms) => {
    expect(epochSecondsTextToMs(text)).toBe(ms);
  });

  it('keeps the order of its inputs (truncation is monotone)', () => {
    const texts = ['1633998523.957215', '1633998523.9572978', '1633998523.958', '1633998524'];
    const ms = texts.map(epochSecondsTextToMs);
    expect(ms).toEqual([1633998523957, 1633998523957, 1633998523958, 1633998524000]);
  });

  it.each(['', '-1', '1e9', '1.', '.5', ' 1', '1,5', '99999999999999999'])('refuses %j with E_REPLAY_FORMAT', (text) => {
    expect(codeOf(() => epochSecondsTextToMs(text))).toBe('E_REPLAY_FORMAT');
  });
});
