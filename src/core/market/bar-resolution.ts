// Bar resolutions: "1s" / "5m" / "1h" / "1d" strings to milliseconds and back.
import { ShadowExecError } from '../errors/shadow-exec-error.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PATTERN = /^([1-9][0-9]{0,8})([smhd])$/;

/** "1s" → 1000, "15m" → 900000, "1h" → 3600000, "1d" → 86400000. Throws E_CONFIG on anything else. */
export function parseResolution(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (match === null) {
    throw new ShadowExecError('E_CONFIG', `bar resolution '${text}' is not allowed: expected <count><s|m|h|d>, e.g. 1s, 1m, 5m, 15m, 1h`);
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!Number.isSafeInteger(ms)) throw new ShadowExecError('E_CONFIG', `bar resolution '${text}' is too long`);
  return ms;
}

/** "1s,1m,5m" → [1000, 60000, 300000], ascending; a repeated resolution ("60s,1m") is refused. */
export function parseResolutionList(text: string): number[] {
  const list = text.split(',').map((part) => parseResolution(part));
  const sorted = [...list].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new ShadowExecError('E_CONFIG', `bar resolutions '${text}' name ${formatResolution(sorted[i] as number)} twice: give each once`);
    }
  }
  return sorted;
}

/** 60000 → "1m", 90000 → "90s", 1500 → "1500ms": the largest unit that divides exactly. */
export function formatResolution(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
