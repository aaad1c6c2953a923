// fileIdentity: base name plus the SHA-256 of the bytes, hashed in chunks; the same recording at two paths gives the same report bytes.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from '../../src/app/file-identity.js';
import { runCli } from '../../src/cli/main.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/replay/bybit-linear-samples.jsonl', import.meta.url));
const NKN_REPLAY = fileURLToPath(new URL('../fixtures/replay/binance-spot-2021-10-11.jsonl', import.meta.url));
const NKN_INSTRUMENTS = fileURLToPath(new URL('../fixtures/replay/binance-spot-nknusdt-exchange-info.json', import.meta.url));
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'file-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(args: readonly string[]): Promise<string> {
  let stdout = '';
  const sink = (append: (t: string) => void): Writable => new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) });
  const code = await runCli(args, { stdout: sink((t) => (stdout += t)), stderr: sink(() => undefined), env: { NO_COLOR: '1' } });
  expect(code).toBe(0);
  return stdout;
}

describe('fileIdentity', () => {
  it('names the file by its base name and hashes every byte, across chunk boundaries', () => {
    const bytes = Buffer.alloc((1 << 20) * 2 + 12345, 0x61);
    bytes[1 << 20] = 0x62;
    const path = join(dir, 'big.jsonl');
    writeFileSync(path, bytes);
    expect(fileIdentity(path, '--feed replay:FILE')).toEqual({ file: 'big.jsonl', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('an unreadable path is one usage line naming the flag', () => {
    expect(() => fileIdentity(join(dir, 'missing.jsonl'), '--feed replay:FILE')).toThrow(`--feed replay:FILE '${join(dir, 'missing.jsonl')}' cannot be read: no such file or directory (ENOENT)`);
  });
});

describe('a replay run names its file by base name and SHA-256', () => {
  it('gives identical report bytes for the same recording at two paths', async () => {
    const a = join(dir, 'a', 'bybit.jsonl');
    const b = join(dir, 'b', 'deeper', 'bybit.jsonl');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    copyFileSync(FIXTURE, a);
    copyFileSync(FIXTURE, b);
    const first = await report(['run', '--exchange', 'bybit', '--feed', `replay:${a}`]);
    const second = await report(['run', '--exchange', 'bybit', '--feed', `replay:${b}`]);
    expect(second).toBe(first);
    const sha256 = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
    const parsed = JSON.parse(first) as { config: Record<string, unknown>; execution: Record<string, unknown>; model: { market: Record<string, unknown> } };
    expect(parsed.config['replay_file']).toEqual({ file: 'bybit.jsonl', sha256 });
    expect(parsed.execution['feed']).toBe('replay:bybit.jsonl');
    // --iterations counts synthetic updates only: a replay ends with its file.
    expect(parsed.execution['iterations']).toBeNull();
    expect(parsed.model.market['file']).toBe('bybit.jsonl');
    expect(parsed.model.market['sha256']).toBe(sha256);
    expect(first).not.toContain(dir);
  });

  it('names an --instruments file the same way, so replay and instruments can both move', async () => {
    const runIn = async (sub: string): Promise<string> => {
      mkdirSync(join(dir, sub));
      copyFileSync(NKN_REPLAY, join(dir, sub, 'capture.jsonl'));
      copyFileSync(NKN_INSTRUMENTS, join(dir, sub, 'nkn.json'));
      return report(['run', '--exchange', 'binance', '--instruments', join(dir, sub, 'nkn.json'), '--symbols', 'NKNUSDT', '--feed', `replay:${join(dir, sub, 'capture.jsonl')}`, '--spread-bps', '40']);
    };
    const first = await runIn('x');
    expect(await runIn('y')).toBe(first);
    const config = (JSON.parse(first) as { config: Record<string, unknown> }).config;
    expect(config['instruments_file']).toEqual({ file: 'nkn.json', sha256: sha(NKN_INSTRUMENTS) });
    expect(config['replay_file']).toEqual({ file: 'capture.jsonl', sha256: sha(NKN_REPLAY) });
    expect(first).toContain('"source": "--instruments nkn.json"');
    expect(first).not.toContain(dir);
  });
});
