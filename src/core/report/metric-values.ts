// metricValues: the values at a list of report paths (a `*` step expands to every key or index there, in sorted order) — the figures a sweep keeps per run.
import type { JsonValue } from './canonical-json.js';
import { pathText, type PathSegment } from './json-path.js';

const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Path → value for each metric pattern, in pattern order then path order; a path without `*` that the report lacks
 * maps to null (the metric is still listed), a `*` over nothing adds no path.
 */
export function metricValues(report: JsonValue, patterns: readonly (readonly PathSegment[])[]): [string, JsonValue][] {
  const out: [string, JsonValue][] = [];
  const seen = new Set<string>();
  const add = (path: string, value: JsonValue): void => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push([path, value]);
  };
  const walk = (value: JsonValue | undefined, pattern: readonly PathSegment[], at: PathSegment[], wild: boolean): void => {
    if (at.length === pattern.length) {
      if (value !== undefined) add(pathText(at), value);
      else if (!wild) add(pathText(at), null);
      return;
    }
    const step = pattern[at.length]!;
    if (step !== '*') {
      const next = value === undefined || value === null || typeof value !== 'object' ? undefined : Array.isArray(value) ? (typeof step === 'number' ? value[step] : undefined) : typeof step === 'string' ? value[step] : undefined;
      walk(next, pattern, [...at, step], wild);
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, pattern, [...at, i], true));
    else if (value !== null && typeof value === 'object') for (const key of Object.keys(value).sort(byCodeUnits)) walk(value[key], pattern, [...at, key], true);
  };
  for (const pattern of patterns) walk(report, pattern, [], false);
  return out;
}
