// Covers composeRun's run quote scale end to end: OKX and Kraken spot (tick × lot 1e-9, 1e-10) run in 1e-9 / 1e-10 quote units with model.quote_unit, USD amounts above 2^53 units refused at the exact bound, plug-ins refused off the 1e-8 grid, and 1e-8 runs without the key.
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

type Json = any;
const OKX = ['run', '--exchange', 'ccxt:okx', '--market', 'spot', '--instruments', 'test/fixtures/ccxt/okx-markets.json', '--symbols', 'BTC/USDT', '--iterations', '300'];
const KRAKEN = ['run', '--exchange', 'ccxt:kraken', '--instruments', 'test/fixtures/ccxt/kraken-markets.json', '--symbols', 'BTC/USDT,ETH/USDT', '--iterations', '300'];

describe('composeRun quote scale', () => {
  it('runs OKX spot BTC/USDT (0.1 × 1e-8) in 1e-9 USDT units, byte-stably', async () => {
    const first = await runCliInProcess(OKX);
    const second = await runCliInProcess(OKX);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const r: Json = JSON.parse(first.stdout);
    expect(r.model.quote_unit).toMatchObject({ unit: '1e-9', why: 'BTC/USDT: tick 0.1 × lot 0.00000001 USDT' });
    expect([r.orders.placed, r.orders.rejected, r.fills.count, r.pnl.total]).toEqual([66, 0, 38, '14.680427833261']);
  });

  it('runs Kraken BTC/USDT and ETH/USDT (0.01 × 1e-8) in 1e-10 USDT units, the finest either needs', async () => {
    const result = await runCliInProcess(KRAKEN);
    expect(result.code).toBe(0);
    const r: Json = JSON.parse(result.stdout);
    expect(r.model.quote_unit).toMatchObject({ unit: '1e-10', why: 'ETH/USDT: tick 0.01 × lot 0.00000001 USDT' });
    expect([r.orders.placed, r.orders.rejected, r.fills.count, r.pnl.total]).toEqual([132, 0, 67, '27.163060905528']);
  });

  it('takes a limit up to 2^53 - 1 quote units and refuses one a unit above, naming the bound exactly', async () => {
    const at = await runCliInProcess([...KRAKEN, '--iterations', '3', '--max-total', '900719.92547409']);
    expect(at.code).toBe(0);
    const above = await runCliInProcess([...KRAKEN, '--iterations', '3', '--max-total', '900719.9254741']);
    expect(above.code).toBe(2);
    expect(above.stderr).toContain("--max-total 900719.9254741 is above 900719.9254740991 USD, the largest amount exact in the run's quote unit 1e-10 (ETH/USDT: tick 0.01 × lot 0.00000001 USDT)");
  });

  it('refuses a strategy plug-in on a finer scale (its amounts are quote × 10⁸)', async () => {
    const result = await runCliInProcess([...OKX, '--iterations', '3', '--strategy', 'examples/strategies/quote-mid.mjs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--strategy FILE needs instruments on a 1e-8 grid: BTC/USDT: tick 0.1 × lot 0.00000001 USDT makes this run count in 1e-9 USDT, and a plug-in's amounts are quote × 10⁸");
  });

  it('leaves model.quote_unit out on a 1e-8 grid', async () => {
    const result = await runCliInProcess(['run', '--iterations', '3']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).model).not.toHaveProperty('quote_unit');
  });
});
