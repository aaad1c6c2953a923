// --help of every command: numbers shown as numbers, required inputs marked, replay and live described, every seeded stream named, examples on paths that exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMANDS: readonly (readonly string[])[] = [[], ['run'], ['record'], ['sign'], ['rehearse'], ['golden'], ['golden', 'check']];

async function help(command: readonly string[]): Promise<string> {
  let out = '';
  const sink = new Writable({ write: (chunk, _e, done) => ((out += String(chunk)), done()) });
  const code = await runCli([...command, '--help'], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' } });
  expect(code).toBe(0);
  return out;
}

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(top level)', c] as const))('%s prints no numeric default as a quoted string', async (_name, command) => {
    const text = await help(command);
    expect(text).toContain('Usage: shadow-exec');
    expect(text).not.toMatch(/\(default: "[-\d.]/);
  });

  it('prints run defaults as bare numbers', async () => {
    const text = (await help(['run'])).replace(/\s+/g, ' ');
    expect(text).toContain('market updates per symbol (default: 1000)');
    expect(text).toContain('same report bytes (default: 42)');
    expect(text).toContain('(default: "fake")');
  });

  it('the top level and run describe the synthetic, replay and live feeds', async () => {
    for (const command of [[], ['run']]) {
      const text = (await help(command)).replace(/\s+/g, ' ');
      expect(text).toContain('seeded synthetic market');
      expect(text).toContain('replay file');
      expect(text).toContain('live public market data');
    }
  });

  it('marks the required options of record and the required argument of rehearse', async () => {
    const record = (await help(['record'])).replace(/\s+/g, ' ');
    expect(record).toContain('--exchange <name> required: binance, bybit, hyperliquid or ccxt:<id>');
    expect(record).toContain('--symbols <list> required:');
    expect(record).toContain('--out <file> required:');
    expect((await help(['rehearse'])).replace(/\s+/g, ' ')).toContain('scenario required unless --list');
  });

  it('--seed names every random stream the run forks', async () => {
    const text = (await help(['run'])).replace(/\s+/g, ' ');
    for (const stream of ['market/<symbol>', 'fills', 'latency', 'ws', 'rehearsal']) expect(text).toContain(`${stream} (`);
  });

  it('every example reads only files that exist in the repository or that an earlier example writes', async () => {
    const created = new Set<string>();
    const checked: string[] = [];
    for (const command of COMMANDS) {
      const text = (await help(command)).replace(/\\\n\s+/g, ' ');
      for (const line of text.split('\n').filter((l) => l.trim().startsWith('$ '))) {
        const words = line.trim().split(/\s+/);
        words.forEach((word, i) => {
          const next = words[i + 1] ?? '';
          if (word === '--out' || word === '--journal') created.add(next);
          const read = word === '--instruments' || word === '--secrets' || word === '--config' || word === '--control' ? next : word.startsWith('replay:') ? word.slice('replay:'.length) : words[2] === 'rehearse' && i === 3 && word.endsWith('.json') ? word : null;
          if (read !== null) {
            checked.push(read);
            expect(existsSync(join(ROOT, read)) || created.has(read), `${line.trim()}: ${read} exists or is written by an earlier example`).toBe(true);
          }
        });
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['test/fixtures/replay/binance-spot-2021-10-11.jsonl', 'btc.jsonl', 'scenarios/clock-skew.json']));
  });
});
