// The one line of the stderr summary that says why a run froze or could not trade, and which flag changes it (null when it traded).
import type { JsonValue } from '../core/report/canonical-json.js';
import { Decimal, formatDecimal } from '../core/money/decimal.js';

type Obj = { [key: string]: JsonValue };

function obj(value: JsonValue | undefined): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function num(value: JsonValue | undefined): number {
  return typeof value === 'number' ? value : 0;
}

function dec(value: JsonValue | undefined): Decimal {
  return new Decimal(typeof value === 'string' && value !== '' ? value : '0');
}

/** The narrowest full spread that keeps net edge at the threshold: 2 × (maker fee + adverse selection + threshold), bps. */
function spreadNeeded(edge: Obj, thresholdBps: JsonValue | undefined): string {
  return formatDecimal(dec(edge['maker_fee_bps']).plus(dec(edge['adverse_selection_bps'])).plus(dec(thresholdBps)).times(2));
}

function freezeAdvice(report: Obj, freeze: Obj): string {
  const risk = obj(report['risk']);
  const config = obj(report['config']);
  const symbol = typeof freeze['symbol'] === 'string' ? freeze['symbol'] : null;
  switch (freeze['reason']) {
    case 'EDGE_BELOW_THRESHOLD': {
      const edge = obj(obj(risk['edge_by_symbol'])[symbol ?? '']);
      const parts = `half spread ${String(edge['half_spread_bps'])} − maker fee ${String(edge['maker_fee_bps'])} − adverse selection ${String(edge['adverse_selection_bps'])}`;
      return `${symbol ?? 'a symbol'}'s net edge ${String(freeze['net_edge_bps'])} bps (${parts}) fell below --edge-threshold ${String(freeze['threshold_bps'])}: set --spread-bps to at least ${spreadNeeded(edge, freeze['threshold_bps'])} (now ${String(config['spread_bps'])}), or lower --edge-threshold`;
    }
    case 'STALE_MARKET_DATA':
      return `${symbol ?? 'a traded symbol'} had no market data for longer than --stale-ms ${String(config['stale_ms'])}: raise --stale-ms, or check the feed (market_data)`;
    case 'MAX_DRAWDOWN':
      return `PnL fell more than --max-drawdown ${String(config['max_drawdown_usd'])} USDT below its peak: raise --max-drawdown, or let it unfreeze with --unfreeze auto:<ms>`;
    case 'VENUE_CIRCUIT_OPEN':
      return 'venue failures opened the circuit breaker: it lets a probe through after --circuit-cooldown-ms; --circuit-failures and --circuit-window-ms set when it opens';
    case 'MANUAL':
      return 'an operator froze the run: append a line "unfreeze" to the --control file, or send SIGUSR2';
    default:
      return `frozen (${String(freeze['reason'])}): see risk.freezes in the report`;
  }
}

/** Why the run froze (still frozen at the end) or never filled, and the flag that changes it; null when it traded. */
export function cannotTradeAdvice(report: JsonValue): string | null {
  const r = obj(report);
  const risk = obj(r['risk']);
  const freezes = Array.isArray(risk['freezes']) ? risk['freezes'].map(obj) : [];
  if (risk['frozen'] === true && freezes.length > 0) return freezeAdvice(r, freezes[freezes.length - 1]!);
  const fills = obj(r['fills']);
  if (num(fills['count']) > 0) return null;
  const orders = obj(r['orders']);
  const config = obj(r['config']);
  const options = obj(config['order_options']);
  if (num(orders['placed']) > 0 && num(orders['rejected']) === num(orders['placed'])) {
    if (options['reduce_only'] === true) {
      return 'the venue refused every order: reduceOnly orders can only shrink a position and the run starts flat: drop reduceOnly from --order-options';
    }
    return 'the venue refused every order (orders.rejects_by_code): check --order-options, --order-notional and the instrument filters';
  }
  const blocks = obj(risk['blocks_by_reason']);
  if (num(orders['placed']) === 0 && num(orders['risk_blocks']) > 0) {
    return `the risk limits blocked every order (${Object.keys(blocks).sort().join(', ')}): raise --max-inv or --max-total, or lower --order-notional`;
  }
  const model = config['fill_model'];
  const trades = num(obj(obj(r['market_data'])['loop'])['trades']);
  if ((model === 'trade-through' || model === 'queue') && obj(r['market_data'])['loop'] !== undefined && trades === 0 && num(orders['placed']) > 0) {
    return `no fills: --fill-model ${String(model)} fills only from trades and a crossing touch, and the feed delivered no trades: use --fill-model probabilistic, or record a trade stream`;
  }
  return null;
}
