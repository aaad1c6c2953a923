// ProbabilisticFillModel: a resting order fills whole when the market crosses it, else with probability fill-rate per update.
import type { Rng } from '../../ports/rng.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';
import { chance } from '../random/seeded-rng.js';
import { marketCrosses, type FillModel } from './fill-model.js';

export class ProbabilisticFillModel implements FillModel {
  readonly name = 'probabilistic';

  /**
   * @param rng the 'fills' stream; one draw per resting order per update of its symbol, none when fillRate is 0 or 1
   * @param fillRate probability in [0, 1] that a resting, uncrossed order fills on an update
   */
  constructor(
    private readonly rng: Rng,
    private readonly fillRate: number,
    private readonly fillRateText: string,
  ) {}

  restingFill(order: Order, update: TopOfBook): number {
    const remaining = order.qtyLots - order.filledLots;
    if (marketCrosses(order, update)) return remaining;
    return chance(this.rng, this.fillRate) ? remaining : 0;
  }

  describe(): Record<string, string> {
    return {
      name: this.name,
      fill_rate: this.fillRateText,
      rule: 'a resting order fills in full at its limit price (maker) when the touch crosses it; otherwise with probability fill_rate on each update of its symbol',
    };
  }
}
