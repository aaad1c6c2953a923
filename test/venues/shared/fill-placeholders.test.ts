// Covers fillPlaceholders: left-to-right %s substitution, leaving unfilled placeholders visible.
import { describe, it, expect } from 'vitest';
import { fillPlaceholders } from '../../../src/venues/shared/fill-placeholders.js';

describe('fillPlaceholders', () => {
  it('fills %s left to right', () => {
    expect(fillPlaceholders('Too many new orders; current limit is %s orders per %s.', 50, '10 SECOND')).toBe(
      'Too many new orders; current limit is 50 orders per 10 SECOND.',
    );
  });

  it('leaves a placeholder without an argument as %s, and ignores extra arguments', () => {
    expect(fillPlaceholders('%s and %s', 'a')).toBe('a and %s');
    expect(fillPlaceholders('none', 1)).toBe('none');
  });
});
