// Per-symbol merged state of Bybit `tickers` pushes: a snapshot sets every field, a delta changes only the fields it carries.
//
// ticker.mdx: "This topic utilises the snapshot field and delta field. If a response param is not found
// in the message, then its value has not changed." Only the fields the parser normalises are kept.
import type { BybitTickerDataWire } from './bybit-ws-wire.js';

/** The merged fields as venue strings ("" when the venue sends an empty value), and what the push touched. */
export interface MergedTicker {
  bid1Price: string | undefined;
  bid1Size: string | undefined;
  ask1Price: string | undefined;
  ask1Size: string | undefined;
  markPrice: string | undefined;
  indexPrice: string | undefined;
  fundingRate: string | undefined;
  /** The push is a snapshot or carries a bid1/ask1 field. */
  quoteTouched: boolean;
  /** The push is a snapshot or carries markPrice, indexPrice or fundingRate. */
  markTouched: boolean;
}

type TickerField = 'bid1Price' | 'bid1Size' | 'ask1Price' | 'ask1Size' | 'markPrice' | 'indexPrice' | 'fundingRate';
type TickerState = Pick<MergedTicker, TickerField>;

const QUOTE_FIELDS: readonly TickerField[] = ['bid1Price', 'bid1Size', 'ask1Price', 'ask1Size'];
const MARK_FIELDS: readonly TickerField[] = ['markPrice', 'indexPrice', 'fundingRate'];

export class BybitTickerMerge {
  private readonly states = new Map<string, TickerState>();
  /** Reused result of merge(): valid until the next merge() call. */
  private readonly scratch: MergedTicker = {
    bid1Price: undefined, bid1Size: undefined, ask1Price: undefined, ask1Size: undefined,
    markPrice: undefined, indexPrice: undefined, fundingRate: undefined, quoteTouched: false, markTouched: false,
  };

  /**
   * The state after applying `data`, WITHOUT storing it (call commit() once the values are accepted).
   * null: a delta for a symbol without a snapshot yet; undefined: a field that is present but not a string.
   */
  merge(symbol: string, data: BybitTickerDataWire, isSnapshot: boolean): MergedTicker | null | undefined {
    const previous = this.states.get(symbol);
    if (!isSnapshot && previous === undefined) return null;
    const merged = this.scratch;
    if (!this.mergeFields(QUOTE_FIELDS, data, previous, isSnapshot) || !this.mergeFields(MARK_FIELDS, data, previous, isSnapshot)) return undefined;
    merged.quoteTouched = isSnapshot || data.bid1Price !== undefined || data.bid1Size !== undefined || data.ask1Price !== undefined || data.ask1Size !== undefined;
    merged.markTouched = isSnapshot || data.markPrice !== undefined || data.indexPrice !== undefined || data.fundingRate !== undefined;
    return merged;
  }

  /** Stores a merged state returned by merge() for `symbol`. */
  commit(symbol: string, merged: MergedTicker): void {
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = { bid1Price: undefined, bid1Size: undefined, ask1Price: undefined, ask1Size: undefined, markPrice: undefined, indexPrice: undefined, fundingRate: undefined };
      this.states.set(symbol, state);
    }
    for (const field of QUOTE_FIELDS) state[field] = merged[field];
    for (const field of MARK_FIELDS) state[field] = merged[field];
  }

  /** Forgets every symbol (reconnect). */
  clear(): void {
    this.states.clear();
  }

  private mergeFields(fields: readonly TickerField[], data: BybitTickerDataWire, previous: TickerState | undefined, isSnapshot: boolean): boolean {
    for (const field of fields) {
      const value = data[field];
      if (value === undefined) this.scratch[field] = isSnapshot ? undefined : previous?.[field];
      else if (typeof value === 'string') this.scratch[field] = value;
      else return false;
    }
    return true;
  }
}
