// The spinner's line for a run: updates so far, their rate, and what is left (ETA from the rate, or time left of a live --duration).

/** What the progress line is made of; times are wall-clock ms. */
export interface ProgressFigures {
  readonly updates: number;
  /** Updates the feed will deliver in all (synthetic), or null when open-ended (replay, live). */
  readonly total: number | null;
  /** Wall ms since the run started (> 0 for a rate). */
  readonly elapsedMs: number;
  /** Live runs: --duration in wall ms, or null. */
  readonly liveDurationMs: number | null;
}

/** h:mm:ss, or m:ss under an hour; whole seconds, rounded up so a countdown never shows 0:00 before the end. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function progressText(f: ProgressFigures): string {
  const count = f.updates.toLocaleString('en-US');
  const rate = f.elapsedMs > 0 ? (f.updates * 1000) / f.elapsedMs : 0;
  const rateText = `${Math.round(rate).toLocaleString('en-US')} updates/s`;
  if (f.liveDurationMs !== null) return `live run: ${count} market updates · ${rateText} · ${clockText(f.liveDurationMs - f.elapsedMs)} left of ${clockText(f.liveDurationMs)}`;
  if (f.total === null || f.total <= 0) return `shadow run: ${count} market updates · ${rateText}`;
  const pct = Math.min(100, Math.floor((f.updates / f.total) * 100));
  const eta = rate > 0 ? ` · ETA ${clockText(((f.total - f.updates) * 1000) / rate)}` : '';
  return `shadow run: ${count} of ${f.total.toLocaleString('en-US')} market updates (${pct}%) · ${rateText}${eta}`;
}
