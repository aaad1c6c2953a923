// ImportProgress: the import's progress line on a TTY — rows, rows/s, the share of the input read and the ETA from bytes read / total bytes (compressed bytes for .gz/.zip) — redrawn at most every REDRAW_MS of an injected clock.
import type { ImportProgressUpdate } from '../feeds/import/import-run.js';
import { clockText } from './progress-text.js';

/** Least wall time between two redraws, ms. */
export const REDRAW_MS = 200;

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const mebibytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/**
 * "import tardis: 1,200,000 rows · 950,000 rows/s · 41% of 78.0 MiB · ETA 0:02". The ETA assumes the rest of the
 * bytes go at the rate so far; it is left out until a rate is known.
 */
export function importProgressText(source: string, p: ImportProgressUpdate, elapsedMs: number): string {
  const parts = [`import ${source}: ${count(p.rows)} rows`];
  if (elapsedMs > 0) parts.push(`${count((p.rows * 1000) / elapsedMs)} rows/s`);
  if (p.totalBytes > 0) {
    const share = Math.min(1, p.bytesRead / p.totalBytes);
    parts.push(`${Math.floor(share * 100)}% of ${mebibytes(p.totalBytes)}`);
    if (elapsedMs > 0 && p.bytesRead > 0) parts.push(`ETA ${clockText((elapsedMs * (p.totalBytes - Math.min(p.bytesRead, p.totalBytes))) / p.bytesRead)}`);
  }
  return parts.join(' · ');
}

export class ImportProgress {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;

  /** `write` puts text on the terminal; `nowMs` is a wall clock in ms (a virtual one in tests). */
  constructor(
    private readonly source: string,
    private readonly write: (text: string) => void,
    private readonly nowMs: () => number,
  ) {
    this.started = nowMs();
  }

  /** Redraws the line (carriage return, text, clear to its end) unless it was drawn less than REDRAW_MS ago. */
  update(p: ImportProgressUpdate): void {
    const now = this.nowMs();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.write(`\r${importProgressText(this.source, p, now - this.started)}\x1b[K`);
    this.shown = true;
  }

  /** Ends the line, so what follows starts on a line of its own. */
  end(): void {
    if (this.shown) this.write('\n');
    this.shown = false;
  }
}
