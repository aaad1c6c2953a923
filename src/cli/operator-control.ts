// OperatorControl: freeze/unfreeze a running session by signal (SIGUSR1 freezes, SIGUSR2 unfreezes) or by lines appended to a --control file.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ControlSource } from '../core/risk/risk-decision.js';
import { UsageError } from '../core/errors/shadow-exec-error.js';

export type ControlAction = 'freeze' | 'unfreeze';

/** What the control acts on: the execution loop's manual controls and its current virtual time. */
export interface ControlTarget {
  manualFreeze(source: ControlSource): void;
  manualUnfreeze(source: ControlSource): void;
  readonly frozenNow: () => boolean;
  readonly nowUtc: () => string;
}

/**
 * Actions are queued as they arrive (a signal handler, or new complete lines of the control file) and applied by
 * `poll()`, which the session calls between slices, so they act at the run's current virtual time. Control-file
 * lines: `freeze` or `unfreeze`; blank lines and `#` comments are skipped; anything else is reported and ignored.
 * The file is read from the size it had when the run started: only lines appended during the run count.
 */
export class OperatorControl {
  private readonly pending: { readonly action: ControlAction; readonly source: ControlSource }[] = [];
  private offset = 0;
  private partial = '';

  constructor(
    private readonly target: ControlTarget,
    private readonly controlFile: string | null,
    private readonly log: (line: string) => void,
  ) {
    if (controlFile !== null) {
      const where = statSync(controlFile, { throwIfNoEntry: false });
      if (where === undefined || !where.isFile()) throw new UsageError(`--control '${controlFile}': expected an existing file to which freeze/unfreeze lines are appended`);
      this.offset = where.size;
    }
  }

  /** From a signal handler: queue only (nothing else is safe there). */
  signal(action: ControlAction): void {
    this.pending.push({ action, source: 'signal' });
  }

  poll(): void {
    this.readFile();
    for (const { action, source } of this.pending.splice(0)) {
      if (action === 'freeze') this.target.manualFreeze(source);
      else this.target.manualUnfreeze(source);
      this.log(`control: ${action} (${source}) at ${this.target.nowUtc()}: ${this.target.frozenNow() ? 'frozen, every order cancelled' : 'active, quoting'}`);
    }
  }

  private readFile(): void {
    if (this.controlFile === null) return;
    const size = statSync(this.controlFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size <= this.offset) return;
    const fd = openSync(this.controlFile, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const text = this.partial + buffer.toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) continue;
        if (line === 'freeze' || line === 'unfreeze') this.pending.push({ action: line, source: 'control-file' });
        else this.log(`control: ignored line '${line}' in ${this.controlFile} (expected freeze or unfreeze)`);
      }
    } finally {
      closeSync(fd);
    }
  }
}
