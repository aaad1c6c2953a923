// ExchangeClient.placeOrder's contract — the request is read during the call only — held against every client in the repo: the simulated venue with each venue's rules and dry-run gate, and the rehearsal RecordingClient.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { composeRun, type ComposedRun } from '../../src/app/compose.js';
import { parseRunOptions, type RawRunOptions } from '../../src/cli/run-options.js';
import type { OrderNo } from '../../src/core/model/ids.js';
import type { OrderRequest } from '../../src/core/model/order.js';
import { runSession } from '../../src/engine/run-session.js';
import type { ExchangeClient } from '../../src/ports/exchange-client.js';
import type { RequestJournal } from '../../src/ports/request-journal.js';
import { RecordingClient } from '../../src/scenario/recording-client.js';
import { placeholderCredentials } from '../../src/secrets/placeholder-credentials.js';
import { CallScopedExchangeClient, RequestKeptError } from '../helpers/call-scoped-exchange-client.js';

const TOOL = { name: 'shadow-exec', version: 'test' };

/** A journal that keeps its lines in memory (the dry-run gates render, sign and journal every request). */
function memoryJournal(): RequestJournal & { readonly lines: string[] } {
  const lines: string[] = [];
  return { description: 'memory', lines, append: (line) => void lines.push(line), close: () => {} };
}

interface Checked {
  readonly checker: CallScopedExchangeClient;
  readonly journal: ReturnType<typeof memoryJournal>;
  readonly run: ComposedRun;
}

/** Composes the run with `wrap` around the real client and the contract checker in front of both (the loop's side). */
function checkedRun(flags: RawRunOptions, wrap: (venue: ExchangeClient, run: () => ComposedRun) => ExchangeClient = (venue) => venue): Checked {
  const journal = memoryJournal();
  let checker: CallScopedExchangeClient | undefined;
  const exchange = String(flags.exchange ?? 'fake');
  const dryRun = exchange === 'fake' ? null : { credentials: placeholderCredentials(exchange as 'bybit' | 'binance', 'dev'), recvWindowMs: 5000, journal };
  const run: ComposedRun = composeRun(parseRunOptions(flags), TOOL, {
    dryRun,
    wrapVenue: (venue) => (checker = new CallScopedExchangeClient(wrap(venue, () => run))),
  });
  return { checker: checker!, journal, run };
}

async function complete(run: ComposedRun): Promise<void> {
  await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 256 });
}

/** Busy runs: every tick requotes, fills are frequent, and the run ends with cancels of whatever rests. */
const BUSY: RawRunOptions = { symbols: 'BTCUSDT,ETHUSDT', iterations: '400', fillRate: '0.3', requoteBps: '0', latencyMs: '20', seed: '7' };

const CLIENTS: ReadonlyArray<readonly [string, RawRunOptions]> = [
  ['the fake venue', {}],
  ['the fake venue amending quotes in place, with exit OCOs', { requoteMode: 'amend', exitOco: '20:20' }],
  ['Bybit linear in dry-run (rules, rate limits, signing, journal)', { exchange: 'bybit', mode: 'dryrun' }],
  ['Bybit spot in dry-run', { exchange: 'bybit', category: 'spot', mode: 'dryrun' }],
  ['Binance spot in dry-run, with exit OCOs', { exchange: 'binance', market: 'spot', mode: 'dryrun', exitOco: '20:20' }],
  ['Binance USD-M in dry-run', { exchange: 'binance', market: 'usdm', mode: 'dryrun' }],
];

describe('ExchangeClient.placeOrder contract (the request is read during the call only)', () => {
  it.each(CLIENTS)('%s never reads a request after placeOrder returns', async (_name, flags) => {
    const { checker, journal, run } = checkedRun({ ...BUSY, ...flags });
    await complete(run);
    expect(checker.placed).toBeGreaterThan(50);
    expect(checker.keptReads).toBe(0);
    if (flags.mode === 'dryrun') expect(journal.lines.length).toBeGreaterThan(50); // the gate rendered, signed and journaled what it sent
  });

  it("the rehearsal RecordingClient, in front of the venue, never reads a request after placeOrder returns", async () => {
    const { checker, run } = checkedRun(BUSY, (venue, composed) => new RecordingClient(venue, () => composed().clock.now()));
    await complete(run);
    expect(checker.placed).toBeGreaterThan(50);
    expect(checker.keptReads).toBe(0);
  });

  it('fails a client that keeps the request and reads it later, naming the field read', async () => {
    /** Keeps the last request to compare prices on the next call: the mistake the contract forbids. */
    class KeepingClient extends RecordingClient {
      private last: OrderRequest | null = null;
      override placeOrder(request: OrderRequest): OrderNo {
        if (this.last !== null && this.last.priceTicks === request.priceTicks) this.placedAt.push(-1);
        this.last = request;
        return super.placeOrder(request);
      }
    }
    const { checker, run } = checkedRun(BUSY, (venue, composed) => new KeepingClient(venue, () => composed().clock.now()));
    await expect(complete(run)).rejects.toThrow(new RequestKeptError('priceTicks'));
    expect(checker.keptReads).toBe(1);
  });
});
