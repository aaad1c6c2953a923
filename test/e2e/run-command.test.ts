// End-to-end tests of `shadow-exec run` through the built CLI: report content and canonical bytes, determinism, stderr summary, --out/--quiet, usage errors, help/version, Ctrl-C, freeze and risk limits. In process, except what only a real process shows: the bin script run as a user would, colour from the process environment, signals, a closed stdout pipe.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { BIN, ROOT, runCli, runCliInProcess, type CliOptions, type CliResult, type InProcessOptions } from '../helpers/cli.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Report = any;

/** The design's original command line, which must keep working unchanged. */
const DESIGN_ARGS = [
  'run', '--shadow', '--exchange', 'fake', '--mode', 'shadow', '--no-network', '--symbols', 'BTCUSDT',
  '--iterations', '3', '--max-inv', '10000', '--max-total', '50000', '--edge-threshold', '5.0', '--fill-rate', '1.0', '--latency-ms', '50',
];

/** Flags that reliably freeze the loop on seed 42: wide moves, a thin spread and slow cancels make adverse selection eat the edge. */
const FREEZE_ARGS = [
  'run', '--seed', '42', '--symbols', 'BTCUSDT', '--iterations', '3000', '--volatility-bps', '8', '--spread-bps', '6',
  '--latency-ms', '300', '--edge-threshold', '1', '--fill-rate', '0.2',
];

const ANSI = /\u001b\[/;
const STACK_FRAME = '    at ';
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** runCli (a child process) with a colour-neutral environment: FORCE_COLOR from the test runner is dropped unless a test sets it. */
function inChild(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return runCli(args, { ...options, env: { FORCE_COLOR: undefined, ...options.env } });
}

/** The same in this process (runCliInProcess): for everything a child process adds nothing to. */
function cli(args: readonly string[], options: InProcessOptions = {}): Promise<CliResult> {
  return runCliInProcess(args, { ...options, env: { FORCE_COLOR: undefined, ...options.env } });
}

function sortedKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = sortedKeysDeep(value[key]!);
    return out;
  }
  return value;
}

function report(result: CliResult): Report {
  return JSON.parse(result.stdout) as Report;
}

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shadow-exec-e2e-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('shadow-exec run: the original design command line', () => {
  it('runs unchanged through bin/shadow-exec.js (a child process), exits 0 and prints a report with the expected figures', async () => {
    const result = await inChild(DESIGN_ARGS);
    expect(result.code).toBe(0);
    expect(result.signal).toBeNull();
    const r = report(result);

    for (const section of ['execution', 'orders', 'positions', 'risk', 'runtime', 'config', 'fills', 'fees', 'pnl', 'model', 'seed', 'version']) {
      expect(r, `report section ${section}`).toHaveProperty(section);
    }
    expect(r.tool).toBe('shadow-exec');
    expect(r.version).toBe(PACKAGE_VERSION);
    expect(r.seed).toBe(42);

    expect(r.execution.status).toBe('completed');
    expect(r.execution.interrupted).toBe(false);
    expect(r.execution.iterations).toBe(3);
    expect(r.execution.market_updates).toBe(3);
    expect(r.execution.exchange).toBe('fake');
    expect(r.execution.mode).toBe('shadow');
    expect(r.execution.symbols).toEqual(['BTCUSDT']);

    expect(r.config.edge_threshold_bps).toBe('5');
    expect(r.config.fill_rate).toBe('1');
    expect(r.config.max_inv_usd).toBe('10000');
    expect(r.config.max_total_usd).toBe('50000');
    expect(r.config.latency_ms).toBe(50);
    expect(r.config.symbols).toEqual(['BTCUSDT']);

    expect(r.orders.open_at_end).toBe(0);
    expect(r.orders.placed).toBeGreaterThan(0);
    expect(r.orders.placed).toBe(r.orders.filled + r.orders.canceled + r.orders.rejected + r.orders.open_at_end);

    expect(r.risk.frozen).toBe(false);
    expect(r.risk.limits).toEqual({
      edge_threshold_bps: '5',
      max_inv_usd: '10000',
      max_total_usd: '50000',
      stale_ms: null,
      max_drawdown_usd: null,
      reduce_at_drawdown_usd: null,
      max_orders_per_sec: null,
      unfreeze: 'manual',
    });
    expect(r.runtime.clock).toBe('virtual');
    expect(r.runtime.start_utc).toBe('2025-01-01T00:00:00.000Z');
    expect(r.runtime.utc).toBe('2025-01-01T00:00:00.300Z');
  });

  it('prints stdout as canonical JSON: sorted keys at every level, two-space indent, one trailing newline', async () => {
    const result = await cli(DESIGN_ARGS);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Json;
    expect(result.stdout).toBe(JSON.stringify(sortedKeysDeep(parsed), null, 2) + '\n');
  });

  it('writes money and rates as decimal strings, never as JSON numbers', async () => {
    const r = report(await cli(DESIGN_ARGS));
    expect(typeof r.pnl.total).toBe('string');
    expect(typeof r.fees.total).toBe('string');
    expect(typeof r.positions.by_symbol.BTCUSDT.mark_price).toBe('string');
    for (const fill of r.fills.recent) {
      expect(typeof fill.price).toBe('string');
      expect(typeof fill.qty).toBe('string');
    }
  });
});

