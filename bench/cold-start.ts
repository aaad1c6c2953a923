// Cold start: CPU time of a short CLI run against `node -e 0` in the same bench process, and which ES modules a run loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI launcher, from the compiled bench (dist/bench/ → the package root). */
export const CLI_BIN = fileURLToPath(new URL('../../bin/shadow-exec.js', import.meta.url));

/** A CommonJS preload (cheap: it starts no ES module loader) that writes the process's own CPU time, µs, at exit. */
const CPU_HOOK = `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.SHADOW_EXEC_CPU_OUT, String(u.userCPUTime + u.systemCPUTime)); });\n`;

/**
 * Node arguments that make a child append the URL of every ES module it loads (one per line) to `outFile`: a
 * module-customization load hook registered from a data: URL. CommonJS files required by CommonJS code are not seen.
 */
export function moduleTraceArgs(outFile: string): string[] {
  const hook = `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(outFile)}, url + '\\n'); return next(url, context); }\n`;
  const register = `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});\n`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
}

/** The URLs of the ES modules `node <args>` loads (after the trace hook itself), in load order. */
export function loadedModules(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-modules-'));
  try {
    const out = join(dir, 'modules.txt');
    writeFileSync(out, '');
    spawnSync(process.execPath, [...moduleTraceArgs(out), ...args], { stdio: 'ignore', env });
    return readFileSync(out, 'utf8').split('\n').filter((line) => line !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ColdStart {
  readonly repetitions: number;
  /** Median CPU seconds (user + system) of `node -e 0`. */
  readonly baselineCpuS: number;
  /** Median CPU seconds of `node bin/shadow-exec.js <args>`. */
  readonly runCpuS: number;
  readonly args: readonly string[];
  /** ES modules the run loads (node: built-ins included). */
  readonly modules: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** Runs the baseline and the CLI alternately `repetitions` times (so both see the same machine load) and takes medians. */
export function measureColdStart(args: readonly string[], repetitions: number): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-cold-'));
  try {
    const hook = join(dir, 'cpu-hook.cjs');
    const out = join(dir, 'cpu.txt');
    writeFileSync(hook, CPU_HOOK);
    const cpuSeconds = (nodeArgs: readonly string[]): number => {
      writeFileSync(out, '');
      const child = spawnSync(process.execPath, ['--require', hook, ...nodeArgs], { stdio: 'ignore', env: { ...process.env, SHADOW_EXEC_CPU_OUT: out } });
      if (child.status !== 0) throw new Error(`cold-start bench: node ${nodeArgs.join(' ')} exited with ${String(child.status)}`);
      return Number(readFileSync(out, 'utf8')) / 1e6;
    };
    const baseline: number[] = [];
    const run: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      baseline.push(cpuSeconds(['-e', '0']));
      run.push(cpuSeconds([CLI_BIN, ...args]));
    }
    return { repetitions, baselineCpuS: median(baseline), runCpuS: median(run), args, modules: loadedModules([CLI_BIN, ...args]).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatColdStart(c: ColdStart): string {
  const ratio = c.runCpuS / c.baselineCpuS;
  return [
    `cold start (median CPU time, user + system, of ${c.repetitions} alternating runs each)`,
    `  node -e 0                                  ${c.baselineCpuS.toFixed(3)} CPU-s`,
    `  shadow-exec ${c.args.join(' ').padEnd(30)} ${c.runCpuS.toFixed(3)} CPU-s  ${ratio.toFixed(2)}× node -e 0  (${c.modules} ES modules loaded)`,
    `  target < 2× node -e 0 for \`shadow-exec run --iterations 3\`: ${ratio < 2 ? 'met' : 'NOT met'}`,
  ].join('\n');
}
