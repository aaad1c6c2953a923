// Covers bench/replay-file-bench.ts: the generated file is deterministic, and a 16 MiB replay runs in a child whose V8 heap is capped at 24 MB (the file is streamed, never held whole); needs `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReplayFile, generateReplayFile, measureReplayFile } from '../../bench/replay-file-bench.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'replay-file-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generateReplayFile', () => {
  it('writes the same Bybit linear replay of at least the size asked for, every time', () => {
    const path = join(dir, 'one.jsonl');
    expect(generateReplayFile(path, 1)).toEqual({ records: 2_219, bytes: 1_048_862 });
    const bytes = readFileSync(path);
    expect(createHash('sha256').update(bytes).digest('hex').slice(0, 16)).toBe('a546133a20d52f56');
    expect(bytes.toString('utf8', 0, 59)).toBe('{"format":"shadow-exec-replay","version":1,"venue":"bybit",');
  });
});

describe.runIf(existsSync(join(ROOT, 'dist/bench/replay-file-child.js')))('measureReplayFile', () => {
  it('replays a 16 MiB file with the run command in a child limited to a 24 MB heap', () => {
    const figures = measureReplayFile(16, { root: ROOT, nodeArgs: ['--max-old-space-size=24'] });
    expect([figures.exitCode, figures.error, figures.records]).toEqual([0, null, 35_491]);
    expect(figures.peakRssMb).toBeGreaterThan(0);
    expect(formatReplayFile(figures)).toContain('35,491 records');
  });
});
