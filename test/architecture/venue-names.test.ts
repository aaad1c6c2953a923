// Covers the venue seam: no venue name (as a string literal, a branch or an identifier such as BybitX) appears in src/ outside src/venues/ and the venue registry.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripComments, venueNameFindings } from '../helpers/venue-name-scan.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** The one file outside src/venues/ that lists the venues. */
const REGISTRY = 'src/app/venue-registry.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

describe('venue names outside src/venues/', () => {
  it('appear in no code outside src/venues/ but the registry, comments aside (each finding is file:line)', () => {
    const findings = sourceFiles(join(ROOT, 'src'))
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((file) => !file.startsWith('src/venues/') && file !== REGISTRY)
      .flatMap((file) => venueNameFindings(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(findings).toEqual([]);
  });

  it('the registry lists every venue folder', () => {
    const registry = readFileSync(join(ROOT, REGISTRY), 'utf8');
    const folders = readdirSync(join(ROOT, 'src/venues'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name)
      .sort();
    expect(folders.filter((name) => !registry.includes(`../venues/${name}/`))).toEqual([]);
  });
});

describe('venueNameFindings', () => {
  it('reports a planted literal, branch and identifier with file and line', () => {
    const planted = ["const a = 1;", "if (exchange === 'bybit') run();", 'const x = new BinanceThing();', 'const t = `on ${HyperLiquid}`;'].join('\n');
    expect(venueNameFindings('src/app/planted.ts', planted)).toEqual([
      "src/app/planted.ts:2: if (exchange === 'bybit') run();",
      'src/app/planted.ts:3: const x = new BinanceThing();',
      'src/app/planted.ts:4: const t = `on ${HyperLiquid}`;',
    ]);
  });

  it('ignores line and block comments, but not a comment marker inside a string or a regular expression', () => {
    const source = ['// the fake venue', '/* Bybit', ' * Binance */ const a = 1;', "const url = 'wss://x//bybit';", 'const r = /\\/\\/fake/;', 'const b = 2; // binance'].join('\n');
    expect(venueNameFindings('f.ts', source)).toEqual(["f.ts:4: const url = 'wss://x//bybit';", 'f.ts:5: const r = /\\/\\/fake/;']);
    expect(stripComments(source).split('\n')).toHaveLength(6);
  });
});
