// buildSeriesRecords: a --series batch as record objects in time order — the plain version (what the HTML report reads, and the oracle the fast text writer is tested against).
import { invariantViolation } from '../core/errors/shadow-exec-error.js';
import { BLOCK_REASONS } from '../core/risk/risk-decision.js';
import { bookPnl } from '../core/portfolio/ledger.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { formatCount, formatScaled, scaledUnit, type ScaledUnit } from '../core/report/scaled-decimal.js';
import { isoUtc } from '../core/report/units.js';
import { BPS_E4_SCALE, PICO_SCALE, RANK, STATES, type SeriesBatch } from './series-batch.js';

/** The run's text of fill id n (row i of the columns): "F-<n>", or the spelling kept aside. */
export function fillIdText(batch: SeriesBatch, n: number): string {
  const id = batch.fills.id.at(n - batch.fillBase);
  return id < 0 ? batch.fills.oddIds.get(`F${n}`)! : `F-${id}`;
}

export function orderIdText(batch: SeriesBatch, n: number): string {
  const id = batch.fills.order.at(n - batch.fillBase);
  return id < 0 ? batch.fills.oddIds.get(`O${n}`)! : `O-${id}`;
}

/**
 * The batch's records ordered by (ms, kind: fills, risk events, blocks, samples; then the order they were taken in);
 * replays the batch's fills (each fill's fee, each sample's cash, cost basis and fees).
 */
export function buildSeriesRecords(batch: SeriesBatch): SeriesRecord[] {
  const { instruments, fills: f, fillBase: base, replay, samples: c } = batch;
  const units = instruments.map((i): { price: ScaledUnit; qty: ScaledUnit } => ({ price: scaledUnit(i.tickSize), qty: scaledUnit(i.lotSize) }));
  const fillRecords: SeriesRecord[] = [];
  let next = replay.replayed;
  const fillsTo = (upTo: number): void => {
    for (; next < upTo; next++) {
      const i = next - base;
      const meta = f.meta.at(i);
      const unit = units[meta >> 2]!;
      const fee = replay.feeOf(next, f, base);
      fillRecords.push({
        type: 'fill',
        ts_ms: f.ts.at(i),
        utc: isoUtc(f.ts.at(i)),
        symbol: instruments[meta >> 2]!.symbol,
        side: (meta & 2) !== 0 ? 'SELL' : 'BUY',
        price: formatCount(f.price.at(i), unit.price),
        qty: formatCount(f.qty.at(i), unit.qty),
        liquidity: (meta & 1) !== 0 ? 'TAKER' : 'MAKER',
        fee_usd: formatScaled(fee, PICO_SCALE),
        order_id: orderIdText(batch, next),
        fill_id: fillIdText(batch, next),
      });
    }
  };
  const samples: SeriesRecord[] = [];
  const n = instruments.length;
  for (let t = 0; t < c.ts.length; t++) {
    fillsTo(c.fills.at(t));
    const ts = c.ts.at(t);
    const state = STATES[c.state.at(t)]!;
    for (let s = 0; s < n; s++) {
      const i = t * n + s;
      const instrument = instruments[s]!;
      const unit = units[s]!;
      const book = replay.book(s);
      const pnl = bookPnl({ instrument, positionLots: book.positionLots, markTicks: c.mid.at(i), cashPico: book.cashPico, costBasisPico: book.costBasisPico, feesPico: book.feesPico });
      samples.push({
        type: 'sample',
        ts_ms: ts,
        utc: isoUtc(ts),
        symbol: instrument.symbol,
        mid: c.mid.at(i) <= 0 ? null : formatCount(c.mid.at(i), unit.price),
        bid: c.bid.at(i) < 0 ? null : formatCount(c.bid.at(i), unit.price),
        ask: c.ask.at(i) < 0 ? null : formatCount(c.ask.at(i), unit.price),
        position: formatCount(book.positionLots, unit.qty),
        inventory_usd: formatScaled(pnl.positionValuePico, PICO_SCALE),
        realized_pnl_usd: formatScaled(pnl.realisedPico, PICO_SCALE),
        unrealized_pnl_usd: formatScaled(pnl.unrealisedPico, PICO_SCALE),
        fees_usd: formatScaled(pnl.feesPico, PICO_SCALE),
        total_pnl_usd: formatScaled(pnl.totalPico, PICO_SCALE),
        net_edge_bps: formatScaled(c.edge.at(i), BPS_E4_SCALE),
        edge_threshold_bps: batch.threshold,
        open_orders: c.open.at(i),
        risk_state: state,
      });
    }
  }
  fillsTo(batch.fillsEnd);
  const b = batch.blocks;
  const blocks: SeriesRecord[] = [];
  for (let k = 0; k < b.ts.length; k++) {
    blocks.push({ type: 'blocks', ts_ms: b.ts.at(k), utc: isoUtc(b.ts.at(k)), reason: BLOCK_REASONS[b.slot.at(k)]!, count: b.count.at(k), since_ms: b.since.at(k) });
  }
  const out: { record: SeriesRecord; seq: number }[] = [];
  let seq = 0;
  for (const record of fillRecords) out.push({ seq: seq++, record });
  for (const record of batch.riskEvents) out.push({ seq: seq++, record });
  for (const record of blocks) out.push({ seq: seq++, record });
  for (const record of samples) out.push({ seq: seq++, record });
  for (const o of out) {
    if (o.record.ts_ms <= batch.takenUpToMs) throw invariantViolation(`series ${o.record.type} record at ${o.record.ts_ms} ms comes after records up to ${batch.takenUpToMs} ms were taken`);
  }
  out.sort((a, b) => a.record.ts_ms - b.record.ts_ms || RANK[a.record.type] - RANK[b.record.type] || a.seq - b.seq);
  return out.map((o) => o.record);
}
