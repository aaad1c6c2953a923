// Builds the run report (a JSON value, canonicalised later) from the finished run's state; pure.
import { Decimal, formatDecimal } from '../money/decimal.js';
import { PICO, formatPrice, formatQty } from '../model/instrument.js';
import { averageEntry, bookPnl, type Ledger } from '../portfolio/ledger.js';
import type { FillLog } from '../portfolio/fill-log.js';
import type { EdgeTracker } from '../risk/edge-tracker.js';
import type { RiskMonitor } from '../risk/risk-monitor.js';
import type { VenueStats } from '../../ports/exchange-client.js';
import type { JsonValue } from './canonical-json.js';
import { bpsE4, isoUtc, pico } from './units.js';
import { riskSection, type RiskReportInput } from './risk-section.js';

/** How a run ended: ran to its end, stopped by the user, or failed (a live feed that gave up or never delivered data). */
export type RunStatus = 'completed' | 'interrupted' | 'failed';

export interface ReportInput {
  readonly tool: { readonly name: string; readonly version: string };
  readonly seed: number;
  /** The resolved run configuration, already as JSON. */
  readonly config: JsonValue;
  /** Models and simplifications in force, already as JSON. */
  readonly model: JsonValue;
  readonly execution: {
    readonly exchange: string;
    readonly mode: string;
    readonly feed: string;
    /** --iterations on the synthetic feed; null on replay and live feeds (the file or --duration ends those). */
    readonly iterations: number | null;
    readonly symbols: readonly string[];
    readonly status: RunStatus;
    readonly marketUpdates: number;
    readonly eventsProcessed: number;
    readonly startMs: number;
    readonly endMs: number;
  };
  /** The loop's side of the order counters; what reached the wire comes from `venue.wire`. */
  readonly orders: {
    /** Quotes the loop asked for (placed + dropped before send + queued at end). */
    readonly placed: number;
    readonly filled: number;
    readonly canceled: number;
    readonly rejected: number;
    readonly cancelRetries: number;
    readonly amendsRejected: number;
    readonly exitOcosPlaced: number;
    readonly exitOcosCancelled: number;
    readonly exitOcosSkipped: number;
    readonly exitOcoLegsFilled: number;
    readonly exitOcoLegsCanceled: number;
    readonly exitOcoLegsRejected: number;
    readonly cancelRacesLost: number;
    readonly zeroSizeQuotes: number;
    readonly placedWhileFrozen: number;
    readonly openAtEnd: number;
  };
  readonly venue: VenueStats;
  readonly ledger: Ledger;
  readonly fillLog: FillLog;
  readonly risk: RiskMonitor;
  readonly edge: EdgeTracker;
  readonly limits: RiskReportInput['limits'];
  readonly circuit?: RiskReportInput['circuit'];
  readonly manualActions?: RiskReportInput['manualActions'];
  /** The feed's health (replay and live feeds): reported as `market_data`; absent for synthetic runs. */
  readonly marketData?: JsonValue | undefined;
}

