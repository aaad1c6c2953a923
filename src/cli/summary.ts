// The short human summary of a finished run, for stderr (the report itself goes to stdout or --out).
import type { ChalkInstance } from 'chalk';
import type { JsonValue } from '../core/report/canonical-json.js';

type Obj = { [key: string]: JsonValue };

function obj(value: JsonValue | undefined): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function signed(text: string): string {
  return text.startsWith('-') ? text : `+${text}`;
}

export function formatSummary(report: JsonValue, c: ChalkInstance, info: { sink: string; wallMs: number }): string {
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
    const total = String(obj(pnlBySymbol[symbol])['total']);
    const colour = total.startsWith('-') ? c.red : c.green;
    lines.push(
      `  ${c.cyan(symbol.padEnd(9))} fills ${String(f['count'])} (${String(f['maker'])} maker, ${String(f['taker'])} taker)  position ${String(p['qty'])}  pnl ${colour(signed(total))} USDT`,
    );
  }
  const blocks = obj(risk['blocks_by_reason']);
  const blockText = Object.keys(blocks).length === 0 ? '' : ` (${Object.entries(blocks).map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
  const held = Number(orders['held_by_throttle'] ?? 0);
  const heldText = held === 0 ? '' : ` (${String(orders['requested'])} requested: ${String(held)} held by the rate-limit throttle, ${String(orders['dropped_before_send'])} of them cancelled before they were sent)`;
  lines.push(
    `  orders: placed ${String(orders['placed'])}${heldText}, filled ${String(orders['filled'])}, canceled ${String(orders['canceled'])}, rejected ${String(orders['rejected'])}, risk blocks ${String(orders['risk_blocks'])}${blockText}`,
  );
  lines.push(`  pnl: total ${signed(String(pnl['total']))} USDT (realized ${String(pnl['realized'])}, unrealized ${String(pnl['unrealized'])}, fees ${String(pnl['fees'])})`);
  // `risk.freezes` holds the records; `risk.freeze_events` is their count.
  const events = Array.isArray(risk['freezes']) ? risk['freezes'] : [];
  for (const e of events.map(obj)) {
    const edge = e['net_edge_bps'] === null || e['net_edge_bps'] === undefined ? '' : ` (net edge ${String(e['net_edge_bps'])} bps < ${String(e['threshold_bps'])} bps)`;
    const on = e['symbol'] === null || e['symbol'] === undefined ? 'every symbol' : String(e['symbol']);
    lines.push(c.red(`  FROZEN at ${String(e['utc'])}: ${String(e['reason'])} on ${on}${edge}; ${String(e['orders_cancelled'])} orders cancelled`));
  }
  lines.push(c.dim(`  ${String(ex['market_updates'])} market updates in ${info.wallMs.toFixed(0)} ms wall · report → ${info.sink}`));
  return lines.join('\n') + '\n';
}
