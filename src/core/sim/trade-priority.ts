// Which of our resting orders a public trade reaches, in the order it meets them (price-time priority).
import type { Order } from '../model/order.js';
import { tradeReaches } from './fill-conditions.js';

/**
 * Resting (OPEN or PARTIALLY_FILLED, not a dormant OCO stop leg) orders a trade at `priceTicks` reaches: buys at or
 * above it, sells at or below it. Ordered buys first (a trade reaches both sides only when our own quotes cross),
 * then best price (highest buy, lowest sell), then oldest (seq). Null when it reaches none (no allocation).
 */
export function ordersReachedByTrade(resting: readonly Order[], priceTicks: number): Order[] | null {
  let reached: Order[] | null = null;
  for (let i = 0; i < resting.length; i++) {
    const order = resting[i]!;
    if (order.status !== 'OPEN' && order.status !== 'PARTIALLY_FILLED') continue;
    if (order.leg?.role === 'stop' && !order.leg.triggered) continue;
    if (tradeReaches(order, priceTicks)) (reached ??= []).push(order);
  }
  reached?.sort((a, b) => (a.side === b.side ? 0 : a.side === 'BUY' ? -1 : 1) || (a.side === 'BUY' ? b.priceTicks - a.priceTicks : a.priceTicks - b.priceTicks) || a.seq - b.seq);
  return reached;
}
