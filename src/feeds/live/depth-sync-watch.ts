// DepthSyncWatch port: follows a venue's depth-stream continuity on raw messages, so a recorder knows when to fetch a REST snapshot without parsing prices.

export type DepthSnapshotVerdict = 'synced' | 'unsynced' | 'malformed';

export interface DepthSyncWatch {
  /**
   * One data message as parsed JSON, received at `receivedAtMs`: the symbol whose book now needs a
   * snapshot (its first delta, a gap, a too-old snapshot), or null when nothing is needed.
   */
  onMessage(message: unknown, receivedAtMs: number): string | null;
  /**
   * A snapshot body fetched for `symbol`: 'synced' when the book is in sync after it, 'unsynced' when another
   * one is needed (too old), 'malformed' when the body is no depth snapshot at all.
   */
  onSnapshot(symbol: string, body: string, receivedAtMs: number): DepthSnapshotVerdict;
}
