// The sweep's worker-thread entry (piscina loads it by file name: dist/bundle/sweep-worker.js, or dist/src/app/sweep/sweep-worker.js unbundled): one task is one run.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import type { ToolInfo } from '../compose.js';
import type { RunInput } from '../config/run-input.js';
import { runCell, type CellRunResult } from './run-cell.js';

/** A task as posted to the worker (structured-cloned: plain data only). */
export interface SweepWorkerTask {
  readonly input: RunInput;
  readonly metrics: readonly string[];
  readonly tool: ToolInfo;
}

/** A run that threw: its error as plain data (a thrown error crosses the thread boundary without its code). */
export interface SweepWorkerFailure {
  readonly error: { readonly code: string; readonly message: string; readonly advice: string; readonly retryable: boolean };
}

export default async function sweepWorker(task: SweepWorkerTask): Promise<CellRunResult | SweepWorkerFailure> {
  try {
    return await runCell(task.input, task.metrics, task.tool);
  } catch (error) {
    if (error instanceof ShadowExecError) return { error: { code: error.code, message: error.message, advice: error.advice, retryable: error.retryable } };
    return { error: { code: 'E_UNEXPECTED', message: error instanceof Error ? (error.stack ?? error.message) : String(error), advice: 'a bug: please report it', retryable: false } };
  }
}
