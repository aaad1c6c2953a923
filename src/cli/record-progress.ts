// RecordProgress: an ora spinner on stderr showing a recording's frames, bytes, elapsed time and time left of --duration, only on a TTY.
import ora, { type Ora } from 'ora';
import type { RecordStats } from '../feeds/live/live-recorder.js';
import { clockText } from './progress-text.js';

/** Elapsed time, and what is left of --duration when there is one. */
export function recordClock(elapsedMs: number, durationMs: number | null): string {
  return durationMs === null ? `${clockText(elapsedMs)} elapsed` : `${clockText(elapsedMs)} elapsed, ${clockText(durationMs - elapsedMs)} left of ${clockText(durationMs)}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(2)} MB`;
}


export class RecordProgress {
  private spinner: Ora | null = null;

  /** @param durationMs --duration, wall ms (null: until Ctrl-C): the line then counts down to it */
  constructor(
    private readonly enabled: boolean,
    private readonly durationMs: number | null = null,
  ) {}

  update(stats: RecordStats): void {
    if (!this.enabled) return;
    const text = `recording: ${stats.frames.toLocaleString('en-US')} frames, ${stats.restRecords} snapshots, ${megabytes(stats.bytes)}, ${recordClock(stats.elapsedMs, this.durationMs)}`;
    if (this.spinner === null) this.spinner = ora({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
