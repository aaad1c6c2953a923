// Covers readReplayFile: a valid file decodes whole; an unreadable path is a UsageError naming it; a malformed file is E_REPLAY_FORMAT with the line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReplayFile } from '../../../src/feeds/replay/read-replay-file.js';
import { BINANCE_SPOT_HEADER, frame, replayText } from '../../helpers/replay-frames.js';
import { thrown } from '../../helpers/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'read-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readReplayFile', () => {
  it('decodes the header and every record of a file', () => {
    const path = join(dir, 'ok.jsonl');
    writeFileSync(path, replayText(BINANCE_SPOT_HEADER, [frame(5, '{}'), frame(6, 'x')]));
    expect(readReplayFile(path)).toEqual({ header: BINANCE_SPOT_HEADER, records: [frame(5, '{}'), frame(6, 'x')] });
  });

  it('refuses a missing file or a directory as bad usage, naming the path and the reason', () => {
    expect(thrown(() => readReplayFile(join(dir, 'missing.jsonl')))).toEqual({ name: 'UsageError', code: 'E_USAGE', message: `replay file '${join(dir, 'missing.jsonl')}' cannot be read (ENOENT)` });
    expect(thrown(() => readReplayFile(dir)).message).toBe(`replay file '${dir}' cannot be read (EISDIR)`);
  });

  it('reports the line of a malformed record', () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify(BINANCE_SPOT_HEADER)}\n{"t":5,"frame":"{}"}\n{"t":4,"frame":"{}"}\n`);
    expect(thrown(() => readReplayFile(path))).toEqual({ name: 'ShadowExecError', code: 'E_REPLAY_FORMAT', message: `replay line 3: "t" 4 is before the previous record's 5` });
  });
});
