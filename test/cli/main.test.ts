// main's error mapping: which failures exit 1, 2 or 0, and what they print (never a stack for bad input).
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/main.js';
import { ShadowExecError, UsageError } from '../../src/core/errors/shadow-exec-error.js';

function run(error: unknown): { code: number; text: string } {
  let text = '';
  const code = exitCodeFor(error, { write: (chunk: string | Uint8Array) => ((text += String(chunk)), true) });
  return { code, text };
}

describe('exitCodeFor', () => {
  it('maps bad input to exit 2 with the message only', () => {
    expect(run(new UsageError("--fill-rate '2' is not allowed"))).toEqual({ code: 2, text: "error: --fill-rate '2' is not allowed\n" });
    expect(run(new ShadowExecError('E_OFF_GRID', 'price off grid')).code).toBe(2);
  });

  it('maps a runtime failure to exit 1 and says whether retrying can help', () => {
    expect(run(new ShadowExecError('E_REPORT_WRITE', 'disk full', { retryable: true }))).toEqual({
      code: 1,
      text: 'error: disk full\n(code E_REPORT_WRITE; safe to retry)\n',
    });
    expect(run(new ShadowExecError('E_REPORT_WRITE', 'no folder')).text).toContain('retrying will not help');
  });

  it('prints the advice an error carries after its code', () => {
    expect(run(new ShadowExecError('E_JOURNAL_WRITE', 'cannot write x: no space left on the device (ENOSPC)', { advice: 'retry will not help until space is freed' })).text).toBe(
      'error: cannot write x: no space left on the device (ENOSPC)\n(code E_JOURNAL_WRITE; retry will not help until space is freed)\n',
    );
  });

  it('maps commander usage errors to 2 and help/version to 0 (commander has printed them already)', () => {
    expect(run(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({ code: 2, text: '' });
    expect(run(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).code).toBe(0);
    expect(run(new CommanderError(0, 'commander.version', '0.1.0')).code).toBe(0);
  });

  it('maps an unexpected error to exit 1 and prints its stack for the bug report', () => {
    const { code, text } = run(new TypeError('boom'));
    expect(code).toBe(1);
    expect(text).toMatch(/^error: unexpected failure: TypeError: boom\n\s+at /);
  });
});
