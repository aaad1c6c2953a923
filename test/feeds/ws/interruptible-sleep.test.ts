// Covers InterruptibleSleep: ends after its time on the Timers port, ends at once on wake() (cancelling its timer), and never loses a wake-up that comes between sleeps.
import { describe, expect, it } from 'vitest';
import { InterruptibleSleep } from '../../../src/feeds/ws/interruptible-sleep.js';
import { VirtualTimers } from '../../helpers/virtual-timers.js';

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('InterruptibleSleep', () => {
  it('resolves once its time has passed on the timers port, rounded up to whole ms', async () => {
    const timers = new VirtualTimers();
    const idle = new InterruptibleSleep(timers);
    const sleep = idle.sleep(249.2);
    expect(timers.pendingDelays()).toEqual([250]);
    timers.advance(249);
    expect(await settled(sleep)).toBe(false);
    timers.advance(1);
    expect(await settled(sleep)).toBe(true);
  });

  it('ends at once on wake() and cancels its timer', async () => {
    const timers = new VirtualTimers();
    const idle = new InterruptibleSleep(timers);
    const sleep = idle.sleep(10_000);
    idle.wake();
    expect(await settled(sleep)).toBe(true);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('keeps a wake-up that comes while nothing sleeps: the next sleep returns at once, the one after waits again', async () => {
    const timers = new VirtualTimers();
    const idle = new InterruptibleSleep(timers);
    idle.wake();
    expect(await settled(idle.sleep(10_000))).toBe(true);
    expect(timers.pendingDelays()).toEqual([]);
    const next = idle.sleep(10_000);
    expect(await settled(next)).toBe(false);
    expect(timers.pendingDelays()).toEqual([10_000]);
  });
});
