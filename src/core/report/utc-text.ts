// UtcText: virtual ms as ISO-8601 UTC text ("2025-01-01T00:00:02.000Z"), the same as isoUtc, with the date part made once per day — the --series writer formats one per record.

const DAY_MS = 86_400_000;
/** Beyond ±8.64e15 ms a Date is invalid: isoUtc itself answers (a RangeError). */
const MAX_MS = 8.64e15;

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function three(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`;
}

export class UtcText {
  private day = Number.NaN;
  /** The day's "YYYY-MM-DDT" (or "+YYYYYY-MM-DDT"). */
  private prefix = '';
  private lastMs = Number.NaN;
  private last = '';

  /** new Date(ms).toISOString() for an integer `ms`. */
  of(ms: number): string {
    if (ms === this.lastMs) return this.last;
    if (!Number.isInteger(ms) || Math.abs(ms) > MAX_MS) return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.day) {
      const iso = new Date(day * DAY_MS).toISOString();
      this.prefix = iso.slice(0, iso.indexOf('T') + 1);
      this.day = day;
    }
    let rest = ms - day * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const sec = rest % 60;
    rest = (rest - sec) / 60;
    const min = rest % 60;
    this.last = `${this.prefix}${two((rest - min) / 60)}:${two(min)}:${two(sec)}.${three(milli)}Z`;
    this.lastMs = ms;
    return this.last;
  }
}
