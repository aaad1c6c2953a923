// BinanceDepthWatch: the DepthSyncWatch of Binance diff depth — BinanceBookSync run on update ids alone (level-less events), so a recorder fetches snapshots exactly when a replay of its file will need them.
import type { DepthSnapshotVerdict, DepthSyncWatch } from '../../../feeds/live/depth-sync-watch.js';
import { BinanceBookSync, type BinanceBookMarket } from '../binance-book-sync.js';
import { depthIdsOf, depthSnapshotIdOf } from './binance-depth-ids.js';

export class BinanceDepthWatch implements DepthSyncWatch {
  private readonly syncs = new Map<string, BinanceBookSync>();
  private readonly symbols: ReadonlySet<string> | null;

  /**
   * `symbols` (upper case): the ones recorded; deltas of any other symbol are not followed, so a feed naming
   * ever-new symbols neither grows the syncs nor sends a REST request per name. Null: every symbol.
   */
  constructor(
    private readonly market: BinanceBookMarket,
    symbols: readonly string[] | null = null,
  ) {
    this.symbols = symbols === null ? null : new Set(symbols);
  }

  onMessage(message: unknown, receivedAtMs: number): string | null {
    const delta = depthIdsOf(message, receivedAtMs);
    if (delta === null || (this.symbols !== null && !this.symbols.has(delta.symbol))) return null;
    const sync = this.syncOf(delta.symbol);
    sync.onDelta(delta);
    return sync.state === 'synced' ? null : delta.symbol;
  }

  onSnapshot(symbol: string, body: string, receivedAtMs: number): DepthSnapshotVerdict {
    const snapshot = depthSnapshotIdOf(body, symbol, receivedAtMs);
    if (snapshot === null) return 'malformed';
    const sync = this.syncOf(symbol);
    sync.onSnapshot(snapshot);
    return sync.state === 'synced' ? 'synced' : 'unsynced';
  }

  private syncOf(symbol: string): BinanceBookSync {
    let sync = this.syncs.get(symbol);
    if (sync === undefined) {
      sync = new BinanceBookSync(symbol, { market: this.market });
      this.syncs.set(symbol, sync);
    }
    return sync;
  }
}
