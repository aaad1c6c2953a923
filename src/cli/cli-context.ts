// CliContext: what commands get from the process (streams, env, signals) so that only main.ts touches `process` exit paths.
import type { Writable } from 'node:stream';
import type { PackageInfo } from './package-info.js';

/** Exit codes of every command; a graceful stop after a signal exits 128 + its number. */
export const EXIT = { ok: 0, failure: 1, usage: 2, hangup: 129, interrupted: 130, terminated: 143 } as const;

export interface InterruptWatch {
  /** True once Ctrl-C (SIGINT), SIGTERM or SIGHUP (the terminal closed) arrived. */
  readonly requested: () => boolean;
  /** 130 after SIGINT, 143 after SIGTERM, 129 after SIGHUP. */
  readonly exitCode: () => number;
  /** Stops watching (the next signal falls back to the default handling in main). */
  readonly dispose: () => void;
}

export interface CliContext {
  readonly tool: PackageInfo;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stderrIsTTY: boolean;
  /** Terminal width of stderr; 0 when unknown (a pseudo-terminal without a size gets no spinner). */
  readonly stderrColumns: number;
  readonly env: NodeJS.ProcessEnv;
  setExitCode(code: number): void;
  /**
   * Watches for a graceful-stop request; `notice` runs on the first signal. A second signal exits at once (128 + its
   * number), saying on stderr that it exits without `abandons` ("cancelling open orders and writing the report").
   */
  onInterrupt(notice: () => void, abandons: string): InterruptWatch;
  /** Operator control signals: SIGUSR1 → freeze, SIGUSR2 → unfreeze. Returns the function that stops listening. */
  onControlSignal?(handler: (action: 'freeze' | 'unfreeze') => void): () => void;
}
