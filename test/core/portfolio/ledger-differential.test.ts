// Ledger (PendingPico sums) equals the all-bigint ledger it replaced — fee, position, cost basis, cash, fees, traded notional and counters after every fill — over random fills, reads between them, exact and rounded fee rates, and sums past 2^53 atoms.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { Ledger } from '../../../src/core/portfolio/ledger.js';
import { buildInstrument, type Instrument } from '../../../src/core/model/instrument.js';
import type { Fill } from '../../../src/core/model/fill.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';
import { divRoundHalfEven } from '../../../src/core/money/bigint-math.js';
import type { FeeSchedule } from '../../../src/core/sim/fee-schedule.js';
import { BTCUSDT_SPEC } from '../../helpers/instrument-specs.js';

const PPM = 1_000_000n;

/** The simple version: every amount a bigint, updated per fill (the ledger before #21's PendingPico). */
class ReferenceBook {
  positionLots = 0;
  costBasisPico = 0n;
  cashPico = 0n;
  feesPico = 0n;
  tradedNotionalPico = 0n;
  fills = 0;
  makerFills = 0;
  takerFills = 0;
  boughtLots = 0;
  soldLots = 0;

  constructor(
    private readonly instrument: Instrument,
    private readonly fees: FeeSchedule,
  ) {}

  applyFill(fill: Fill): bigint {
    const atom = this.instrument.atomPico;
    const sign = fill.side === 'BUY' ? 1 : -1;
    const maker = fill.liquidity === 'MAKER';
    const notional = BigInt(fill.priceTicks * fill.qtyLots) * atom;
    const fee = divRoundHalfEven(notional * BigInt(maker ? this.fees.makerPpm : this.fees.takerPpm), PPM);
    const signedNotional = sign > 0 ? notional : -notional;
    const pos = this.positionLots;
    if (pos === 0 || Math.sign(pos) === sign) {
      this.costBasisPico += signedNotional;
      this.positionLots = pos + sign * fill.qtyLots;
    } else {
      const absPos = Math.abs(pos);
      const closing = Math.min(fill.qtyLots, absPos);
      this.costBasisPico -= closing === absPos ? this.costBasisPico : divRoundHalfEven(this.costBasisPico * BigInt(closing), BigInt(absPos));
      const opening = fill.qtyLots - closing;
      this.positionLots = pos + sign * fill.qtyLots;
      if (opening > 0) this.costBasisPico = BigInt(sign * fill.priceTicks * opening) * atom;
    }
    this.cashPico -= signedNotional;
    this.feesPico += fee;
    this.fills++;
    if (maker) this.makerFills++;
    else this.takerFills++;
    if (sign > 0) this.boughtLots += fill.qtyLots;
    else this.soldLots += fill.qtyLots;
    this.tradedNotionalPico += notional;
    return fee;
  }
}

const INSTRUMENTS = [buildInstrument(BTCUSDT_SPEC), buildInstrument({ ...BTCUSDT_SPEC, symbol: 'ETHUSDT', baseAsset: 'ETH', tickSize: '0.01', lotSize: '0.01', minQty: '0.01' })];
const FIELDS = ['positionLots', 'costBasisPico', 'cashPico', 'feesPico', 'tradedNotionalPico', 'fills', 'makerFills', 'takerFills', 'boughtLots', 'soldLots'] as const;

const step = fc.record({
  symbol: fc.integer({ min: 0, max: 1 }),
  buy: fc.boolean(),
  maker: fc.boolean(),
  // Small books, and products near 2^53 per fill so the running sums leave the safe integers (the fold path).
  priceTicks: fc.oneof(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 2 ** 30, max: 2 ** 33 })),
  qtyLots: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 100_000, max: 1_000_000 })),
  read: fc.boolean(),
});

describe('Ledger against the all-bigint reference', () => {
  it('keeps every book field and fee equal after each fill', () => {
    const fees = fc.constantFrom<FeeSchedule>({ makerPpm: 200, takerPpm: 550 }, { makerPpm: -25, takerPpm: 333 }, { makerPpm: 0, takerPpm: 1 }, { makerPpm: 7, takerPpm: 1_000 });
    fc.assert(
      fc.property(fees, fc.array(step, { maxLength: 60 }), (schedule, steps) => {
        const ledger = new Ledger(INSTRUMENTS, schedule);
        const reference = INSTRUMENTS.map((i) => new ReferenceBook(i, schedule));
        steps.forEach((s, n) => {
          const f: Fill = { id: `F-${n}` as FillId, orderId: `O-${n}` as OrderId, symbol: INSTRUMENTS[s.symbol]!.symbol, symbolIndex: s.symbol, side: s.buy ? 'BUY' : 'SELL', priceTicks: s.priceTicks, qtyLots: s.qtyLots, liquidity: s.maker ? 'MAKER' : 'TAKER', ts: 0, quoteMidTicks: s.priceTicks };
          if (!Number.isSafeInteger(s.priceTicks * s.qtyLots)) return; // the fill path needs exact atoms (the engine's ticks × lots)
          expect(ledger.applyFill(f)).toBe(reference[s.symbol]!.applyFill(f));
          if (s.read || n === steps.length - 1) {
            for (let i = 0; i < INSTRUMENTS.length; i++) for (const field of FIELDS) expect(ledger.book(i)[field]).toBe(reference[i]![field]);
          }
        });
      }),
    );
  });
});
