// Covers orList: alternatives joined as a sentence names them.
import { describe, expect, it } from 'vitest';
import { orList } from '../../../src/core/text/or-list.js';

describe('orList', () => {
  it('joins with commas and a final "or", and leaves one item or none as it is', () => {
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['a'])).toBe('a');
    expect(orList([])).toBe('');
  });
});
