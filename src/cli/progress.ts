// Progress: an ora spinner on stderr (updates, rate, ETA or time left), only on a TTY and only once a run has taken longer than a moment.
import ora, { type Ora } from 'ora';
import { progressText } from './progress-text.js';

/** A run shorter than this (wall ms) never shows a spinner. */
const SHOW_AFTER_MS = 300;

export class Progress {
  private spinner: Ora | null = null;
  private readonly startedAt = performance.now();

  constructor(
    private readonly enabled: boolean,
    private readonly totalUpdates: number | null,
    /** A live run's --duration, wall ms: the line counts down to it. */
    private readonly liveDurationMs: number | null = null,
  ) {}

  update(marketUpdates: number): void {
    if (!this.enabled) return;
    if (this.spinner === null && performance.now() - this.startedAt < SHOW_AFTER_MS) return;
    const text = progressText({ updates: marketUpdates, total: this.totalUpdates, elapsedMs: performance.now() - this.startedAt, liveDurationMs: this.liveDurationMs });
    if (this.spinner === null) this.spinner = ora({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
