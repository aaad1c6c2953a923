// CPU time of one synthetic run composed in-process (process.cpuUsage, user + system), for the bench's per-update cost figures.
import { composeRun } from '../src/app/compose.js';
import type { RunInput } from '../src/app/config/run-input.js';
import type { RunConfig } from '../src/app/config/run-config.js';
import { validateRunConfig } from '../src/app/config/validate-run-config.js';
import { runSession } from '../src/engine/run-session.js';

const TOOL = { name: 'shadow-exec', version: 'bench' };

/** One run's market updates and the CPU microseconds it took. */
export interface CpuRun {
  readonly updates: number;
  readonly cpuMicros: number;
}

/**
 * Runs `options` to the end in this process and returns its CPU time (not wall-clock: the machine may be shared).
 * `adjust` may rewrite the validated config first (the symbols bench gives it in-memory instruments).
 */
export async function cpuRun(options: RunInput, adjust: (config: RunConfig) => RunConfig = (c) => c): Promise<CpuRun> {
  const run = composeRun(adjust(validateRunConfig(options)), TOOL);
  const before = process.cpuUsage();
  await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 1 << 20, onProgress: () => undefined });
  const used = process.cpuUsage(before);
  return { updates: run.loop.counters.marketUpdates, cpuMicros: used.user + used.system };
}

/** The median of `values` (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A verdict line's tail: the target and whether the figure met it. */
export function verdict(target: string, met: boolean): string {
  return `target ${target}: ${met ? 'met' : 'NOT met'}`;
}
