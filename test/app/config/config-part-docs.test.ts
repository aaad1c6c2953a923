// Covers the doc comments of the RunConfig parts: a default they state for a flag is the default the options table declares.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { RUN_OPTION_SPECS } from '../../../src/app/config/run-option-specs.js';

const DIR = new URL('../../../src/app/config/', import.meta.url);
const byFlag = new Map(Object.values(RUN_OPTION_SPECS).map((spec) => [spec.flag, spec]));

/** Each doc comment of a field that names a flag, with the default it states: a literal, null ("null (@default)"), or derived (skipped). */
function statedDefaults(): Array<{ file: string; flag: string; stated: string | null }> {
  const out: Array<{ file: string; flag: string; stated: string | null }> = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('-config.ts'))) {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    for (const [, comment] of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*readonly \w+/g)) {
      const flag = /(--[a-z][a-z-]*)/.exec(comment!)?.[1];
      if (flag === undefined || !byFlag.has(flag)) continue;
      if (/null \(@default\)/.test(comment!)) out.push({ file, flag, stated: null });
      const literal = /@default ('[^']*'|-?\d[\d_]*)/.exec(comment!)?.[1];
      if (literal !== undefined) out.push({ file, flag, stated: literal.replace(/'/g, '').replace(/_/g, '') });
    }
  }
  return out;
}

describe('RunConfig part docs', () => {
  it('state the defaults the options table declares', () => {
    const stated = statedDefaults();
    expect(stated.length).toBeGreaterThan(20);
    for (const { file, flag, stated: value } of stated) {
      const declared = byFlag.get(flag)!.default;
      expect(declared === null ? null : String(declared), `${file} ${flag}`).toBe(value);
    }
  });
});
