// runSweepTasks: a sweep's runs on a piscina pool of worker threads (each run a normal in-process run of the composition root, in its thread), results handed back as they finish.
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ShadowExecError, type ErrorCode } from '../core/errors/shadow-exec-error.js';
import type { SweepWorkerResult, SweepWorkerTask } from '../app/sweep/sweep-worker.js';
import { packagePath } from './package-info.js';
import { compileInWorkerThreads } from './sweep-thread-compiling.js';

/**
 * The worker entry: next to this code when it runs from the bundle (dist/bundle/worker/sweep-worker.js, built by
 * scripts/bundle.mjs), else the compiled tree's (dist/src/app/sweep/sweep-worker.js; also what tests of src/ use).
 */
export function sweepWorkerUrl(): string {
  const here = import.meta.url;
  const candidates = [
    ...(here.includes('/dist/bundle/') ? [new URL('./worker/sweep-worker.js', here).href] : []),
    ...(here.includes('/dist/src/') ? [new URL('../app/sweep/sweep-worker.js', here).href] : []),
    pathToFileURL(packagePath('dist/src/app/sweep/sweep-worker.js')).href,
  ];
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (found === undefined) throw new ShadowExecError('E_USAGE', 'sweep: the worker module is not built (dist/src/app/sweep/sweep-worker.js): run `npm install` or `npm run build` in the project folder');
  return found;
}

export interface SweepPoolOptions<T> {
  readonly task: (item: T) => SweepWorkerTask;
  /** Called in completion order (the document sorts the runs afterwards). */
  readonly onResult: (item: T, result: Exclude<SweepWorkerResult, { kind: 'error' }>) => void;
  /** Restates a failed task's message (e.g. naming its cell); @default unchanged */
  readonly describe?: (item: T, message: string) => string;
  /** Aborting stops the pool: queued runs never start, running ones are abandoned (their threads end). */
  readonly signal: AbortSignal;
}

/**
 * A piscina pool of `workers` threads that a sweep opens once and reuses for its cell checks and then its runs: each
 * thread starts, loads the worker module and warms its JIT once per sweep, not once per phase. Threads stay up
 * (minThreads = maxThreads, no idle timeout that matters) until close().
 */
export class SweepPool {
  private constructor(private readonly pool: import('piscina').Piscina<SweepWorkerTask, SweepWorkerResult>) {}

  /** Starts `workers` (≥ 1) threads running `workerUrl` (@default sweepWorkerUrl(): the one next to this code). */
  static async open(workers: number, workerUrl: string = sweepWorkerUrl()): Promise<SweepPool> {
    const { Piscina } = await import('piscina');
    compileInWorkerThreads();
    return new SweepPool(new Piscina<SweepWorkerTask, SweepWorkerResult>({ filename: workerUrl, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 }));
  }

  /**
   * Runs every item; resolves when all have finished or the signal aborted (the finished ones were reported). The first
   * run that fails stops the rest and is thrown, with its code. After an abort or a failure the pool is closed (an
   * abandoned run's thread ends).
   */
  async run<T>(items: readonly T[], options: SweepPoolOptions<T>): Promise<void> {
    const stop = new AbortController();
    // Every queued run listens to the one signal: more than EventTarget's default of 10 is expected, not a leak.
    setMaxListeners(0, stop.signal);
    const abort = (): void => stop.abort();
    options.signal.addEventListener('abort', abort, { once: true });
    if (options.signal.aborted) stop.abort();
    let failure: ShadowExecError | null = null;
    try {
      await Promise.allSettled(
        items.map(async (item) => {
          const result = await this.pool.run(options.task(item), { signal: stop.signal });
          if (stop.signal.aborted) return;
          if (result.kind === 'error') {
            const message = options.describe?.(item, result.message) ?? result.message;
            failure ??= new ShadowExecError(result.code as ErrorCode, message, { advice: result.advice, retryable: result.retryable });
            stop.abort();
            return;
          }
          options.onResult(item, result);
        }),
      );
    } finally {
      options.signal.removeEventListener('abort', abort);
      if (stop.signal.aborted) await this.close();
    }
    if (failure !== null) throw failure;
  }

  private closed: Promise<void> | null = null;

  /** Ends every thread (a run still going is abandoned); idempotent. */
  close(): Promise<void> {
    return (this.closed ??= this.pool.destroy());
  }
}

/** One batch on a pool of its own (opened and closed around it): see SweepPool.run. */
export async function runSweepTasks<T>(items: readonly T[], options: SweepPoolOptions<T> & { readonly workers: number }): Promise<void> {
  const pool = await SweepPool.open(options.workers);
  try {
    await pool.run(items, options);
  } finally {
    await pool.close();
  }
}
