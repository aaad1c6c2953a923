// main's error mapping (which failures exit 1, 2 or 0, never a stack for bad input) and its stop-signal watch (graceful first signal, immediate second).
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, watchInterrupts, type SignalHost } from '../../src/cli/main.js';
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

describe('watchInterrupts', () => {
  type Handler = (signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP') => void;
  function host(): { host: SignalHost; handlers: Map<string, Handler>; stderr: string[]; exits: number[] } {
    const handlers = new Map<string, Handler>();
    const stderr: string[] = [];
    const exits: number[] = [];
    return {
      handlers,
      stderr,
      exits,
      host: {
        on: (signal, handler) => handlers.set(signal, handler),
        off: (signal) => handlers.delete(signal),
        writeStderr: (text) => void stderr.push(text),
        exit: ((code: number) => {
          exits.push(code);
        }) as SignalHost['exit'],
      },
    };
  }

  it('listens to SIGINT, SIGTERM and SIGHUP; the first requests a graceful stop with 128 + its number', () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const h = host();
      let notices = 0;
      const watch = watchInterrupts(() => notices++, 'writing the report', h.host);
      expect([...h.handlers.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
      expect(watch.requested()).toBe(false);
      h.handlers.get(signal)!(signal);
      expect({ requested: watch.requested(), code: watch.exitCode(), notices, exits: h.exits, stderr: h.stderr }).toEqual({ requested: true, code, notices: 1, exits: [], stderr: [] });
      watch.dispose();
      expect(h.handlers.size).toBe(0);
    }
  });

  it('a second signal exits at once with its own code and says on stderr what it leaves undone', () => {
    const h = host();
    watchInterrupts(() => undefined, 'cancelling open orders and without writing the report (no partial document is written)', h.host);
    h.handlers.get('SIGINT')!('SIGINT');
    h.handlers.get('SIGTERM')!('SIGTERM');
    expect(h.exits).toEqual([143]);
    expect(h.stderr).toEqual(['\nSIGTERM again: exiting at once without cancelling open orders and without writing the report (no partial document is written)\n']);
  });
});
