// FakeExposure: a hand-set ExposureView for risk tests — BTCUSDT (symbol index 0) at 93 500.0 (1 lot = 93.5 USDT) and ETHUSDT (index 1) at 3350.00 (1 lot = 33.5 USDT).
import type { ExposureView } from '../../src/core/risk/order-gate.js';
import { worstCaseNotionalE8 } from '../../src/core/risk/exposure.js';

export interface SymbolExposure {
  position: number;
  openBuys: number;
  openSells: number;
  mark: number;
  atomE8: number;
}

/** QUOTE_E8 value of one BTCUSDT lot at the default mark (935 000 ticks × 10 000). */
export const BTC_LOT_E8 = 9_350_000_000;
export const ETH_LOT_E8 = 3_350_000_000;

/** The symbol indexes of the two symbols (their order in the map below). */
export const BTC_INDEX = 0;
export const ETH_INDEX = 1;

export class FakeExposure implements ExposureView {
  readonly bySymbol = new Map<string, SymbolExposure>([
    ['BTCUSDT', { position: 0, openBuys: 0, openSells: 0, mark: 935000, atomE8: 10_000 }],
    ['ETHUSDT', { position: 0, openBuys: 0, openSells: 0, mark: 335000, atomE8: 10_000 }],
  ]);
  private get(symbol: string | number): SymbolExposure {
    const s = typeof symbol === 'number' ? [...this.bySymbol.values()][symbol] : this.bySymbol.get(symbol);
    if (s === undefined) throw new Error(String(symbol));
    return s;
  }
  set(symbol: string, values: Partial<SymbolExposure>): this {
    Object.assign(this.get(symbol), values);
    return this;
  }
  worstCaseTotalE8(): number {
    let total = 0;
    for (const s of this.bySymbol.values()) total += worstCaseNotionalE8(s.position, s.openBuys, s.openSells, s.mark, s.atomE8);
    return total;
  }
  positionLots(symbol: number): number {
    return this.get(symbol).position;
  }
  openBuyLots(symbol: number): number {
    return this.get(symbol).openBuys;
  }
  openSellLots(symbol: number): number {
    return this.get(symbol).openSells;
  }
  markTicks(symbol: number): number {
    return this.get(symbol).mark;
  }
  atomE8(symbol: number): number {
    return this.get(symbol).atomE8;
  }
}
