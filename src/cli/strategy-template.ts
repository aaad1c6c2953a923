// The files `shadow-exec init strategy NAME` writes: a documented example plug-in (the same as examples/strategies/quote-mid.mjs, renamed) and a vitest test that runs it through the CLI.

/** The plug-in module; `__NAME__` is the strategy's name. */
const PLUGIN = `// __NAME__: a shadow-exec strategy plug-in — a bid and an ask \`spreadBps\` around the mid, each worth \`notionalUsd\`, moved when the mid drifts \`requoteBps\`.
// Run it: shadow-exec run --strategy ./examples/strategies/__NAME__.mjs --strategy-params '{"spreadBps":30}'
// Prices and sizes are integer ticks and lots of the instrument's grid; ctx.grid converts decimals. No Date.now() or
// Math.random(): ctx.now() is the run's clock and ctx.rng its seeded stream, so every run is byte-reproducible.

/** @type {import('shadow-exec/strategy').StrategyDefinition} */
export default {
  name: '__NAME__',
  version: '1.0.0',
  description: 'a bid and an ask spreadBps around the mid, each worth notionalUsd, requoted when the mid drifts requoteBps',
  parameters: {
    type: 'object',
    properties: {
      spreadBps: { type: 'number', minimum: 0.1, maximum: 10000, default: 20, description: 'full spread around the mid, bps' },
      notionalUsd: { type: 'number', minimum: 1, maximum: 1000000, default: 500, description: 'value of each order, quote currency' },
      requoteBps: { type: 'number', minimum: 0, maximum: 10000, default: 2, description: 'mid drift that moves a quote, bps' },
    },
  },
  create(ctx) {
    const { spreadBps, notionalUsd, requoteBps } = ctx.params;
    const notionalE8 = Math.round(notionalUsd * 1e8);
    return {
      onQuote(symbol, _quote, midTicks) {
        // Half the spread, at least one tick, rounded away from the mid (bps × ticks / 20000).
        const half = Math.max(1, Math.ceil((midTicks * spreadBps) / 20000));
        const requote = Math.max(1, Math.ceil((midTicks * requoteBps) / 10000));
        const bid = midTicks - half;
        const ask = midTicks + half;
        ctx.quote(symbol, 'BUY', bid, ctx.grid.lotsForNotional(symbol, bid, notionalE8), requote);
        ctx.quote(symbol, 'SELL', ask, ctx.grid.lotsForNotional(symbol, ask, notionalE8), requote);
      },
      onOrderRejected(order, reject) {
        // The venue's own code and message: a post-only order that would take, a size below the minimum, …
        void order;
        void reject;
      },
    };
  },
};
`;

/** Its test. */
const TEST = `// __NAME__.test.mjs: runs the __NAME__ strategy through the shadow-exec CLI on a seeded synthetic market and checks what it did.
// Run it: npx vitest run __NAME__.test.mjs   (SHADOW_EXEC_BIN may name the CLI: a path to bin/shadow-exec.js, or a command)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = process.env.SHADOW_EXEC_BIN ?? 'shadow-exec';
const STRATEGY = fileURLToPath(new URL('./__NAME__.mjs', import.meta.url));

/** \`shadow-exec run ARGS… --quiet\`: exit code and the parsed report. */
function run(args) {
  const [command, prefix] = BIN.endsWith('.js') ? [process.execPath, [BIN]] : [BIN, []];
  const result = spawnSync(command, [...prefix, 'run', ...args, '--quiet'], { encoding: 'utf8' });
  return { code: result.status, report: result.stdout === '' ? null : JSON.parse(result.stdout), stderr: result.stderr };
}

describe('__NAME__', () => {
  it('quotes both sides and gets filled on a seeded synthetic market, the same bytes every run', () => {
    const args = ['--strategy', STRATEGY, '--iterations', '2000', '--seed', '7', '--check-determinism'];
    const { code, report, stderr } = run(args);
    expect(code, stderr).toBe(0);
    expect(report.model.strategy.name).toBe('__NAME__');
    expect(report.orders.placed).toBeGreaterThan(0);
    expect(report.fills.count).toBeGreaterThan(0);
    expect(report.execution.status).toBe('completed');
  });

  it('refuses a parameter outside its declared range (exit 2, naming it)', () => {
    const { code, stderr } = run(['--strategy', STRATEGY, '--strategy-params', '{"spreadBps":0}']);
    expect(code).toBe(2);
    expect(stderr).toContain("parameter 'spreadBps' = 0 is not allowed");
  });
});
`;

/** A strategy name: lower-case letters, digits and dashes, starting with a letter (it names the files and the report's model.strategy.name). */
export const STRATEGY_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export function strategyPluginSource(name: string): string {
  return PLUGIN.replaceAll('__NAME__', name);
}

export function strategyTestSource(name: string): string {
  return TEST.replaceAll('__NAME__', name);
}
