// Options with a text format of their own: --start, --symbols, --duration, --unfreeze, --feed and the per-symbol "SYM=V,…" lists.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { formatUnfreezePolicy, parseUnfreezePolicy } from '../../core/risk/unfreeze-policy.js';
import type { FeedKind } from './feed-config.js';
import { bad, decimalOf, defaultText, rangeOf } from './option-values.js';
import { RUN_OPTION_SPECS, type RunOptionKey } from './run-option-specs.js';

const ISO_8601_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** --start → ISO-8601 UTC with milliseconds; an impossible date is refused, not rolled forward. */
export function isoStart(raw: string | undefined): string {
  const text = (raw ?? defaultText('start')).trim();
  const allowed = rangeOf('start', 'format').text;
  const parts = ISO_8601_PARTS.exec(text);
  if (parts === null) throw bad('--start', text, allowed);
  const [y, mo, d, h, mi, sec] = parts.slice(1, 7).map((p) => Number(p ?? '0')) as [number, number, number, number, number, number];
  // Date.parse rolls impossible dates forward (2025-02-30 → 2025-03-02); rebuild the fields and compare.
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  const exists =
    check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && check.getUTCHours() === h && check.getUTCMinutes() === mi && check.getUTCSeconds() === sec;
  const ms = Date.parse(text);
  if (!exists || !Number.isFinite(ms) || ms < 0) throw bad('--start', text, allowed);
  return new Date(ms).toISOString();
}

/** --symbols → upper-case symbols in the order given, each once. */
export function symbolList(raw: string | undefined): string[] {
  const text = raw ?? defaultText('symbols');
  const symbols = text.split(',').map((s) => s.trim().toUpperCase());
  if (symbols.some((s) => s === '')) throw bad('--symbols', text, rangeOf('symbols', 'format').text);
  const duplicate = symbols.find((s, i) => symbols.indexOf(s) !== i);
  if (duplicate !== undefined) throw new UsageError(`--symbols '${text}' names ${duplicate} twice: list each symbol once`);
  return symbols;
}

const DURATION = /^(\d+)(ms|s|m|h)$/;
const DURATION_UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** --duration 500ms | 30s | 10m | 2h → ms (virtual; wall clock on a live feed; at most 30 days). */
export function durationOption(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const match = DURATION.exec(raw.trim());
  const ms = match === null ? NaN : Number(match[1]) * DURATION_UNIT_MS[match[2]!]!;
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms > 30 * 86_400_000) throw bad('--duration', raw, rangeOf('duration', 'format').text);
  return ms;
}

/** --series 250ms | 1s | 1m → virtual ms between samples (1 ms to 1 day). */
export function seriesOption(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const match = DURATION.exec(raw.trim());
  const ms = match === null ? NaN : Number(match[1]) * DURATION_UNIT_MS[match[2]!]!;
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms > 86_400_000) throw bad('--series', raw, rangeOf('series', 'format').text);
  return ms;
}

/** --unfreeze manual | auto:<ms>. */
export function unfreezeOption(raw: string | undefined): string {
  const text = (raw ?? defaultText('unfreeze')).trim().toLowerCase();
  try {
    return formatUnfreezePolicy(parseUnfreezePolicy(text));
  } catch {
    throw bad('--unfreeze', text, rangeOf('unfreeze', 'format').text);
  }
}

/** An import source's name before the colon of --feed SOURCE:DIR_OR_GLOB (checked against the sources when the run is composed). */
const IMPORT_FEED = /^([a-z][a-z0-9-]{0,39}):(.+)$/;

/**
 * --feed synthetic | replay:FILE | SOURCE:DIR_OR_GLOB | live (files are read when the run is composed); `file` is
 * the replay file or the import pattern, `source` the import source's name.
 */
export function feedOption(raw: string | undefined): { kind: FeedKind; replayFile: string | null; source: string | null } {
  const text = (raw ?? defaultText('feed')).trim();
  const kind = text.toLowerCase();
  if (kind === 'synthetic') return { kind: 'synthetic', replayFile: null, source: null };
  if (kind.startsWith('replay:') && text.length > 'replay:'.length) return { kind: 'replay', replayFile: text.slice('replay:'.length), source: null };
  if (kind === 'live') return { kind: 'live', replayFile: null, source: null };
  const imported = IMPORT_FEED.exec(text);
  if (imported !== null) return { kind: 'import', replayFile: imported[2]!, source: imported[1]! };
  throw bad('--feed', text, rangeOf('feed', 'format').text);
}

function missingText(flag: string, missing: readonly string[]): UsageError {
  return new UsageError(`${flag} must give ${missing.join(', ')} a value: there is no built-in default for ${missing.length === 1 ? 'it' : 'them'}`);
}

/** "SYM=V,SYM=V" (or, when `allowScalar`, one value for every symbol) → per-symbol decimal strings, defaults filled in. */
export function perSymbol(key: RunOptionKey, raw: string | undefined, symbols: readonly string[], fallback: (symbol: string) => string | null, allowScalar: boolean): Record<string, string> {
  const flag = RUN_OPTION_SPECS[key].flag;
  const out: Record<string, string> = {};
  for (const symbol of symbols) {
    const value = fallback(symbol);
    if (value !== null) out[symbol] = decimalOf(key, value);
  }
  const missing = (): string[] => symbols.filter((s) => out[s] === undefined);
  if (raw === undefined) {
    if (missing().length > 0) throw missingText(flag, missing());
    return out;
  }
  const text = raw.trim();
  if (allowScalar && !text.includes('=')) {
    const value = decimalOf(key, text);
    for (const symbol of symbols) out[symbol] = value;
    return out;
  }
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const [name, value, ...rest] = part.split('=');
    const symbol = (name ?? '').trim().toUpperCase();
    if (value === undefined || rest.length > 0 || symbol === '') {
      throw bad(flag, raw, `SYMBOL=VALUE pairs separated by commas${allowScalar ? ', or one value for every symbol' : ''}`);
    }
    if (!symbols.includes(symbol)) throw new UsageError(`${flag} names ${symbol}, which is not in --symbols (${symbols.join(', ')})`);
    if (seen.has(symbol)) throw new UsageError(`${flag} '${raw}' names ${symbol} twice: give each symbol once`);
    seen.add(symbol);
    out[symbol] = decimalOf(key, value, `${flag} ${symbol}`);
  }
  if (missing().length > 0) throw missingText(flag, missing());
  return out;
}
