// Covers the ccxt venue module's amend support: --requote-mode amend where the class edits orders natively (has.editOrder true), refused naming cancel + new order where ccxt emulates editOrder or has none, and the report's simplification on amend runs only.
import { describe, expect, it } from 'vitest';
import { CCXT_AMEND_SIMPLIFICATION, CCXT_SIMPLIFICATIONS, ccxtVenue } from '../../../src/venues/ccxt/ccxt-venue.js';
import type { FeeSchedule } from '../../../src/core/sim/fee-schedule.js';
import { runCliInProcess } from '../../helpers/cli.js';

describe('ccxtVenue orderOptions.amendsPrice', () => {
  it('moves prices by amend where has.editOrder is true (okx, kraken, binance)', async () => {
    for (const id of ['okx', 'kraken', 'binance']) expect((await ccxtVenue(id)).orderOptions.amendsPrice('spot')).toEqual({ price: true, note: '' });
  });

  it('refuses amend where ccxt emulates editOrder (backpack) or has none (bitopro), naming --requote-mode replace', async () => {
    expect((await ccxtVenue('backpack')).orderOptions.amendsPrice('spot')).toEqual({ price: false, note: 'ccxt emulates its editOrder (cancel + create) for ccxt:backpack: use --requote-mode replace (cancel + new order)' });
    expect((await ccxtVenue('bitopro')).orderOptions.amendsPrice('spot')).toEqual({ price: false, note: "ccxt's class has no editOrder (has.editOrder false) for ccxt:bitopro: use --requote-mode replace (cancel + new order)" });
  });
});

describe('ccxtVenue wire simplifications', () => {
  const fees: FeeSchedule = { makerPpm: 100, takerPpm: 200 };
  const input = { market: 'spot', instruments: [], built: new Map(), fees, dryRun: null, throttle: true, latencyMs: 50, clientIdPrefix: 'se7-' };

  it('adds the editOrder line on amend runs only', async () => {
    const venue = await ccxtVenue('okx');
    expect(venue.wire(input).simplifications).toEqual(CCXT_SIMPLIFICATIONS);
    expect(venue.wire({ ...input, requoteMode: 'replace' }).simplifications).toEqual(CCXT_SIMPLIFICATIONS);
    expect(venue.wire({ ...input, requoteMode: 'amend' }).simplifications).toEqual([...CCXT_SIMPLIFICATIONS, CCXT_AMEND_SIMPLIFICATION]);
  });
});

describe('run --exchange ccxt:binance --requote-mode amend', () => {
  it('moves quotes by amends (26 sent, none rejected) where cancel + replace cancels 28, and says so in simplifications', async () => {
    const base = ['run', '--exchange', 'ccxt:binance', '--instruments', 'test/fixtures/ccxt/binance-markets.json', '--symbols', 'BTC/USDT', '--iterations', '300'];
    const amend = await runCliInProcess([...base, '--requote-mode', 'amend']);
    const replace = await runCliInProcess(base);
    expect([amend.code, replace.code]).toEqual([0, 0]);
    const a = JSON.parse(amend.stdout);
    const r = JSON.parse(replace.stdout);
    expect(a.orders).toMatchObject({ placed: 40, amends_sent: 26, amends_rejected: 0, cancels_sent: 2 });
    expect(r.orders).toMatchObject({ placed: 66, amends_sent: 0, cancels_sent: 28 });
    expect([a.fills.count, a.pnl.total]).toEqual([38, '16.3584084807']);
    expect(a.model.simplifications).toContain(CCXT_AMEND_SIMPLIFICATION);
    expect(r.model.simplifications).not.toContain(CCXT_AMEND_SIMPLIFICATION);
  });
});
