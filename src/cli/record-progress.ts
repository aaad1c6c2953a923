// RecordProgress: an ora spinner on stderr showing a recording's frames, bytes and elapsed time, only on a TTY.
import ora, { type Ora } from 'ora';
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

  constructor(private readonly enabled: boolean) {}

  update(stats: RecordStats): void {
    if (!this.enabled) return;
    const text = `recording: ${stats.frames.toLocaleString('en-US')} frames, ${stats.restRecords} snapshots, ${megabytes(stats.bytes)}, ${clock(stats.elapsedMs)} elapsed`;
    if (this.spinner === null) this.spinner = ora({ stream: process.stderr, discardStdin: false, text }).start();
    else this.spinner.text = text;
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
