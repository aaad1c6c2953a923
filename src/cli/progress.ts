// Progress: an ora spinner on stderr (updates, rate, ETA or time left), only on a TTY and only once a run has taken longer than a moment.
import type { Ora } from 'ora';
import { progressText } from './progress-text.js';

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
    /** A live run's --duration, wall ms: the line counts down to it. */
    private readonly liveDurationMs: number | null = null,
  ) {
    if (enabled) void import('ora').then((m) => (this.ora = m.default));
  }

  update(marketUpdates: number): void {
    if (!this.enabled) return;
    if (this.spinner === null && (this.ora === null || performance.now() - this.startedAt < SHOW_AFTER_MS)) return;
    const text = progressText({ updates: marketUpdates, total: this.totalUpdates, elapsedMs: performance.now() - this.startedAt, liveDurationMs: this.liveDurationMs });
    if (this.spinner === null) this.spinner = this.ora!({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
