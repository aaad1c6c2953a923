// Runs synthetic runs in child processes of their own (lockstep-child.ts), one slice at a time round-robin, and returns the CPU each run's slices took.
//
// Why children: a user's `run` has one venue in its process. With the three venues in one process, the shared code's
// call sites see every venue's shapes and V8 compiles them polymorphic for all three, which slowed the fake venue more
// than the real ones (in-process Binance ÷ fake 1.09–1.14× where one venue per process measured 1.2–1.4×).
// Why lockstep: only one child runs at a time and they take turns every slice (16,384 events, a few ms), so the
// machine's drift hits each run alike (bench/interleaved-cpu.ts); each child charges a slice's CPU (process.cpuUsage:
// its own threads, the JIT and GC included) to its run, the waiting between slices not.
import { fork, type ChildProcess } from 'node:child_process';
import type { RunInput } from '../src/app/config/run-input.js';
import type { ChargedRun } from './interleaved-cpu.js';
import type { ToChild, ToParent } from './lockstep-child.js';

export class LockstepChildren {
  private readonly children: ChildProcess[];

  /** One child per slot; the node flags of this process (e.g. --expose-gc) are passed on. `script`: the built lockstep-child.js (tests run from the sources). */
  constructor(count: number, script: URL = new URL('./lockstep-child.js', import.meta.url)) {
    this.children = Array.from({ length: count }, () => fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  private ask(child: ChildProcess, message: ToChild): Promise<ToParent> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`lockstep child exited (${String(code)})`));
      child.once('exit', onExit);
      child.once('message', (reply: ToParent) => {
        child.off('exit', onExit);
        resolve(reply);
      });
      child.send(message);
    });
  }

  /** Child i runs options[i] (composing is not timed); the first slices go in the order `order` gives, then round-robin. */
  async run(options: readonly RunInput[], order: readonly number[]): Promise<ChargedRun[]> {
    await Promise.all(options.map((o, i) => this.ask(this.children[i]!, { kind: 'compose', options: o })));
    const results: (ChargedRun | null)[] = options.map(() => null);
    let active = [...order];
    while (active.length > 0) {
      const next: number[] = [];
      for (const i of active) {
        const reply = await this.ask(this.children[i]!, { kind: 'go' });
        if (reply.kind === 'end') results[i] = { updates: reply.updates, cpuMicros: reply.cpuMicros };
        else next.push(i);
      }
      active = next;
    }
    return results.map((r) => r!);
  }

  close(): void {
    for (const child of this.children) child.send({ kind: 'exit' } satisfies ToChild);
  }
}
