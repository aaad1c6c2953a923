// Runs the built CLI (dist/) and captures stdout, stderr and the exit code: spawned as a user would (runCli), or in this process (runCliInProcess).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/shadow-exec.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Called with the child and the stderr seen so far, each time stderr grows. */
  readonly onStderr?: (child: ChildProcess, stderrSoFar: string) => void;
  /**
   * Hang guard on the child's lifetime, ms; the child is killed past it. Not a performance budget: keep it well
   * above what the slowest loaded machine needs and below vitest's testTimeout (120 s).
   * @default 90_000
   */
  readonly timeoutMs?: number;
}

/**
 * Where the built CLI's in-process entry lives: the bundle bin/shadow-exec.js runs for every command but `run`
 * (dist/bundle/main.js, the same main.js, all commands), else the compiled tree, as bin/ falls back. One build per test
 * file, as bin/ loads one per process; loading a few chunks instead of ~150 modules is most of a file's first call.
 */
const BUNDLED = new URL('../../dist/bundle/main.js', import.meta.url);
export const CLI_MAIN = (process.env['SHADOW_EXEC_UNBUNDLED'] !== '1' && existsSync(fileURLToPath(BUNDLED)) ? BUNDLED : new URL('../../dist/src/cli/main.js', import.meta.url)).href;

/** Options of runCliInProcess: only what makes sense without a child process (no signals, no kill timer). */
export interface InProcessOptions {
  /** Merged over process.env, after NO_COLOR=1, as runCli does. */
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory for relative paths; the process chdirs there for the call (vitest's forks pool allows it). @default ROOT */
  readonly cwd?: string;
  /** Called with the stderr seen so far, each time stderr grows (in a microtask after the write, as a child's data event comes after it). */
  readonly onStderr?: (stderrSoFar: string) => void;
}

/**
 * Runs `shadow-exec ARGS…` inside this test process: same CliResult as runCli (signal always null), no node start-up
 * and no module loading per call. Use it for every case where a child process adds nothing; keep runCli for one smoke
 * test per command and for anything about signals, TTYs, pipes or process exit. Porting a test: replace
 * `runCli(args, { env })` by `runCliInProcess(args, { env })`. Calls must not overlap (tests in a file run one by one).
 */
export async function runCliInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliResult> {
  const { runCli: run } = (await import(CLI_MAIN)) as { runCli: (args: readonly string[], io: object) => Promise<number> };
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const previous = process.cwd();
  const cwd = options.cwd ?? ROOT;
  if (cwd !== previous) process.chdir(cwd);
  try {
    const code = await run(args, {
      stdout: sink((t) => (stdout += t)),
      stderr: sink((t) => {
        stderr += t;
        const seen = stderr;
        if (options.onStderr !== undefined) queueMicrotask(() => options.onStderr!(seen));
      }),
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    return { code, signal: null, stdout, stderr };
  } finally {
    if (cwd !== previous) process.chdir(previous);
  }
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(child, stderr);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A `run --exchange <exchange> …` (in process) and its report parsed from stdout when it exited 0 (null otherwise). */
export async function runVenue(
  exchange: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; report: any; stderr: string; stdout: string }> {
  const result = await runCliInProcess(['run', '--exchange', exchange, ...args], { env });
  return { code: result.code, report: result.code === 0 ? JSON.parse(result.stdout) : null, stderr: result.stderr, stdout: result.stdout };
}