describe('shadow-exec run: determinism', () => {
  const args = ['run', '--iterations', '500', '--fill-rate', '0.3', '--quiet'];

  it('prints byte-identical stdout for the same seed and flags', async () => {
    const first = await cli([...args, '--seed', '7']);
    const second = await cli([...args, '--seed', '7']);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a different report for a different seed, down to the market and the fills', async () => {
    const seven = await cli([...args, '--seed', '7']);
    const eight = await cli([...args, '--seed', '8']);
    expect(eight.stdout).not.toBe(seven.stdout);
    const a = report(seven);
    const b = report(eight);
    expect(b.seed).toBe(8);
    expect(b.positions.by_symbol.BTCUSDT.mark_price).not.toBe(a.positions.by_symbol.BTCUSDT.mark_price);
    expect(b.fills.recent).not.toEqual(a.fills.recent);
  });
});

describe('shadow-exec run: stderr summary', () => {
  it('writes the human summary to stderr and keeps it out of stdout', async () => {
    const result = await cli(DESIGN_ARGS);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('shadow run started: fake venue, shadow mode, BTCUSDT, 3 market updates, seed 42');
    expect(result.stderr).toContain(`shadow-exec ${PACKAGE_VERSION} · fake venue · shadow mode · synthetic feed · seed 42`);
    expect(result.stderr).toContain('orders: placed 6, filled 4, canceled 2, rejected 0, risk blocks 0');
    expect(result.stderr).toContain('report → stdout');
    expect(result.stdout).not.toContain('shadow run started');
    expect(result.stdout).not.toContain('market updates in');
    expect(result.stdout.startsWith('{')).toBe(true);
  });

  it('colours the summary when colour is forced and NO_COLOR is unset', async () => {
    const result = await inChild(DESIGN_ARGS, { env: { NO_COLOR: undefined, FORCE_COLOR: '3' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(ANSI);
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('with NO_COLOR=1 writes no ANSI escape codes, even when colour is forced', async () => {
    const result = await inChild(DESIGN_ARGS, { env: { NO_COLOR: '1', FORCE_COLOR: '3' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('orders: placed 6');
    expect(result.stderr).not.toMatch(ANSI);
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('--quiet leaves stderr empty on success and still prints the report', async () => {
    const loud = await cli(DESIGN_ARGS);
    const quiet = await cli([...DESIGN_ARGS, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });

  it('--quiet still prints usage errors', async () => {
    const result = await cli(['run', '--quiet', '--fill-rate', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--fill-rate '2'");
  });
});

describe('shadow-exec run --out', () => {
  it('writes the same bytes stdout would have carried, leaves no temp files and keeps stdout empty', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'report.json');
      const toStdout = await cli(DESIGN_ARGS);
      const toFile = await cli([...DESIGN_ARGS, '--out', file]);
      expect(toFile.code).toBe(0);
      expect(toFile.stdout).toBe('');
      expect(await readFile(file, 'utf8')).toBe(toStdout.stdout);
      expect(await readdir(dir)).toEqual(['report.json']);
      expect(toFile.stderr).toContain(`report → file ${file}`);
    });
  });

  it('replaces an existing report file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'report.json');
      await cli(['run', '--iterations', '5', '--seed', '1', '--quiet', '--out', file]);
      const second = await cli(['run', '--iterations', '5', '--seed', '2', '--quiet', '--out', file]);
      expect(second.code).toBe(0);
      expect((JSON.parse(await readFile(file, 'utf8')) as Report).seed).toBe(2);
      expect(await readdir(dir)).toEqual(['report.json']);
    });
  });

  it('into a missing folder or onto a directory exits 2 before the run starts, naming --out', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'missing', 'report.json');
      const missing = await cli(['run', '--iterations', '3', '--out', file]);
      expect(missing.code).toBe(2);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toContain(`error: --out '${file}': the folder ${join(dir, 'missing')} does not exist`);
      expect(missing.stderr).not.toContain('shadow run started');
      expect(missing.stderr).not.toContain(STACK_FRAME);
      const directory = await cli(['run', '--iterations', '3', '--out', dir]);
      expect(directory.code).toBe(2);
      expect(directory.stderr).toContain(`error: --out '${dir}' is a directory: expected a file path`);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('shadow-exec run: bad usage exits 2 with a short message and no stack trace', () => {
  const cases: { args: string[]; expected: string[] }[] = [
    { args: ['run', '--fill-rate', '2'], expected: ["--fill-rate '2'", 'a decimal from 0 to 1'] },
    { args: ['run', '--iterations', 'abc'], expected: ["--iterations 'abc'", 'a whole number from 1 to 1000000000'] },
    { args: ['run', '--frobnicate'], expected: ["unknown option '--frobnicate'"] },
    { args: ['run', '--exchange', 'kraken'], expected: ["--exchange 'kraken'", 'fake, bybit, binance, hyperliquid or ccxt:<id> (for a venue of that id: ccxt:kraken)'] },
    { args: ['run', '--symbols', 'FOOUSDT'], expected: ["--symbols 'FOOUSDT'", 'BTCUSDT, ETHUSDT'] },
    { args: ['run', '--start-prices', 'BTCUSDT=93500.05'], expected: ["--start-prices BTCUSDT '93500.05'", 'tick size 0.1'] },
    { args: ['run', '--fill-rate'], expected: ["option '--fill-rate <p>' argument missing"] },
    { args: ['bogus'], expected: ["unknown command 'bogus'"] },
  ];

  for (const { args, expected } of cases) {
    it(`shadow-exec ${args.join(' ')}`, async () => {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      for (const text of expected) expect(result.stderr).toContain(text);
      expect(result.stderr).not.toContain(STACK_FRAME);
      expect(result.stderr).not.toContain('shadow run started');
      expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    });
  }
});

describe('shadow-exec help and version', () => {
  it('--help exits 0 and lists the run command', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: shadow-exec');
    expect(result.stdout).toContain('run [options]');
    expect(result.stdout).toContain('--version');
  });

  it('run --help exits 0 and lists every run option with the exit codes', async () => {
    const result = await cli(['run', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--exchange', '--mode', '--symbols', '--iterations', '--seed', '--start', '--max-inv', '--max-total', '--edge-threshold',
      '--fill-rate', '--latency-ms', '--spread-bps', '--order-notional', '--volatility-bps', '--start-prices', '--out', '--quiet',
    ]) {
      expect(result.stdout, option).toContain(option);
    }
    expect(result.stdout).toContain('Exit codes');
    expect(result.stdout).toContain('130 interrupted');
  });

  it('--version and -V print the package.json version and exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(PACKAGE_VERSION);
    }
  });

  it('with no arguments prints the help and exits 2', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain('Usage: shadow-exec');
  });
});

describe('shadow-exec run: Ctrl-C', () => {
  it('on SIGINT stops the feed, cancels every open order, prints a complete interrupted report and exits 130', async () => {
    let interruptSent = false;
    const huge = 50_000_000;
    const result = await inChild(['run', '--iterations', String(huge)], {
      timeoutMs: 90_000,
      onStderr: (child, stderrSoFar) => {
        if (!interruptSent && stderrSoFar.includes('shadow run started')) {
          interruptSent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(interruptSent).toBe(true);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);

    const r = report(result);
    expect(result.stdout).toBe(JSON.stringify(sortedKeysDeep(r as Json), null, 2) + '\n');
    expect(r.execution.status).toBe('interrupted');
    expect(r.execution.interrupted).toBe(true);
    expect(r.execution.iterations).toBe(huge);
    expect(r.execution.market_updates).toBeGreaterThan(0);
    expect(r.execution.market_updates).toBeLessThan(huge);
    expect(r.orders.open_at_end).toBe(0);
    expect(r.orders.placed).toBe(r.orders.filled + r.orders.canceled + r.orders.rejected);
    for (const section of ['execution', 'orders', 'positions', 'risk', 'runtime', 'config', 'fills', 'fees', 'pnl', 'model']) {
      expect(r, `report section ${section}`).toHaveProperty(section);
    }

    expect(result.stderr).toContain('interrupt: stopping the feed and cancelling every open order');
    expect(result.stderr).toContain('· interrupted');
    expect(result.stderr).not.toContain(STACK_FRAME);
  });
});

describe('shadow-exec run: a second signal while the report goes to stdout', () => {
  it('never leaves part of a document on stdout: the report is written whole (one synchronous write), then the process exits', async () => {
    // A 5 MB report (all 17,994 fills listed) cannot fit a 64 KB pipe: the first chunk arrives while the rest is still being written.
    const args = ['run', '--iterations', '3000', '--report-fills', '100000', '--fill-rate', '1', '--symbols', 'BTCUSDT,ETHUSDT,SOLUSDT'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const chunks: Buffer[] = [];
    let stderr = '';
    let signalled = false;
    let second = false;
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!signalled) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    // The second signal goes once the child has handled the first (two at once would merge into one delivery).
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!second && stderr.includes('interrupt: stopping')) {
        second = true;
        child.kill('SIGINT');
      }
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    clearTimeout(guard);
    expect(signalled).toBe(true);
    expect(signal).toBeNull();
    const stdout = Buffer.concat(chunks).toString('utf8');
    const r = JSON.parse(stdout) as Report;
    expect(stdout).toBe(JSON.stringify(sortedKeysDeep(r as Json), null, 2) + '\n');
    expect(r.fills.recent.length).toBe(17_994);
    expect(stdout.length).toBeGreaterThan(1_000_000);
    expect(stderr).not.toContain(STACK_FRAME);
    expect(code).toBe(0);
  });
});

describe('shadow-exec run: SIGTERM', () => {
  it('on SIGTERM stops gracefully like Ctrl-C, writes the --out report marked interrupted and exits 143', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'report.json');
      let sent = false;
      const result = await inChild(['run', '--iterations', '50000000', '--out', out], {
        timeoutMs: 90_000,
        onStderr: (child, stderrSoFar) => {
          if (!sent && stderrSoFar.includes('shadow run started')) {
            sent = true;
            child.kill('SIGTERM');
          }
        },
      });
      expect(result.code).toBe(143);
      expect(result.stdout).toBe('');
      const r = JSON.parse(await readFile(out, 'utf8'));
      expect(r.execution.status).toBe('interrupted');
      expect(r.orders.open_at_end).toBe(0);
      expect(await readdir(dir)).toEqual(['report.json']);
    });
  });
});

describe('shadow-exec run: SIGHUP', () => {
  it('on SIGHUP (the terminal closed) stops gracefully like SIGTERM, writes the --out report marked interrupted and exits 129', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'report.json');
      let sent = false;
      const result = await inChild(['run', '--iterations', '50000000', '--out', out], {
        timeoutMs: 90_000,
        onStderr: (child, stderrSoFar) => {
          if (!sent && stderrSoFar.includes('shadow run started')) {
            sent = true;
            child.kill('SIGHUP');
          }
        },
      });
      expect(sent).toBe(true);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(129);
      expect(result.stdout).toBe('');
      const r = JSON.parse(await readFile(out, 'utf8'));
      expect(r.execution.status).toBe('interrupted');
      expect(r.orders.open_at_end).toBe(0);
      expect(result.stderr).toContain('interrupt: stopping the feed and cancelling every open order');
      expect(await readdir(dir)).toEqual(['report.json']);
    });
  });
});

