// compileInWorkerThreads: the V8 flag that moves the sweep workers' optimising compiles onto their own threads, set once.
import { describe, it, expect } from 'vitest';
import { compileInWorkerThreads, NO_CONCURRENT_RECOMPILATION } from '../../src/cli/sweep-thread-compiling.js';

describe('compileInWorkerThreads', () => {
  it('sets --no-concurrent-recompilation once, however often a sweep opens a pool', () => {
    const seen: string[] = [];
    const apply = (flags: string): void => void seen.push(flags);
    compileInWorkerThreads(apply);
    compileInWorkerThreads(apply);
    expect(seen).toEqual(['--no-concurrent-recompilation']);
    expect(NO_CONCURRENT_RECOMPILATION).toBe('--no-concurrent-recompilation');
  });

  it('is a flag this V8 knows: setting it for real prints no warning', async () => {
    const { spawnSync } = await import('node:child_process');
    const child = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(NO_CONCURRENT_RECOMPILATION)})`], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: child.status, stderr: child.stderr, stdout: child.stdout }).toEqual({ status: 0, stderr: '', stdout: '' });
  });
});
