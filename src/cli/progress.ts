// Progress: an ora spinner on stderr, only on a TTY and only once a run has taken longer than a moment.
import type { Ora } from 'ora';
import { groupDigits } from '../core/text/group-digits.js';

/** A run shorter than this (wall ms) never shows a spinner. */
const SHOW_AFTER_MS = 300;

export class Progress {
  private spinner: Ora | null = null;
  /** ora, loaded only when a spinner may show (a TTY): a run without one never compiles it. */
  private ora: typeof import('ora').default | null = null;
  private readonly startedAt = performance.now();

  constructor(
    private readonly enabled: boolean,
    private readonly totalUpdates: number | null,
  ) {
    if (enabled) void import('ora').then((m) => (this.ora = m.default));
  }

  update(marketUpdates: number): void {
    if (!this.enabled) return;
    if (this.spinner === null && (this.ora === null || performance.now() - this.startedAt < SHOW_AFTER_MS)) return;
    const pct = this.totalUpdates ? ` (${Math.floor((marketUpdates / this.totalUpdates) * 100)}%)` : '';
    const text = `shadow run: ${groupDigits(marketUpdates)} market updates${pct}`;
    if (this.spinner === null) this.spinner = this.ora!({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