describe('shadow-exec run: edge freeze', () => {
  it(`freezes on EDGE_BELOW_THRESHOLD, cancels every order and places none while frozen (${FREEZE_ARGS.slice(1).join(' ')})`, async () => {
    const result = await cli(FREEZE_ARGS);
    expect(result.code).toBe(0);
    const r = report(result);

    expect(r.risk.frozen).toBe(true);
    expect(r.risk.state).toBe('FROZEN');
    expect(r.risk.freezes_total).toBeGreaterThanOrEqual(1);
    expect(r.risk.freeze_events).toBe(r.risk.freezes_total);
    expect(r.risk.freezes.length).toBe(r.risk.freezes_total);
    const first = r.risk.freezes[0];
    expect(first.reason).toBe('EDGE_BELOW_THRESHOLD');
    expect(first.symbol).toBe('BTCUSDT');
    expect(first.threshold_bps).toBe('1');
    expect(Number(first.net_edge_bps)).toBeLessThan(1);
    expect(r.risk.last_freeze_reason).toBe('EDGE_BELOW_THRESHOLD');
    expect(r.risk.last_freeze_symbol).toBe('BTCUSDT');

    expect(r.orders.open_at_end).toBe(0);
    expect(r.orders.placed_while_frozen).toBe(0);
    expect(r.orders.placed).toBe(r.orders.filled + r.orders.canceled + r.orders.rejected);
    expect(r.execution.status).toBe('completed');
    expect(r.execution.market_updates).toBe(3000);

    expect(result.stderr).toContain('FROZEN at');
    expect(result.stderr).toContain('EDGE_BELOW_THRESHOLD on BTCUSDT');
  });

  it('does not freeze with the same market when the threshold is far below the edge', async () => {
    const args = FREEZE_ARGS.map((arg, i) => (FREEZE_ARGS[i - 1] === '--edge-threshold' ? '-100' : arg));
    const r = report(await cli(args));
    expect(r.config.edge_threshold_bps).toBe('-100');
    expect(r.risk.frozen).toBe(false);
    expect(r.risk.freeze_events).toBe(0);
    expect(r.risk.freezes).toEqual([]);
  });
});

