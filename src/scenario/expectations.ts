// Evaluates a rehearsal's expectations against what the run recorded and its final report: pass or fail, with the observed value.
import { Decimal } from '../core/money/decimal.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { canonicalJsonLine } from '../core/report/canonical-json.js';
import type { Expectation } from './scenario.js';

/** What the run recorded that expectations need (times are virtual ms after the run start). */
export interface RunObservations {
  readonly freezes: readonly { readonly reason: string; readonly atMs: number }[];
  readonly unfreezes: readonly { readonly atMs: number }[];
  readonly circuitOpenings: readonly number[];
  readonly ordersPlacedAt: readonly number[];
  /** open_orders probes: atMs → open orders counted just before the events of that time. */
  readonly openOrdersAt: ReadonlyMap<number, number>;
}

export interface ExpectationResult {
  readonly index: number;
  readonly type: Expectation['type'];
  readonly expected: JsonValue;
  readonly observed: JsonValue;
  readonly passed: boolean;
}

function seconds(ms: number): string {
  return `${new Decimal(ms).div(1000).toFixed()}s`;
}

/** Dot path into the report; numeric segments index arrays. undefined when absent. */
export function reportValue(report: JsonValue, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = report;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : (node as Record<string, JsonValue>)[segment];
    if (node === undefined) return undefined;
  }
  return node;
}

export function evaluateExpectations(expectations: readonly Expectation[], seen: RunObservations, report: JsonValue): ExpectationResult[] {
  return expectations.map((e, index): ExpectationResult => {
    switch (e.type) {
      case 'frozen_by': {
        const first = seen.freezes.find((f) => f.reason === e.reason);
        return {
          index,
          type: e.type,
          expected: `frozen with ${e.reason} by ${seconds(e.atMs)}`,
          observed: first === undefined ? `no ${e.reason} freeze (freezes: ${seen.freezes.map((f) => `${f.reason}@${seconds(f.atMs)}`).join(', ') || 'none'})` : `${e.reason} at ${seconds(first.atMs)}`,
          passed: first !== undefined && first.atMs <= e.atMs,
        };
      }
      case 'unfrozen_by': {
        const first = seen.unfreezes[0];
        return { index, type: e.type, expected: `unfrozen by ${seconds(e.atMs)}`, observed: first === undefined ? 'never unfrozen' : `unfrozen at ${seconds(first.atMs)}`, passed: first !== undefined && first.atMs <= e.atMs };
      }
      case 'circuit_open_by': {
        const first = seen.circuitOpenings[0];
        return { index, type: e.type, expected: `circuit open by ${seconds(e.atMs)}`, observed: first === undefined ? 'circuit never opened' : `opened at ${seconds(first)}`, passed: first !== undefined && first <= e.atMs };
      }
      case 'open_orders': {
        const observed = seen.openOrdersAt.get(e.atMs) ?? null;
        return { index, type: e.type, expected: `${e.equals} open orders at ${seconds(e.atMs)}`, observed, passed: observed === e.equals };
      }
      case 'no_orders_between': {
        const inside = seen.ordersPlacedAt.filter((t) => t >= e.fromMs && t <= e.toMs);
        return {
          index,
          type: e.type,
          expected: `no order placed between ${seconds(e.fromMs)} and ${seconds(e.toMs)}`,
          observed: inside.length === 0 ? 'none placed' : `${inside.length} placed, first at ${seconds(inside[0]!)}`,
          passed: inside.length === 0,
        };
      }
      case 'report': {
        const value = reportValue(report, e.path);
        const observed = value === undefined ? null : value;
        if ('equals' in e) {
          const passed = value !== undefined && canonicalJsonLine(value) === canonicalJsonLine(e.equals);
          return { index, type: e.type, expected: { path: e.path, equals: e.equals }, observed, passed };
        }
        const numeric = typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? new Decimal(value) : null;
        const passed = numeric !== null && (e.min === null || numeric.gte(e.min)) && (e.max === null || numeric.lte(e.max));
        return { index, type: e.type, expected: { path: e.path, min: e.min, max: e.max }, observed, passed };
      }
    }
  });
}
