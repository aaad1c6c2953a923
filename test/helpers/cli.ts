// Runs the built CLI (bin/shadow-exec.js → dist/) as a user would, capturing stdout, stderr and the exit code.
import { spawn, type ChildProcess } from 'node:child_process';
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
  /** Hard cap on the child's lifetime, ms; the child is killed past it. */
  readonly timeoutMs?: number;
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
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
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

/** A `run --exchange <exchange> …` and its report parsed from stdout when it exited 0 (null otherwise). */
export async function runVenue(
  exchange: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; report: any; stderr: string; stdout: string }> {
  const result = await runCli(['run', '--exchange', exchange, ...args], { env });
  return { code: result.code, report: result.code === 0 ? JSON.parse(result.stdout) : null, stderr: result.stderr, stdout: result.stdout };
}
