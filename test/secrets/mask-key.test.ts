// Covers maskKey: 3-character prefix for keys of 8+ characters, nothing for shorter ones.
import { describe, it, expect } from 'vitest';
import { maskKey } from '../../src/secrets/mask-key.js';

describe('maskKey', () => {
  it('shows the first 3 characters then …*** for keys of 8 characters or more', () => {
    expect(maskKey('abcdefgh')).toBe('abc…***');
    expect(maskKey('vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A')).toBe('vmP…***');
  });

  it('shows only *** for keys shorter than 8 characters, including the empty key', () => {
    expect(maskKey('abcdefg')).toBe('***');
    expect(maskKey('')).toBe('***');
  });
});
