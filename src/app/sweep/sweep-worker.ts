// The sweep's worker-thread entry (piscina loads it by file name: dist/bundle/worker/sweep-worker.js, or dist/src/app/sweep/sweep-worker.js unbundled): a task checks a cell or runs it at one seed.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { ToolInfo } from '../compose.js';
import { checkCell, runCell, type CellInput, type CellRunResult } from './run-cell.js';

/** A task as posted to the worker (structured-cloned: plain data only). */
export type SweepWorkerTask =
  | { readonly kind: 'check'; readonly cell: CellInput }
  | { readonly kind: 'run'; readonly cell: CellInput; readonly metrics: readonly string[]; readonly tool: ToolInfo };

/** A run's result, a check's seed, or what either threw as plain data (a thrown error crosses the thread boundary without its code). */
export type SweepWorkerResult =
  | ({ readonly kind: 'run' } & CellRunResult)
  | { readonly kind: 'check'; readonly seed: number }
  | { readonly kind: 'error'; readonly code: string; readonly message: string; readonly advice: string; readonly retryable: boolean };

export default async function sweepWorker(task: SweepWorkerTask): Promise<SweepWorkerResult> {
  try {
    if (task.kind === 'check') return { kind: 'check', seed: await checkCell(task.cell) };
    return { kind: 'run', ...(await runCell(task.cell, task.metrics, task.tool)) };
  } catch (error) {
    if (error instanceof ShadowExecError) return { kind: 'error', code: error.code, message: error.message, advice: error.advice, retryable: error.retryable };
    return { kind: 'error', code: 'E_INVARIANT', message: `unexpected failure in a sweep worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, advice: 'a bug: please report it', retryable: false };
  }
}
