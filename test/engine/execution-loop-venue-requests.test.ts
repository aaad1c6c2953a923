// The execution loop's amend requote mode and cancel-all freeze mode, in-process on the fake and Bybit venues: what it sends and what it leaves open.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { composeRun, type ComposedRun } from '../../src/app/compose.js';
import type { RunInput } from '../../src/app/config/run-input.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
import { runSession } from '../../src/engine/run-session.js';
import { RecordingExchangeClient } from '../helpers/recording-exchange-client.js';
import type { ExecutionListener } from '../../src/ports/exchange-client.js';

const TOOL = { name: 'shadow-exec', version: 'test' };

async function run(options: RunInput): Promise<{ run: ComposedRun; recorder: RecordingExchangeClient; report: any }> {
  let composed: ComposedRun | undefined;
  let recorder: RecordingExchangeClient | undefined;
  composed = composeRun(validateRunConfig(options), TOOL, {
    wrapVenue: (venue) => (recorder = new RecordingExchangeClient(venue, () => composed!.clock)),
  });
  const result = await runSession(composed, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 256 });
  return { run: composed, recorder: recorder!, report: JSON.parse(JSON.stringify(result.report)) };
}

const MOVING: RunInput = { iterations: '1500', volatilityBps: '2', seed: '21', edgeThreshold: '-100' };

describe('ExecutionLoop with --requote-mode amend', () => {
  it('moves resting quotes with amends instead of cancel-and-replace, and ends with nothing open', async () => {
    const replace = await run(MOVING);
    const amend = await run({ ...MOVING, requoteMode: 'amend' });
    expect(amend.recorder.amends.length).toBeGreaterThan(0);
    expect(amend.report.orders.amends_sent).toBe(amend.recorder.amends.length);
    expect(amend.recorder.sent.length).toBeLessThan(replace.recorder.sent.length);
    expect(amend.recorder.stats().amended + amend.report.orders.amends_rejected).toBe(amend.report.orders.amends_sent);
    expect(amend.report.orders.open_at_end).toBe(0);
    expect(amend.run.loop.openOrders).toBe(0);
  });

  it('never amends an order before the venue has accepted it', async () => {
    const { recorder } = await run({ ...MOVING, requoteMode: 'amend', latencyMs: '400' });
    for (const a of recorder.amends) {
      const placed = recorder.sent.find((s) => s.id === a.id)!;
      expect(a.at).toBeGreaterThanOrEqual(placed.at + 400);
    }
  });
});

describe('ExecutionLoop with --cancel-mode cancel-all', () => {
  const FREEZE: RunInput = { symbols: 'BTCUSDT,ETHUSDT', iterations: '2000', volatilityBps: '5', spreadBps: '8', latencyMs: '200', edgeThreshold: '1.5', fillRate: '0.1', seed: '42' };

  it('freezes with one cancel-all per symbol holding orders, and still ends with nothing open', async () => {
    const { recorder, report } = await run({ ...FREEZE, cancelMode: 'cancel-all' });
    expect(report.risk.frozen).toBe(true);
    const freezeAt = Date.parse(report.risk.freezes[0].utc);
    const atFreeze = recorder.cancelAlls.filter((c) => c.at === freezeAt).map((c) => c.symbol);
    expect(atFreeze.length).toBeGreaterThan(0);
    expect(new Set(atFreeze).size).toBe(atFreeze.length);
    expect(report.orders.cancel_alls_sent).toBe(recorder.cancelAlls.length);
    expect(report.orders.open_at_end).toBe(0);
    expect(report.orders.placed_while_frozen).toBe(0);
  });

  it('falls back to one cancel per order when the venue refuses the cancel-all, and still ends with nothing open', async () => {
    let composed: ComposedRun | undefined;
    let recorder: RecordingExchangeClient | undefined;
    composed = composeRun(validateRunConfig({ ...FREEZE, cancelMode: 'cancel-all' }), TOOL, {
      wrapVenue: (venue) => {
        recorder = new RecordingExchangeClient(venue, () => composed!.clock);
        let listener: ExecutionListener | undefined;
        const setListener = recorder.setListener.bind(recorder);
        recorder.setListener = (l) => {
          listener = l;
          setListener(l);
        };
        // A venue over its rate limit: every cancel-all is answered 10006 and cancels nothing.
        recorder.cancelAll = (symbol) => {
          recorder!.cancelAlls.push({ symbol, at: composed!.clock.now() });
          listener!.onCancelAllRejected(symbol, { code: '10006', message: 'Too many visits. Exceeded the API Rate Limit.' });
        };
        return recorder;
      },
    });
    const result = await runSession(composed, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 256 });
    const report = JSON.parse(JSON.stringify(result.report));
    const freezeAt = Date.parse(report.risk.freezes[0].utc);
    expect(recorder!.cancelAlls.filter((c) => c.at === freezeAt).length).toBeGreaterThan(0);
    // Nothing was cancelled by the refused cancel-alls: every order alive at the freeze went by a single cancel.
    expect(recorder!.cancels.filter((c) => c.at >= freezeAt).length).toBeGreaterThan(0);
    expect(recorder!.stats().canceled).toBe(report.orders.canceled);
    expect(report.orders.open_at_end).toBe(0);
  });
});