export function buildReport(input: ReportInput): JsonValue {
  const { ledger, risk, edge, venue } = input;
  const wire = venue.wire;
  const positions: Record<string, JsonValue> = {};
  const pnlBySymbol: Record<string, JsonValue> = {};
  const feesBySymbol: Record<string, JsonValue> = {};
  const fillsBySymbol: Record<string, JsonValue> = {};
  const edgeBySymbol: Record<string, JsonValue> = {};
  let realised = 0n;
  let unrealised = 0n;
  let fees = 0n;
  let netValue = 0n;
  let grossValue = 0n;
  let cash = 0n;

  for (const book of ledger.allBooks()) {
    const { instrument } = book;
    const symbol = instrument.symbol;
    const p = bookPnl(book);
    realised += p.realisedPico;
    unrealised += p.unrealisedPico;
    fees += p.feesPico;
    netValue += p.positionValuePico;
    cash += book.cashPico;
    grossValue += p.positionValuePico < 0n ? -p.positionValuePico : p.positionValuePico;
    positions[symbol] = {
      qty: formatQty(instrument, book.positionLots),
      mark_price: book.markTicks > 0 ? formatPrice(instrument, book.markTicks) : null,
      avg_entry_price: averageEntryPrice(averageEntry(book), instrument.lotSize),
      value_usd: pico(p.positionValuePico),
      cash_usd: pico(book.cashPico),
    };
    pnlBySymbol[symbol] = {
      realized: pico(p.realisedPico),
      unrealized: pico(p.unrealisedPico),
      fees: pico(p.feesPico),
      total: pico(p.totalPico),
    };
    feesBySymbol[symbol] = pico(p.feesPico);
    fillsBySymbol[symbol] = {
      count: book.fills,
      maker: book.makerFills,
      taker: book.takerFills,
      bought_qty: formatQty(instrument, book.boughtLots),
      sold_qty: formatQty(instrument, book.soldLots),
      notional_usd: pico(book.tradedNotionalPico),
    };
    const e = edge.snapshot(edge.symbols.indexOf(symbol)); // the report edge: names back to indexes, once per symbol
    edgeBySymbol[symbol] = {
      net_edge_bps: bpsE4(e.netEdgeBpsE4),
      adverse_selection_bps: bpsE4(e.adverseSelectionBpsE4),
      half_spread_bps: bpsE4(e.halfSpreadBpsE4),
      maker_fee_bps: bpsE4(edge.settings.makerFeeBpsE4),
      matured_markouts: e.maturedMarkouts,
      pending_markouts: e.pendingMarkouts,
    };
  }

  const instruments = new Map([...ledger.allBooks()].map((b) => [b.instrument.symbol, b.instrument]));
  const recent = input.fillLog.recent().map(({ fill, feePico, leavesLots }): JsonValue => {
    const instrument = instruments.get(fill.symbol)!;
    return {
      id: fill.id,
      order_id: fill.orderId,
      symbol: fill.symbol,
      side: fill.side,
      price: formatPrice(instrument, fill.priceTicks),
      qty: formatQty(instrument, fill.qtyLots),
      liquidity: fill.liquidity,
      leaves_qty: formatQty(instrument, leavesLots),
      fee: pico(feePico),
      utc: isoUtc(fill.ts),
    };
  });

  const ex = input.execution;
  return {
    tool: input.tool.name,
    version: input.tool.version,
    seed: input.seed,
    config: input.config,
    model: input.model,
    execution: {
      exchange: ex.exchange,
      mode: ex.mode,
      feed: ex.feed,
      iterations: ex.iterations,
      symbols: [...ex.symbols],
      status: ex.status,
      interrupted: ex.status === 'interrupted',
      market_updates: ex.marketUpdates,
      events_processed: ex.eventsProcessed,
      virtual_duration_ms: ex.endMs - ex.startMs,
    },
    orders: {
      requested: input.orders.placed,
      placed: wire.createsSent,
      held_by_throttle: wire.createsHeld,
      dropped_before_send: venue.dequeued,
      queued_at_end: wire.createsQueuedAtEnd,
      filled: input.orders.filled,
      canceled: input.orders.canceled,
      rejected: input.orders.rejected,
      risk_blocks: risk.blocksTotal,
      cancels_sent: wire.cancelsSent,
      cancel_retries: input.orders.cancelRetries,
      cancel_alls_sent: wire.cancelAllsSent,
      amends_sent: wire.amendsSent,
      amends_rejected: input.orders.amendsRejected,
      exit_ocos: {
        requested: input.orders.exitOcosPlaced,
        placed: wire.ocoListsSent,
        held_by_throttle: wire.ocoListsHeld,
        dropped_before_send: venue.ocoListsDequeued,
        queued_at_end: wire.ocoListsQueuedAtEnd,
        cancelled: input.orders.exitOcosCancelled,
        cancels_sent: wire.ocoCancelsSent,
        skipped_below_minimum: input.orders.exitOcosSkipped,
        stops_triggered: venue.stopsTriggered,
        legs_placed: 2 * wire.ocoListsSent,
        legs_filled: input.orders.exitOcoLegsFilled,
        legs_canceled: input.orders.exitOcoLegsCanceled,
        legs_rejected: input.orders.exitOcoLegsRejected,
      },
      cancel_races_lost: input.orders.cancelRacesLost,
      zero_size_quotes: input.orders.zeroSizeQuotes,
      placed_while_frozen: input.orders.placedWhileFrozen,
      open_at_end: input.orders.openAtEnd,
      rejects_by_code: venue.rejectsByCode,
      venue_cancels: venue.venueCancels,
    },
    fills: {
      count: input.fillLog.count,
      maker: venue.makerFills,
      taker: venue.takerFills,
      partial: venue.partiallyFilled,
      model: venue.fillModel as JsonValue,
      by_symbol: fillsBySymbol,
      recent,
      recent_omitted: input.fillLog.omitted,
    },
    fees: { total: pico(fees), by_symbol: feesBySymbol },
    pnl: {
      realized: pico(realised),
      unrealized: pico(unrealised),
      fees: pico(fees),
      total: pico(realised + unrealised - fees),
      by_symbol: pnlBySymbol,
    },
    positions: { by_symbol: positions, net_pos_usd: pico(netValue), total_notional_usd: pico(grossValue), cash_usd: pico(cash) },
    risk: riskSection({ risk, edgeBySymbol, limits: input.limits, ...(input.circuit === undefined ? {} : { circuit: input.circuit }), ...(input.manualActions === undefined ? {} : { manualActions: input.manualActions }) }),
    runtime: { clock: 'virtual', start_utc: isoUtc(ex.startMs), utc: isoUtc(ex.endMs) },
    // The venue API section appears only for venues that model one (Bybit, Binance), not for the fake venue.
    ...(Object.keys(venue.api).length > 0 ? { venue_api: venue.api as JsonValue } : {}),
    ...(input.marketData === undefined ? {} : { market_data: input.marketData }),
  };
}

/** |cost basis| / |position| in quote per base unit, rounded half-even to 8 decimals; null when flat. */
function averageEntryPrice(entry: { costPico: bigint; lots: number } | null, lotSize: Decimal): string | null {
  if (entry === null) return null;
  const cost = new Decimal(entry.costPico.toString()).times(PICO);
  return formatDecimal(cost.div(lotSize.times(entry.lots)).toDecimalPlaces(8));
}
