// waitUntil: awaits a condition that depends on loopback socket I/O, polling briefly, failing after a safety timeout.

/** Resolves once `condition()` is true; rejects after `timeoutMs` (≤ 5000) of real time with `what` in the message. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + Math.min(timeoutMs, 5000);
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
