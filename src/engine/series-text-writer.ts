// writeSeriesText: a --series batch as JSON Lines or CSV bytes written straight from its columns into one buffer — no record objects and no sort for samples and fills (the bulk); the UTF-8 bytes of formatSeriesRows(buildSeriesRecords(batch)).
//
// Why: making record objects, sorting them and JSON.stringify-ing each cost several times the run itself on a dense
// series (--series-out streams them as the run goes). The samples, fills, blocks and risk events are each already in
// time order, so a merge by (ms, kind) gives the sort's order; a batch where one is not (never seen) takes the plain
// path. Risk events (rare) are formatted by the plain formatter one at a time.
// test/engine/series-text-writer.test.ts checks it against the plain path on fast-check generated runs.
import { BLOCK_REASONS } from '../core/risk/risk-decision.js';
import { csvCell, formatSeriesRows, type SeriesFormat } from '../core/report/series-format.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { formatCount, formatScaled, scaledUnit, type ScaledUnit } from '../core/report/scaled-decimal.js';
import { UtcText } from '../core/report/utc-text.js';
import { BPS_E4_SCALE, PICO_SCALE, STATES, type SeriesBatch } from './series-batch.js';
import { ByteText } from './byte-text.js';
import { buildSeriesRecords } from './series-record-builder.js';
import type { FillColumns } from './series-columns.js';
import type { Column } from './row-table.js';

/** A count of a tick or lot as text: a Number product while it stays exact, else formatCount's BigInt one. */
class CountText {
  private readonly step: number;

  constructor(private readonly unit: ScaledUnit) {
    this.step = Number(unit.stepScaled);
  }

  of(count: number): string {
    const scaled = count * this.step;
    return Number.isSafeInteger(scaled) && Number.isSafeInteger(count) ? formatScaled(scaled, this.unit.scale) : formatCount(count, this.unit);
  }
}

/** A symbol's money text at its last sample, reused while neither its fills nor its mark have changed. */
interface MoneyText {
  fills: number;
  mark: number;
  position: string;
  inventory: string;
  realised: string;
  unrealised: string;
  fees: string;
  total: string;
  /** The CSV cells position … total_pnl_usd, each followed by its comma. */
  csv: string;
}

function quoted(out: ByteText, text: string | null): void {
  if (text === null) out.add('null');
  else {
    out.add('"');
    out.add(text);
    out.add('"');
  }
}

function sorted(column: Column, from: number, to: number, after: number): boolean {
  let last = after;
  for (let i = from; i < to; i++) {
    const v = column.at(i);
    if (!(v >= last)) return false;
    last = v;
  }
  return true;
}

/** Every stream in time order and after the records taken before (else the plain path, which also throws what it throws). */
function mergeable(batch: SeriesBatch): boolean {
  const after = batch.takenUpToMs;
  const c = batch.samples;
  const base = batch.fillBase;
  const firstAfter = (column: Column, from: number, to: number): boolean => from >= to || column.at(from) > after;
  if (!firstAfter(c.ts, 0, c.ts.length) || !sorted(c.ts, 0, c.ts.length, after)) return false;
  if (!firstAfter(batch.fills.ts, batch.replay.replayed - base, batch.fillsEnd - base) || !sorted(batch.fills.ts, batch.replay.replayed - base, batch.fillsEnd - base, after)) return false;
  if (!firstAfter(batch.blocks.ts, 0, batch.blocks.ts.length) || !sorted(batch.blocks.ts, 0, batch.blocks.ts.length, after)) return false;
  return batch.riskEvents.every((r) => r.ts_ms > after);
}

