// End-to-end operator control of a running session: SIGUSR1 freezes and SIGUSR2 unfreezes; lines appended to --control do the same; each is recorded with its source. The sessions run in a child process (signals end them); the refusal in process.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-control-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A run long enough to be steered (it is interrupted at the end of each test). */
const LONG = ['run', '--iterations', '50000000'];

describe('operator control of a running session', () => {
  it('freezes on SIGUSR1, unfreezes on SIGUSR2, and records both with source signal', async () => {
    let step = 0;
    const result = await runCli(LONG, {
      timeoutMs: 90_000,
      onStderr: (child, err) => {
        if (step === 0 && err.includes('shadow run started')) {
          step = 1;
          child.kill('SIGUSR1');
        } else if (step === 1 && err.includes('control: freeze (signal)')) {
          step = 2;
          child.kill('SIGUSR2');
        } else if (step === 2 && err.includes('control: unfreeze (signal)')) {
          step = 3;
          child.kill('SIGINT');
        }
      },
    });
    expect(step).toBe(3);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/control: freeze \(signal\) at \S+Z: frozen, every order cancelled/);
    expect(result.stderr).toMatch(/control: unfreeze \(signal\) at \S+Z: active, quoting/);
    const report = JSON.parse(result.stdout);
    expect(report.risk.manual_actions.map((a: { action: string; source: string; applied: boolean }) => [a.action, a.source, a.applied])).toEqual([
      ['freeze', 'signal', true],
      ['unfreeze', 'signal', true],
    ]);
    expect(report.risk.freezes[0]).toMatchObject({ reason: 'MANUAL', source: 'signal' });
    expect(report.risk.unfreeze_events[0]).toMatchObject({ reason: 'MANUAL', source: 'signal' });
    expect(report.orders.open_at_end).toBe(0);
  });

  it('applies freeze and unfreeze lines appended to the --control file, and reports a line it does not know', async () => {
    const file = join(tmp, 'control');
    writeFileSync(file, '# operator control\nfreeze\n'); // lines already there when the run starts do not count
    let step = 0;
    const result = await runCli([...LONG, '--control', file], {
      timeoutMs: 90_000,
      onStderr: (child, err) => {
        if (step === 0 && err.includes('shadow run started')) {
          step = 1;
          appendFileSync(file, 'pause\nfreeze\n');
        } else if (step === 1 && err.includes('control: freeze (control-file)')) {
          step = 2;
          appendFileSync(file, 'unfreeze\n');
        } else if (step === 2 && err.includes('control: unfreeze (control-file)')) {
          step = 3;
          child.kill('SIGINT');
        }
      },
    });
    expect(step).toBe(3);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("control: ignored line 'pause'");
    const report = JSON.parse(result.stdout);
    expect(report.risk.manual_actions.map((a: { action: string; source: string }) => [a.action, a.source])).toEqual([
      ['freeze', 'control-file'],
      ['unfreeze', 'control-file'],
    ]);
  });

  it('refuses a --control path that is not a file', async () => {
    const r = await runCliInProcess(['run', '--control', join(tmp, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--control');
  });
});
