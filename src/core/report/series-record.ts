// The --series records: one per symbol per sample, one per fill, one per risk event — decimal strings for money, virtual ms and UTC for time.

/** Every field a record may have, in the CSV's column order (a record leaves out the ones of other types). */
export const SERIES_COLUMNS = [
  'type',
  'ts_ms',
  'utc',
  'symbol',
  'mid',
  'bid',
  'ask',
  'position',
  'inventory_usd',
  'realized_pnl_usd',
  'unrealized_pnl_usd',
  'fees_usd',
  'total_pnl_usd',
  'net_edge_bps',
  'edge_threshold_bps',
  'open_orders',
  'risk_state',
  'side',
  'price',
  'qty',
  'liquidity',
  'fee_usd',
  'order_id',
  'fill_id',
  'reason',
  'source',
  'from',
  'to',
  'count',
  'since_ms',
] as const;

export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/**
 * `sample`: a symbol's state at ts_ms (after every event at or before it); `fill`: one fill; `freeze`, `unfreeze`:
 * the risk monitor's freezes; `risk_state`: a change of ACTIVE / REDUCING / FROZEN; `breaker`: a venue circuit breaker
 * transition; `blocks`: `count` orders blocked for `reason` in (since_ms, ts_ms].
 */
export const SERIES_TYPES = ['sample', 'fill', 'freeze', 'unfreeze', 'risk_state', 'breaker', 'blocks'] as const;
export type SeriesType = (typeof SERIES_TYPES)[number];

/** Columns holding integers (ms, counts); every other column is text: a decimal string, a name, or null. */
export const SERIES_INTEGER_COLUMNS: ReadonlySet<SeriesColumn> = new Set(['ts_ms', 'open_orders', 'count', 'since_ms']);

/** One record: `type`, `ts_ms` and `utc` always; the other columns as its type has them (null: no value, e.g. no bid resting). */
export type SeriesRecord = { readonly type: SeriesType; readonly ts_ms: number; readonly utc: string } & { readonly [K in SeriesColumn]?: string | number | null };
