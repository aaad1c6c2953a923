// ProbabilisticFillModel: a resting order fills whole (an iceberg: its visible slice) when the market crosses it, else with probability fill-rate per update.
import type { Rng } from '../../ports/rng.js';
import type { JsonValue } from '../report/canonical-json.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';
import { chance } from '../random/seeded-rng.js';
import { marketCrosses, remainingLots } from './fill-conditions.js';
import type { FillModel } from '../../ports/fill-model.js';
import type { IcebergVisible } from './iceberg-visible.js';

export class ProbabilisticFillModel implements FillModel {
  readonly name = 'probabilistic';
  private crossFills = 0;
  private chanceFills = 0;
  private icebergRefreshes = 0;

  /**
   * @param rng the 'fills' stream; one draw per resting order per update of its symbol, none when fillRate is 0 or 1
   * @param fillRate probability in [0, 1] that a resting, uncrossed order fills on an update
   * @param iceberg visible lots of iceberg orders: each fill is at most the visible slice
   */
  constructor(
    private readonly rng: Rng,
    private readonly fillRate: number,
    private readonly fillRateText: string,
    private readonly iceberg: IcebergVisible,
  ) {}

  onRest(): void {}

  quoteFill(order: Order, update: TopOfBook): number {
    if (marketCrosses(order, update)) {
      this.crossFills++;
      return this.take(order);
    }
    if (!chance(this.rng, this.fillRate)) return 0;
    this.chanceFills++;
    return this.take(order);
  }

  /** Trades play no part: the model is for synthetic markets, which print none. */
  tradeFill(): number {
    return 0;
  }

  /**
   * The whole rest of a plain order; for an iceberg, its visible slice (never more than the rest). Every fill here
   * takes a whole slice, so the next one is a new arrival at the back of its level: the engine offers each update
   * once per order, so that slice fills at the earliest on the next update of its symbol, by its own draw or crossing.
   */
  private take(order: Order): number {
    const rest = remainingLots(order);
    const visible = this.iceberg.lots(order);
    if (visible === null || visible >= rest) return rest;
    this.icebergRefreshes++;
    return visible;
  }

  describe(): Record<string, JsonValue> {
    return {
      name: this.name,
      fill_rate: this.fillRateText,
      rule: 'a resting order fills in full at its limit price (maker) when the touch crosses it; otherwise with probability fill_rate on each update of its symbol',
      iceberg: 'an iceberg order fills its visible slice, not its whole rest, on each such fill; the next slice joins the back of its level and can fill from the next update of its symbol on, by the same rule',
    };
  }

  simplifications(): readonly string[] {
    return [
      'own orders do not appear in the public book and take no queue position',
      'resting orders fill whole (an iceberg: its visible slice), at their limit price, as maker; no other partial fills in the probabilistic model',
    ];
  }

  stats(): Record<string, JsonValue> {
    return { fills_when_crossed: this.crossFills, fills_by_chance: this.chanceFills, iceberg_refreshes: this.icebergRefreshes };
  }
}
