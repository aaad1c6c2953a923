// Covers ImportProgress on a virtual clock: rows, rows/s, share of the bytes and ETA from bytes read / total bytes, redrawn at most every REDRAW_MS, ended with a newline only when it drew.
import { describe, expect, it } from 'vitest';
import { ImportProgress, importProgressText, REDRAW_MS } from '../../src/cli/import-progress.js';

describe('importProgressText', () => {
  it('gives rows, rows/s, the share of the input and the ETA from the bytes still to read at the rate so far', () => {
    // 2 s for 25 % of 80 MiB: 6 s to go
    expect(importProgressText('tardis', { rows: 1_000_000, bytesRead: 20 * 1_048_576, totalBytes: 80 * 1_048_576 }, 2000)).toBe('import tardis: 1,000,000 rows · 500,000 rows/s · 25% of 80.0 MiB · ETA 0:06');
  });

  it('leaves out the rate and ETA before time has passed, and the share when the size is unknown', () => {
    expect(importProgressText('binance-vision', { rows: 0, bytesRead: 0, totalBytes: 1_048_576 }, 0)).toBe('import binance-vision: 0 rows · 0% of 1.0 MiB');
    expect(importProgressText('tardis', { rows: 10, bytesRead: 5, totalBytes: 0 }, 1000)).toBe('import tardis: 10 rows · 10 rows/s');
  });
});

describe('ImportProgress', () => {
  it('redraws on a carriage return at most every REDRAW_MS of its clock, and ends the line once', () => {
    let now = 1_000;
    const out: string[] = [];
    const progress = new ImportProgress('tardis', (text) => out.push(text), () => now);
    now += 1000;
    progress.update({ rows: 100, bytesRead: 50, totalBytes: 100 });
    now += REDRAW_MS - 1;
    progress.update({ rows: 150, bytesRead: 60, totalBytes: 100 });
    now += 1;
    progress.update({ rows: 240, bytesRead: 80, totalBytes: 100 });
    progress.end();
    progress.end();
    expect(out).toEqual(['\rimport tardis: 100 rows · 100 rows/s · 50% of 0.0 MiB · ETA 0:01\x1b[K', '\rimport tardis: 240 rows · 200 rows/s · 80% of 0.0 MiB · ETA 0:01\x1b[K', '\n']);
  });

  it('writes nothing when it never drew', () => {
    const out: string[] = [];
    new ImportProgress('tardis', (text) => out.push(text), () => 0).end();
    expect(out).toEqual([]);
  });
});
