// DepthSyncWatch port: follows a venue's depth-stream continuity on raw messages, so a recorder knows when to fetch a REST snapshot without parsing prices.

export interface DepthSyncWatch {
  /**
   * One data message as parsed JSON, received at `receivedAtMs`: the symbol whose book now needs a
   * snapshot (its first delta, a gap, a too-old snapshot), or null when nothing is needed.
   */
  onMessage(message: unknown, receivedAtMs: number): string | null;
  /** A snapshot body fetched for `symbol`: true when the book is in sync after it, false when another one is needed. */
  onSnapshot(symbol: string, body: string, receivedAtMs: number): boolean;
}
