// The progress line of a sweep on a terminal: a bar, runs done of all, their rate and the time left (wall-clock).
import { clockText } from './progress-text.js';

/** Width of the bar, characters. */
const BAR = 20;

/** `elapsedMs` wall ms since the first run started. */
export function sweepProgressText(done: number, total: number, workers: number, elapsedMs: number): string {
  const filled = total <= 0 ? BAR : Math.min(BAR, Math.floor((done / total) * BAR));
  const pct = total <= 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = done > 0 && rate > 0 ? ` · ETA ${clockText(((total - done) * 1000) / rate)}` : '';
  return `sweep [${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${done}/${total} runs (${pct}%) · ${workers} worker${workers === 1 ? '' : 's'} · ${rate.toFixed(1)} runs/s${eta}`;
}
