// RecordProgress: an ora spinner on stderr showing a recording's frames, bytes and elapsed time, only on a TTY.
import type { Ora } from 'ora';
import type { RecordStats } from '../feeds/live/live-recorder.js';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(2)} MB`;
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

export class RecordProgress {
  private spinner: Ora | null = null;
  /** ora, loaded only when a spinner may show (a TTY): a run without one never compiles it. */
  private ora: typeof import('ora').default | null = null;

  constructor(private readonly enabled: boolean) {
    if (enabled) void import('ora').then((m) => (this.ora = m.default));
  }

  update(stats: RecordStats): void {
    if (!this.enabled || this.ora === null) return;
    const text = `recording: ${stats.frames.toLocaleString('en-US')} frames, ${stats.restRecords} snapshots, ${megabytes(stats.bytes)}, ${clock(stats.elapsedMs)} elapsed`;
    if (this.spinner === null) this.spinner = this.ora({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
