// End-to-end writes to a full disk (/dev/full answers every write with ENOSPC): report on stdout, request journal, recording — each error printed once, with its code and the same advice.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCliInProcess } from '../helpers/cli.js';

const FULL = '/dev/full';
const NO_SPACE = 'no space left on the device (ENOSPC)';
const ADVICE = 'retry will not help until space is freed';
const NO_KEYS = { BYBIT_API_KEY: '', BYBIT_API_SECRET: '', BYBIT_API_KEY_DEV: '', BYBIT_API_SECRET_DEV: '' };

describe.skipIf(!existsSync(FULL))('writes to a full disk', () => {
  it('the request journal: E_JOURNAL_WRITE, printed once, "retry will not help until space is freed"', async () => {
    const r = await runCliInProcess(['run', '--exchange', 'bybit', '--mode', 'dryrun', '--journal', FULL, '--iterations', '50', '--quiet'], { env: NO_KEYS });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot write the request journal ${FULL}: ${NO_SPACE}\n(code E_JOURNAL_WRITE; ${ADVICE})\n`);
  });

  it('a recording: E_RECORD_WRITE with the same advice', async () => {
    const r = await runCliInProcess(['record', '--exchange', 'bybit', '--symbols', 'BTCUSDT', '--ws-url', 'ws://127.0.0.1:9', '--duration', '1s', '--out', FULL, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "warning: --ws-url host '127.0.0.1' is not one of the venue's public hosts (stream.bybit.com): the market data comes from whoever runs it\n" +
        `error: cannot write the recording '${FULL}': ${NO_SPACE}\n(code E_RECORD_WRITE; ${ADVICE})\n`,
    );
  });

  it('the report on stdout (spawned: the process stdout itself is full): E_REPORT_WRITE printed once', async () => {
    const fd = openSync(FULL, 'w');
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'run', '--iterations', '3', '--quiet'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] });
        let stderr = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: cannot write the report to stdout: ${NO_SPACE}\n(code E_REPORT_WRITE; ${ADVICE})\n`);
    } finally {
      closeSync(fd);
    }
  });
});
