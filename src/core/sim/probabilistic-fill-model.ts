// ProbabilisticFillModel: a resting order fills whole when the market crosses it, else with probability fill-rate per update.
import type { Rng } from '../../ports/rng.js';
import type { JsonValue } from '../report/canonical-json.js';
import type { TopOfBook } from '../model/market-update.js';
import type { Order } from '../model/order.js';
import { chance } from '../random/seeded-rng.js';
import { marketCrosses, remainingLots, type FillModel } from './fill-model.js';

export class ProbabilisticFillModel implements FillModel {
  readonly name = 'probabilistic';
  private crossFills = 0;
  private chanceFills = 0;

  /**
   * @param rng the 'fills' stream; one draw per resting order per update of its symbol, none when fillRate is 0 or 1
   * @param fillRate probability in [0, 1] that a resting, uncrossed order fills on an update
   */
  constructor(
    private readonly rng: Rng,
    private readonly fillRate: number,
    private readonly fillRateText: string,
  ) {}

  onRest(): void {}

  quoteFill(order: Order, update: TopOfBook): number {
    if (marketCrosses(order, update)) {
      this.crossFills++;
      return remainingLots(order);
    }
    if (!chance(this.rng, this.fillRate)) return 0;
    this.chanceFills++;
    return remainingLots(order);
  }

  /** Trades play no part: the model is for synthetic markets, which print none. */
  tradeFill(): number {
    return 0;
  }

  describe(): Record<string, JsonValue> {
    return {
      name: this.name,
      fill_rate: this.fillRateText,
      rule: 'a resting order fills in full at its limit price (maker) when the touch crosses it; otherwise with probability fill_rate on each update of its symbol',
    };
  }

  simplifications(): readonly string[] {
    return [
      'own orders do not appear in the public book and take no queue position',
      'resting orders fill whole, at their limit price, as maker; no partial fills in the probabilistic model',
    ];
  }

  stats(): Record<string, JsonValue> {
    return { fills_when_crossed: this.crossFills, fills_by_chance: this.chanceFills };
  }
}