export function writeSeriesText(batch: SeriesBatch, format: SeriesFormat): Uint8Array {
  const out = new ByteText();
  if (!mergeable(batch)) {
    out.add(formatSeriesRows(buildSeriesRecords(batch), format));
    return out.bytes();
  }
  const csv = format === 'csv';
  const { instruments, samples: c, fills: f, fillBase: base, replay, blocks: b } = batch;
  const n = instruments.length;
  const prices = instruments.map((i) => new CountText(scaledUnit(i.tickSize)));
  const qtys = instruments.map((i) => new CountText(scaledUnit(i.lotSize)));
  const symbols = instruments.map((i) => (csv ? csvCell(i.symbol) : JSON.stringify(i.symbol)));
  const money: (MoneyText | null)[] = instruments.map(() => null);
  const threshold = csv ? batch.threshold : `"${batch.threshold}"`;
  const utc = new UtcText();
  // Risk events in (ms, then log) order: the plain path's sort keeps that order among equal ms (a stable sort of each kind's log order).
  const risk = batch.riskEvents.map((record, seq) => ({ record, seq })).sort((x, y) => x.record.ts_ms - y.record.ts_ms || x.seq - y.seq).map((e) => e.record);
  const one = (record: SeriesRecord): string => formatSeriesRows([record], format);
  let fi = replay.replayed;
  let ri = 0;
  let bi = 0;
  let ti = 0;
  const fillsEnd = batch.fillsEnd;
  for (;;) {
    const fts = fi < fillsEnd ? f.ts.at(fi - base) : Number.POSITIVE_INFINITY;
    const rts = ri < risk.length ? risk[ri]!.ts_ms : Number.POSITIVE_INFINITY;
    const bts = bi < b.ts.length ? b.ts.at(bi) : Number.POSITIVE_INFINITY;
    const sts = ti < c.ts.length ? c.ts.at(ti) : Number.POSITIVE_INFINITY;
    if (fts === Number.POSITIVE_INFINITY && rts === fts && bts === fts && sts === fts) break;
    if (fts <= rts && fts <= bts && fts <= sts) {
      fillLine(out, f, fi - base, replay.feeOf(fi, f, base), fi, prices, qtys, symbols, utc.of(fts), csv);
      fi++;
    } else if (rts <= bts && rts <= sts) {
      out.add(one(risk[ri++]!));
    } else if (bts <= sts) {
      const reason = BLOCK_REASONS[b.slot.at(bi)]!;
      out.add(csv ? `blocks,${bts},${utc.of(bts)},,,,,,,,,,,,,,,,,,,,,,${reason},,,,${b.count.at(bi)},${b.since.at(bi)}\n` : `{"count":${b.count.at(bi)},"reason":"${reason}","since_ms":${b.since.at(bi)},"ts_ms":${bts},"type":"blocks","utc":"${utc.of(bts)}"}\n`);
      bi++;
    } else {
      replay.applyTo(c.fills.at(ti), f, base);
      const when = utc.of(sts);
      const state = STATES[c.state.at(ti)]!;
      for (let s = 0; s < n; s++) {
        const i = ti * n + s;
        const m = moneyText(batch, s, c.mid.at(i), money, qtys[s]!);
        const price = prices[s]!;
        const mid = c.mid.at(i) <= 0 ? null : price.of(c.mid.at(i));
        const bid = c.bid.at(i) < 0 ? null : price.of(c.bid.at(i));
        const ask = c.ask.at(i) < 0 ? null : price.of(c.ask.at(i));
        const edge = formatScaled(c.edge.at(i), BPS_E4_SCALE);
        if (csv) {
          out.add('sample,');
          out.int(sts);
          out.add(',');
          out.add(when);
          out.add(',');
          out.add(symbols[s]!);
          out.add(',');
          if (mid !== null) out.add(mid);
          out.add(',');
          if (bid !== null) out.add(bid);
          out.add(',');
          if (ask !== null) out.add(ask);
          out.add(',');
          out.add(m.csv);
          out.add(edge);
          out.add(',');
          out.add(threshold);
          out.add(',');
          out.int(c.open.at(i));
          out.add(',');
          out.add(state);
          out.add(',,,,,,,,,,,,,\n');
        } else {
          out.add('{"ask":');
          quoted(out, ask);
          out.add(',"bid":');
          quoted(out, bid);
          out.add(',"edge_threshold_bps":');
          out.add(threshold);
          out.add(',"fees_usd":"');
          out.add(m.fees);
          out.add('","inventory_usd":"');
          out.add(m.inventory);
          out.add('","mid":');
          quoted(out, mid);
          out.add(',"net_edge_bps":"');
          out.add(edge);
          out.add('","open_orders":');
          out.int(c.open.at(i));
          out.add(',"position":"');
          out.add(m.position);
          out.add('","realized_pnl_usd":"');
          out.add(m.realised);
          out.add('","risk_state":"');
          out.add(state);
          out.add('","symbol":');
          out.add(symbols[s]!);
          out.add(',"total_pnl_usd":"');
          out.add(m.total);
          out.add('","ts_ms":');
          out.int(sts);
          out.add(',"type":"sample","unrealized_pnl_usd":"');
          out.add(m.unrealised);
          out.add('","utc":"');
          out.add(when);
          out.add('"}\n');
        }
      }
      ti++;
    }
  }
  return out.bytes();
}

