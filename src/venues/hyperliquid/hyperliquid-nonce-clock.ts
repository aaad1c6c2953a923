// HyperliquidNonceClock: action nonces from the run's clock, unique and strictly increasing per signer.
//
// "Recommended to use the current timestamp in milliseconds" (exchange endpoint docs, nonce); the venue keeps each
// signer's 100 highest nonces and refuses a repeat or one below the smallest (…/api/nonces-and-api-wallets). Two
// actions in one millisecond therefore take ms and ms + 1, as the SDKs' counters do.
export class HyperliquidNonceClock {
  private last = -1;

  /** max(nowMs, last + 1), remembered. */
  next(nowMs: number): number {
    const nonce = Math.max(Math.trunc(nowMs), this.last + 1);
    this.last = nonce;
    return nonce;
  }
}
