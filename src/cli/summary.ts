// The short human summary of a finished run, for stderr (the report itself goes to stdout or --out).
// One number format: counts as plain digits (no thousands separators, as in the report), USDT amounts to the cent,
// prices and quantities as the report writes them (prices, never ticks).
import { Decimal } from '../core/money/decimal.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { cannotTradeAdvice } from './summary-advice.js';

/** The styles the summary uses (a chalk instance, or plain text). */
export interface SummaryStyles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

type Obj = { [key: string]: JsonValue };

function obj(value: JsonValue | undefined): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function signed(text: string): string {
  return text.startsWith('-') ? text : `+${text}`;
}

/** A USDT amount to the cent (the report keeps every digit); "-0.00" prints as "0.00". */
function usd(value: JsonValue | undefined): string {
  const text = typeof value === 'string' && value !== '' ? value : '0';
  const cents = new Decimal(text).toFixed(2);
  return cents === '-0.00' ? '0.00' : cents;
}

/** A price as the report writes it, or "–" when there is none (no position, no mark yet). */
function price(value: JsonValue | undefined): string {
  return typeof value === 'string' && value !== '' ? value : '–';
}

export function formatSummary(report: JsonValue, c: SummaryStyles, info: { sink: string; wallMs: number }): string {
  const r = obj(report);
  const ex = obj(r['execution']);
  const orders = obj(r['orders']);
  const risk = obj(r['risk']);
  const pnl = obj(r['pnl']);
  const fills = obj(r['fills']);
  const positions = obj(obj(r['positions'])['by_symbol']);
  const pnlBySymbol = obj(pnl['by_symbol']);
  const fillsBySymbol = obj(fills['by_symbol']);
  const lines: string[] = [];

  const interrupted = ex['status'] === 'interrupted';
  lines.push(
    `${c.bold(`${String(r['tool'])} ${String(r['version'])}`)} · ${String(ex['exchange'])} venue · ${String(ex['mode'])} mode · ${String(ex['feed'])} feed · seed ${String(r['seed'])}` +
      (interrupted ? c.yellow(' · interrupted') : '') +
      (ex['status'] === 'failed' ? c.red(' · failed') : ''),
  );
  for (const symbol of Object.keys(positions)) {
    const p = obj(positions[symbol]);
    const f = obj(fillsBySymbol[symbol]);
    const total = usd(obj(pnlBySymbol[symbol])['total']);
    const colour = total.startsWith('-') ? c.red : c.green;
    const entry = p['qty'] === '0' ? '' : ` @ ${price(p['avg_entry_price'])}`;
    lines.push(
      `  ${c.cyan(symbol.padEnd(9))} fills ${String(f['count'])} (${String(f['maker'])} maker, ${String(f['taker'])} taker)  position ${String(p['qty'])}${entry}  mark ${price(p['mark_price'])}  pnl ${colour(signed(total))} USDT`,
    );
  }
  const blocks = obj(risk['blocks_by_reason']);
  const blockText = Object.keys(blocks).length === 0 ? '' : ` (${Object.entries(blocks).map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
  const held = Number(orders['held_by_throttle'] ?? 0);
  const heldText = held === 0 ? '' : ` (${String(orders['requested'])} requested: ${String(held)} held by the rate-limit throttle, ${String(orders['dropped_before_send'])} of them cancelled before they were sent)`;
  lines.push(
    `  orders: placed ${String(orders['placed'])}${heldText}, filled ${String(orders['filled'])}, canceled ${String(orders['canceled'])}, rejected ${String(orders['rejected'])}, risk blocks ${String(orders['risk_blocks'])}${blockText}`,
  );
  lines.push(`  pnl: total ${signed(usd(pnl['total']))} USDT (realized ${usd(pnl['realized'])}, unrealized ${usd(pnl['unrealized'])}, fees ${usd(pnl['fees'])})`);
  // `risk.freezes` holds the records; `risk.freeze_events` is their count.
  const events = Array.isArray(risk['freezes']) ? risk['freezes'] : [];
  for (const e of events.map(obj)) {
    const edge = e['net_edge_bps'] === null || e['net_edge_bps'] === undefined ? '' : ` (net edge ${String(e['net_edge_bps'])} bps < ${String(e['threshold_bps'])} bps)`;
    const on = e['symbol'] === null || e['symbol'] === undefined ? 'every symbol' : String(e['symbol']);
    lines.push(c.red(`  FROZEN at ${String(e['utc'])}: ${String(e['reason'])} on ${on}${edge}; ${String(e['orders_cancelled'])} orders cancelled`));
  }
  const advice = cannotTradeAdvice(report);
  if (advice !== null) lines.push(c.yellow(`  why: ${advice}`));
  lines.push(c.dim(`  ${String(ex['market_updates'])} market updates in ${info.wallMs.toFixed(0)} ms wall · report → ${info.sink}`));
  return lines.join('\n') + '\n';
}