/** Position and PnL text of symbol `s` after the fills replayed so far, at mark `markTicks` (bookPnl's arithmetic). */
function moneyText(batch: SeriesBatch, s: number, markTicks: number, cache: (MoneyText | null)[], qty: CountText): MoneyText {
  const book = batch.replay.book(s);
  const last = cache[s];
  if (last !== null && last !== undefined && last.fills === book.fills && last.mark === markTicks) return last;
  const cost = book.costBasisPico;
  const fees = book.feesPico;
  const value = BigInt(book.positionLots * markTicks) * book.instrument.atomPico;
  const realised = book.cashPico + cost;
  const unrealised = value - cost;
  const position = qty.of(book.positionLots);
  const inventory = formatScaled(value, PICO_SCALE);
  const realisedText = formatScaled(realised, PICO_SCALE);
  const unrealisedText = formatScaled(unrealised, PICO_SCALE);
  const feesText = formatScaled(fees, PICO_SCALE);
  const total = formatScaled(realised + unrealised - fees, PICO_SCALE);
  const text: MoneyText = {
    fills: book.fills,
    mark: markTicks,
    position,
    inventory,
    realised: realisedText,
    unrealised: unrealisedText,
    fees: feesText,
    total,
    csv: `${position},${inventory},${realisedText},${unrealisedText},${feesText},${total},`,
  };
  cache[s] = text;
  return text;
}

/** A fill's or its order's id, quoted for JSON or as a CSV cell: "<prefix>-<n>" from its number, or the spelling kept aside. */
function idText(out: ByteText, columns: FillColumns, i: number, n: number, prefix: 'F' | 'O', csv: boolean): void {
  const id = (prefix === 'F' ? columns.id : columns.order).at(i);
  if (id >= 0) {
    out.add(csv ? `${prefix}-` : `"${prefix}-`);
    out.int(id);
    if (!csv) out.add('"');
    return;
  }
  const odd = columns.oddIds.get(`${prefix}${n}`)!;
  out.add(csv ? csvCell(odd) : JSON.stringify(odd));
}

function fillLine(out: ByteText, f: FillColumns, i: number, fee: bigint, n: number, prices: readonly CountText[], qtys: readonly CountText[], symbols: readonly string[], utc: string, csv: boolean): void {
  const meta = f.meta.at(i);
  const s = meta >> 2;
  const side = (meta & 2) !== 0 ? 'SELL' : 'BUY';
  const liquidity = (meta & 1) !== 0 ? 'TAKER' : 'MAKER';
  const price = prices[s]!.of(f.price.at(i));
  const qty = qtys[s]!.of(f.qty.at(i));
  const feeText = formatScaled(fee, PICO_SCALE);
  if (csv) {
    out.add('fill,');
    out.int(f.ts.at(i));
    out.add(',');
    out.add(utc);
    out.add(',');
    out.add(symbols[s]!);
    out.add(',,,,,,,,,,,,,,');
    out.add(side);
    out.add(',');
    out.add(price);
    out.add(',');
    out.add(qty);
    out.add(',');
    out.add(liquidity);
    out.add(',');
    out.add(feeText);
    out.add(',');
    idText(out, f, i, n, 'O', csv);
    out.add(',');
    idText(out, f, i, n, 'F', csv);
    out.add(',,,,,,\n');
    return;
  }
  out.add('{"fee_usd":"');
  out.add(feeText);
  out.add('","fill_id":');
  idText(out, f, i, n, 'F', csv);
  out.add(',"liquidity":"');
  out.add(liquidity);
  out.add('","order_id":');
  idText(out, f, i, n, 'O', csv);
  out.add(',"price":"');
  out.add(price);
  out.add('","qty":"');
  out.add(qty);
  out.add('","side":"');
  out.add(side);
  out.add('","symbol":');
  out.add(symbols[s]!);
  out.add(',"ts_ms":');
  out.int(f.ts.at(i));
  out.add(',"type":"fill","utc":"');
  out.add(utc);
  out.add('"}\n');
}
