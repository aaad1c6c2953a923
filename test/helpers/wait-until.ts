// waitUntil: awaits a condition that depends on loopback socket I/O, polling briefly, failing after a hang guard.

/**
 * Resolves once `condition()` is true; rejects after `timeoutMs` of real time with `what` in the message.
 * The timeout is a hang guard, not a budget: a loaded machine may take seconds for loopback I/O.
 * @default timeoutMs 60_000 (below vitest's 120 s testTimeout, so the message names what never happened)
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
