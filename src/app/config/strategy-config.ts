// The strategy part of a run config: which strategy quotes (--strategy, its parameters), the symmetric quoter's settings, and how orders are sent, moved and cancelled.
import type { OrderOptions } from '../../core/model/order.js';
import type { StrategyParamValue } from '../../ports/strategy.js';
import type { DecimalText } from './decimal-text.js';

/** --strategy: a built-in by name, or a plug-in module by the path given (loaded before the run). */
export type StrategyChoice = { readonly kind: 'builtin'; readonly name: string } | { readonly kind: 'plugin'; readonly file: string };

export interface StrategyConfig {
  /** --spread-bps: full quoted spread around the mid, bps, > 0..10000; @default defaultSpreadBps(maker fee). */
  readonly spreadBps: DecimalText;
  /** --requote-bps: price move that makes the quoter cancel/replace, bps, 0..10000. @default '2' */
  readonly requoteBps: DecimalText;
  /** --order-notional: target notional per order, USD, > 0. @default '500' */
  readonly orderNotionalUsd: DecimalText;
  /** --order-options: sent with every order. @default GTC, no flags */
  readonly orderOptions: OrderOptions;
  /** --requote-mode: a moved quote is cancelled and replaced, or amended in place. @default 'replace' */
  readonly requoteMode: 'replace' | 'amend';
  /** --cancel-mode: a freeze or stop sends one cancel per order, or one cancel-all per symbol. @default 'per-order' */
  readonly cancelMode: 'per-order' | 'cancel-all';
  /** --exit-oco TP:SL: an exit OCO on each open position, distances from the mid, bps, > 0..10000; null (@default): none. */
  /** --strategy: null (@default) is the built-in symmetric quoter, unnamed in the report (so reports without --strategy keep their bytes). */
  readonly choice: StrategyChoice | null;
  /** --strategy-params: the parameters as given (a JSON object), checked against the strategy's declared schema when it is loaded. @default {} */
  readonly params: Readonly<Record<string, StrategyParamValue>>;
  /** --strategy-budget-ms: the longest one callback call of a --strategy may take, wall ms, 1..3600000; over it the run stops (E_STRATEGY). @default 1000 */
  readonly budgetMs: number;
  readonly exitOco: { readonly takeProfitBps: DecimalText; readonly stopLossBps: DecimalText } | null;
}
