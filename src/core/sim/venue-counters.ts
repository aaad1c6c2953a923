// VenueCounters: what a simulated venue counts on its side of the wire, turned into VenueStats with sorted keys.
import type { VenueStats } from '../../ports/exchange-client.js';
import type { OrderCounts } from '../orders/order-store.js';

function sorted(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}

export class VenueCounters {
  /** Rejected orders by the venue's code. */
  private readonly rejectsByCode = new Map<string, number>();
  /** Orders the venue ended itself (post-only would take, IOC/FOK remainder), by its reason. */
  private readonly venueCancels = new Map<string, number>();
  cancelsRejected = 0;
  amendsRejected = 0;
  ocoLists = 0;
  /** Orders cancelled by the client while its rate limiter still held them: never sent. */
  dequeued = 0;
  ocoListsDequeued = 0;
  stopsTriggered = 0;
  makerFills = 0;
  takerFills = 0;

  reject(code: string): void {
    this.rejectsByCode.set(code, (this.rejectsByCode.get(code) ?? 0) + 1);
  }

  venueCancel(reason: string): void {
    this.venueCancels.set(reason, (this.venueCancels.get(reason) ?? 0) + 1);
  }

  stats(orders: OrderCounts, fills: number, liveOrders: number, api: Record<string, unknown>): Omit<VenueStats, 'fillModel' | 'wire'> {
    return {
      ordersCreated: orders.created,
      accepted: orders.accepted,
      rejected: orders.rejected,
      rejectsByCode: sorted(this.rejectsByCode),
      filled: orders.filled,
      partiallyFilled: orders.partiallyFilled,
      canceled: orders.canceled,
      amended: orders.amended,
      amendsRejected: this.amendsRejected,
      ocoLists: this.ocoLists,
      dequeued: this.dequeued,
      ocoListsDequeued: this.ocoListsDequeued,
      stopsTriggered: this.stopsTriggered,
      venueCancels: sorted(this.venueCancels),
      cancelsRejected: this.cancelsRejected,
      fills,
      makerFills: this.makerFills,
      takerFills: this.takerFills,
      liveOrders,
      api,
    };
  }
}
