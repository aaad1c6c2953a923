// Covers bench/import-bench.ts on a small input: the synthesised CSV imports completely (every group one record) and the figures are laid out as run-bench prints them.
import { describe, expect, it } from 'vitest';
import '../helpers/lazy-modules-setup.js';
import { formatImport, measureImport } from '../../bench/import-bench.js';

describe('measureImport', () => {
  it('imports 6,020 synthesised rows into 1,001 book records (one snapshot group, then 6 rows per group) and formats the figures', async () => {
    const f = await measureImport(6_020, 1, 20_000);
    expect([f.rows, f.records]).toEqual([6_020, 1_001]);
    expect(f.importRowsPerSec).toBeGreaterThan(0);
    expect(formatImport(f)).toMatch(/^import tardis incremental_book_L2: 6,020 rows \(0\.\d MiB\) → 1,001 records; best of 3, CPU time \(wall time in brackets\)\n {2}split\(','\) pass +[\d,]+ rows\/s +\([\d,]+ rows\/s wall\)\n {2}import +[\d,]+ rows\/s +\([\d,]+ rows\/s wall\) +\d+\.\d\d× the split pass\n {2}target import ≥ 1\.0× a plain split\(','\) pass over the same bytes: (met|NOT met)\n/);
  });
});
