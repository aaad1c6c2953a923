// FeeSchedule: maker/taker rates in parts per million of notional (1 bps = 100 ppm); negative = rebate.
import { Decimal, parseDecimal } from '../money/decimal.js';
import { ShadowExecError } from '../errors/shadow-exec-error.js';

export interface FeeSchedule {
  readonly makerPpm: number;
  readonly takerPpm: number;
}

/** "2" or "5.5" bps → ppm; more precision than 0.01 bps is an error, not a rounding. */
export function bpsToPpm(bps: string, what: string): number {
  const ppm = parseDecimal(bps, what).times(100);
  if (!ppm.isInteger()) throw new ShadowExecError('E_CONFIG', `${what}: '${bps}' has more than 2 decimals of a bps`);
  return ppm.toNumber();
}

export function ppmToBps(ppm: number): string {
  return new Decimal(ppm).div(100).toFixed();
}
