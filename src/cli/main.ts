// CLI entry: parses argv, runs the command, maps every outcome to an exit code. The only place that exits.
import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { EXIT, type CliContext, type InterruptWatch } from './cli-context.js';
import { readPackageInfo } from './package-info.js';
import { buildProgram } from './program.js';

/** Error codes that mean the user's input was wrong (exit 2), not that the run failed. */
const USAGE_CODES = new Set(['E_USAGE', 'E_CONFIG', 'E_UNKNOWN_SYMBOL', 'E_INVALID_DECIMAL', 'E_OFF_GRID', 'E_ORDER_OPTIONS', 'E_SECRETS', 'E_REPLAY_FORMAT', 'E_SCENARIO', 'E_RUN_CONFIG', 'E_IMPORT_FORMAT']);

/** Signals that stop a run gracefully; SIGHUP is a closed terminal, which must not lose the report. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Exit code after a graceful stop: 128 + the signal's number, as shells report it (SIGHUP 129, SIGINT 130, SIGTERM 143). */
const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup };

/** The parts of `process` a signal watch uses; a test passes its own. */
export interface SignalHost {
  on(signal: StopSignal, handler: (signal: StopSignal) => void): unknown;
  off(signal: StopSignal, handler: (signal: StopSignal) => void): unknown;
  /** Writes to stderr at once (synchronously: the process exits right after). */
  writeStderr(text: string): void;
  exit(code: number): never;
}

const PROCESS_HOST: SignalHost = {
  on: (signal, handler) => process.on(signal, handler),
  off: (signal, handler) => process.off(signal, handler),
  writeStderr: (text) => {
    try {
      writeSync(2, text);
    } catch {
      // stderr is gone (a closed terminal): nothing to tell.
    }
  },
  exit: (code) => process.exit(code),
};

/**
 * The first stop signal requests a graceful stop (`notice`); a second one exits at once with 128 + its number and
 * says what it abandons (`abandons`, e.g. "cancelling open orders and writing the report"). Reports are written with
 * one synchronous write, so this handler runs either before the first byte of the document or after the last: stdout
 * never carries part of a report.
 */
export function watchInterrupts(notice: () => void, abandons: string, host: SignalHost = PROCESS_HOST): InterruptWatch {
  let received: StopSignal | null = null;
  const handler = (signal: StopSignal): void => {
    if (received !== null) {
      host.writeStderr(`\n${signal} again: exiting at once without ${abandons}\n`);
      host.exit(SIGNAL_EXIT[signal]);
    }
    received = signal;
    notice();
  };
  for (const signal of STOP_SIGNALS) host.on(signal, handler);
  return {
    requested: () => received !== null,
    exitCode: () => SIGNAL_EXIT[received ?? 'SIGINT'],
    dispose: () => {
      for (const signal of STOP_SIGNALS) host.off(signal, handler);
    },
  };
}

/** What an in-process caller hands the CLI instead of the process: streams, environment, and optionally signals. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** @default false (no spinner) */
  readonly stderrIsTTY?: boolean;
  /** @default 0 (unknown width) */
  readonly stderrColumns?: number;
  /** @default a watch that never fires (no signal reaches an in-process run) */
  readonly onInterrupt?: CliContext['onInterrupt'];
  /** @default none (SIGUSR1/SIGUSR2 are not listened to) */
  readonly onControlSignal?: CliContext['onControlSignal'];
}

const NEVER_INTERRUPTED: CliContext['onInterrupt'] = () => ({ requested: () => false, exitCode: () => EXIT.interrupted, dispose: () => undefined });

/**
 * Runs one CLI invocation in this process and returns its exit code (never exits).
 * `args` are the user's arguments only (`['run', '--iterations', '3']`), without node and the script path.
 * Relative paths resolve against process.cwd().
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const ctx: CliContext = {
    tool: readPackageInfo(),
    stdout: io.stdout,
    stderr: io.stderr,
    stderrIsTTY: io.stderrIsTTY ?? false,
    stderrColumns: io.stderrColumns ?? 0,
    env: io.env,
    setExitCode: (code) => {
      exitCode = code;
    },
    onInterrupt: io.onInterrupt ?? NEVER_INTERRUPTED,
    ...(io.onControlSignal === undefined ? {} : { onControlSignal: io.onControlSignal }),
  };
  try {
    const program = await buildProgram(ctx, args);
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync(args as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, ctx.stderr);
  }
}

/** The process entry (bin/shadow-exec.js): `argv` is process.argv; wires the real streams, environment and signals. */
export async function main(argv: readonly string[]): Promise<number> {
  // A closed reader (`shadow-exec … | head`) or a full disk must not crash the process with an unhandled 'error'.
  // Nothing is printed here: the report sink that wrote reports the failure, once, with its code and advice.
  process.stdout.on('error', () => undefined);
  // A closed terminal (SIGHUP) makes stderr fail with EIO: the summary is lost, the run and its --out report are not.
  process.stderr.on('error', () => undefined);
  return runCli(argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns ?? 0,
    env: process.env,
    onInterrupt: (notice, abandons) => watchInterrupts(notice, abandons),
    onControlSignal: (handler) => {
      const freeze = (): void => handler('freeze');
      const unfreeze = (): void => handler('unfreeze');
      process.on('SIGUSR1', freeze);
      process.on('SIGUSR2', unfreeze);
      return () => {
        process.off('SIGUSR1', freeze);
        process.off('SIGUSR2', unfreeze);
      };
    },
  });
}

/** Prints what went wrong (never a stack for bad input) and returns the exit code for it. */
export function exitCodeFor(error: unknown, stderr: Pick<NodeJS.WritableStream, 'write'>): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (and help, where asked for).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ShadowExecError) {
    stderr.write(`error: ${error.message}\n`);
    if (USAGE_CODES.has(error.code)) return EXIT.usage;
    stderr.write(`(code ${error.code}; ${error.advice})\n`);
    return EXIT.failure;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`error: unexpected failure: ${message}\n`);
  return EXIT.failure;
}