describe('ExecutionLoop with --exit-oco', () => {
  it('keeps one exit OCO per open position, renews it when the position changes, and ends with nothing open', async () => {
    const { recorder, report, run: composed } = await run({ iterations: '1500', fillRate: '0.2', exitOco: '15:25', seed: '4' });
    expect(recorder.ocos.length).toBe(report.orders.exit_ocos.placed);
    expect(recorder.ocos.length).toBeGreaterThan(0);
    for (const o of recorder.ocos) {
      // Exit side opposite the position, prices around the mid: SELL limit above, stop below; BUY mirrored.
      if (o.request.side === 'SELL') expect(o.request.limitPriceTicks > o.request.quoteMidTicks && o.request.stopTicks < o.request.quoteMidTicks).toBe(true);
      else expect(o.request.limitPriceTicks < o.request.quoteMidTicks && o.request.stopTicks > o.request.quoteMidTicks).toBe(true);
      expect(o.request.stopLimitPriceTicks).toBe(o.request.side === 'SELL' ? o.request.stopTicks - 1 : o.request.stopTicks + 1);
    }
    // Every exit ended by one leg executing (the other cancelled) or by a cancel when the position changed (list cancelled).
    expect(report.orders.venue_cancels.OCO_OTHER_LEG_FILLED + report.orders.venue_cancels.OCO_LIST_CANCELED).toBe(recorder.ocos.length);
    expect(report.orders.open_at_end).toBe(0);
    expect(composed.loop.openOrders).toBe(0);
  });

  it('triggers exit stops in a falling market and never places an exit while frozen', async () => {
    const { report, recorder } = await run({ iterations: '2000', fillRate: '0.2', exitOco: '40:3', volatilityBps: '4', spreadBps: '8', edgeThreshold: '-100', seed: '8' });
    expect(report.orders.exit_ocos.stops_triggered).toBeGreaterThan(0);
    expect(report.orders.venue_cancels.OCO_STOP_TRIGGERED).toBe(report.orders.exit_ocos.stops_triggered);
    const frozen = await run({ ...FREEZE_FOR_OCO, exitOco: '15:25' });
    const freezeAt = Date.parse(frozen.report.risk.freezes[0].utc);
    expect(frozen.recorder.ocos.filter((o) => o.at >= freezeAt)).toEqual([]);
    expect(recorder.ocos.length).toBeGreaterThan(0);
  });
});

const FREEZE_FOR_OCO: RunInput = { symbols: 'BTCUSDT,ETHUSDT', iterations: '2000', volatilityBps: '5', spreadBps: '8', latencyMs: '200', edgeThreshold: '1.5', fillRate: '0.1', seed: '42' };