describe('shadow-exec run: risk limits', () => {
  it('--max-inv 600 with 500 USD orders blocks on MAX_INVENTORY and keeps the position within the limit', async () => {
    const maxInv = 600;
    const orderNotional = 500;
    const result = await cli([
      'run', '--iterations', '2000', '--max-inv', String(maxInv), '--order-notional', String(orderNotional), '--report-fills', '100000', '--quiet',
    ]);
    expect(result.code).toBe(0);
    const r = report(result);

    expect(r.risk.blocks_by_reason.MAX_INVENTORY).toBeGreaterThan(0);
    expect(r.orders.risk_blocks).toBe(r.risk.blocks_total);
    expect(Math.abs(Number(r.positions.by_symbol.BTCUSDT.value_usd))).toBeLessThanOrEqual(maxInv);
    expect(r.orders.open_at_end).toBe(0);

    // Replays every fill: the position's value never exceeds the limit plus one order.
    expect(r.fills.recent_omitted).toBe(0);
    expect(r.fills.recent.length).toBe(r.fills.count);
    expect(r.fills.count).toBeGreaterThan(0);
    let qty = 0;
    for (const fill of r.fills.recent) {
      qty += (fill.side === 'BUY' ? 1 : -1) * Number(fill.qty);
      expect(Math.abs(qty) * Number(fill.price)).toBeLessThanOrEqual(maxInv + orderNotional);
    }
    expect(qty).toBeCloseTo(Number(r.positions.by_symbol.BTCUSDT.qty), 9);
  });

  it('--max-total 900 across two symbols blocks on MAX_TOTAL_NOTIONAL and keeps the total notional within it', async () => {
    const result = await cli(['run', '--symbols', 'BTCUSDT,ETHUSDT', '--iterations', '2000', '--max-total', '900', '--order-notional', '500', '--quiet']);
    expect(result.code).toBe(0);
    const r = report(result);
    expect(r.risk.blocks_by_reason.MAX_TOTAL_NOTIONAL).toBeGreaterThan(0);
    expect(Number(r.positions.total_notional_usd)).toBeLessThanOrEqual(900);
    expect(r.orders.open_at_end).toBe(0);
  });
});

describe('shadow-exec run: a reader that closes early', () => {
  it('exits 0 without an EPIPE crash when stdout is closed before the report is written (`| head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'run', '--iterations', '2000', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toContain('Unhandled');
    expect(code).toBe(0);
  });
});
