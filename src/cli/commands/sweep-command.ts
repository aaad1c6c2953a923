// `shadow-exec sweep`: a grid of run options × seeds, each run a normal deterministic run in a worker thread; per cell the mean, min and max of chosen metrics (stderr table, JSON or CSV on stdout); `--shard i/n` and `sweep merge` spread it over machines.
import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { canonicalJson, type JsonValue } from '../../core/report/canonical-json.js';
import { parsePath } from '../../core/report/json-path.js';
import { RUN_OPTION_SPECS } from '../../app/config/run-option-specs.js';
import type { RunOptionSpec } from '../../app/config/run-option-spec.js';
import type { RunInput } from '../../app/config/run-input.js';
import { readFileSync } from 'node:fs';
import { gridKeys, parseGrid, type SweepAxis } from '../../app/sweep/sweep-grid.js';
import { parseSeeds } from '../../app/sweep/sweep-seeds.js';
import { buildCells, parseShard, shardTasks, sweepTasks, type Shard, type SweepCell, type SweepTask } from '../../app/sweep/sweep-plan.js';
import { sweepDocument, type SweepDefinition, type SweepRun } from '../../app/sweep/sweep-document.js';
import { mergeSweeps } from '../../app/sweep/sweep-merge.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { givenOptions } from '../given-options.js';
import { readJsonFile } from '../read-json-file.js';
import { sweepCsv } from '../sweep-csv.js';
import { formatSweepTable } from '../sweep-table.js';
import { SweepPool } from '../sweep-pool.js';
import { sweepProgressText } from '../sweep-progress-text.js';
import { stderrStyles } from '../terminal.js';

/** The metrics a sweep keeps when --metrics is not given: total PnL, fills, orders placed, freezes, and each symbol's net edge. */
export const DEFAULT_METRICS: readonly string[] = ['pnl.total', 'fills.count', 'orders.placed', 'risk.freezes_total', 'risk.edge_by_symbol.*.net_edge_bps'];
/** Most worker threads --workers takes. */
const MAX_WORKERS = 256;

interface OutputFlags {
  readonly format?: string;
  readonly out?: string;
  readonly quiet?: boolean;
}

interface SweepFlags extends RunInput, OutputFlags {
  readonly config?: string;
  readonly grid?: string;
  readonly seeds?: string;
  readonly metrics?: string;
  readonly workers?: string;
  readonly shard?: string;
}

/** The result-shaping options of `run` (those with a RunConfig path): the base of every cell. */
function withBaseOptions(command: Command): Command {
  for (const spec of Object.values(RUN_OPTION_SPECS) as RunOptionSpec[]) {
    if (spec.path === null) continue;
    const flags = spec.arg === '' ? spec.flag : `${spec.flag} ${spec.arg}`;
    if (spec.showDefault && spec.default !== null) command.option(flags, spec.help, String(spec.default));
    else command.option(flags, spec.help);
  }
  return command;
}

/** --config FILE laid under the flags as `run` does (a typed flag wins); its values become part of the base (and of the definition shards compare). */
async function withConfigFile(given: SweepFlags, typed: (key: string) => boolean): Promise<SweepFlags> {
  if (given.config === undefined) return given;
  const [{ readRunConfigFile }, { mergeRunConfig }] = await Promise.all([import('../run-config-file.js'), import('../run-config-merge.js')]);
  return mergeRunConfig(given, readRunConfigFile(given.config), typed).flags;
}

function formatOf(flags: OutputFlags): 'json' | 'csv' {
  const format = (flags.format ?? 'json').trim().toLowerCase();
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format '${flags.format}' is not allowed: expected json or csv`);
  return format;
}

async function writeOutput(doc: JsonValue, format: 'json' | 'csv', flags: OutputFlags, ctx: CliContext): Promise<void> {
  const text = format === 'csv' ? sweepCsv(doc) : canonicalJson(doc);
  if (flags.out === undefined) ctx.stdout.write(text);
  else await new (await import('../../output/file-report-sink.js')).FileReportSink(flags.out).write(text);
}

function workersOf(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_WORKERS) throw new UsageError(`--workers '${text}' is not allowed: expected a whole number from 1 to ${MAX_WORKERS} (default: the number of cores, here ${availableParallelism()})`);
  return n;
}

function metricsOf(text: string | undefined): readonly string[] {
  const metrics = text === undefined ? DEFAULT_METRICS : text.split(',').map((m) => m.trim());
  for (const m of metrics) parsePath(m, '--metrics');
  const twice = metrics.find((m, i) => metrics.indexOf(m) !== i);
  if (twice !== undefined) throw new UsageError(`--metrics: ${twice} is given twice`);
  return metrics;
}

function cellLabel(cell: SweepCell): string {
  return cell.params.length === 0 ? 'the base run' : cell.params.map(([k, v]) => `${k}=${v}`).join(' ');
}

/** The result-shaping options among `flags` (those with a RunConfig path): what `run` would validate. */
function baseInput(flags: object): RunInput & { seed?: string } {
  const specs = RUN_OPTION_SPECS as Readonly<Record<string, RunOptionSpec>>;
  return Object.fromEntries(Object.entries(flags).filter(([key, value]) => specs[key]?.path != null && value !== undefined)) as RunInput & { seed?: string };
}

/**
 * Every cell validated in a worker thread as `run` would validate it (exit 2 naming the cell), its strategy loaded,
 * before any run starts; returns the seed of the first (the sweep's one seed without --seeds).
 */
async function checkCells(pool: SweepPool, cells: readonly SweepCell[], seed: string | undefined): Promise<number> {
  let first = 0;
  await pool.run<SweepCell>(cells, {
    task: (cell) => ({ kind: 'check', cell: { input: { ...cell.run.input, ...(seed === undefined ? {} : { seed }) }, params: cell.run.params } }),
    onResult: (cell, result) => {
      if (cell.index === 0 && result.kind === 'check') first = result.seed;
    },
    describe: (cell, message) => `sweep cell ${cell.index} (${cellLabel(cell)}): ${message}`,
    signal: new AbortController().signal,
  });
  return first;
}

async function executeSweep(flags: SweepFlags, ctx: CliContext): Promise<number> {
  const format = formatOf(flags);
  const shard: Shard | null = flags.shard === undefined ? null : parseShard(flags.shard);
  if (shard !== null && format !== 'json') throw new UsageError('--shard writes JSON only (sweep merge reads it); add --format csv to the merge instead');
  const { seed, ...base } = baseInput(flags);
  if (seed !== undefined && flags.seeds !== undefined) throw new UsageError('--seed and --seeds: give the seeds of a sweep with --seeds only (e.g. --seeds 1..20)');
  const listed = flags.seeds === undefined ? null : parseSeeds(flags.seeds);
  const axes: readonly SweepAxis[] = flags.grid === undefined ? [] : parseGrid(flags.grid, (path) => readFileSync(path, 'utf8'));
  const metrics = metricsOf(flags.metrics);
  const workers = workersOf(flags.workers);
  const cells = buildCells(base, axes);
  // One pool for the checks and the runs, sized for the runs this shard has (known before the seed of a --seeds-less sweep is).
  const threads = Math.max(1, Math.min(workers, shardTasks(sweepTasks(cells.length, listed ?? [0]), shard).length));
  const pool = await SweepPool.open(threads);
  try {
    return await sweepOnPool(pool, threads, { flags, ctx, format, shard, seed, base, listed, axes, metrics, cells });
  } finally {
    await pool.close();
  }
}

interface SweepSetup {
  readonly flags: SweepFlags;
  readonly ctx: CliContext;
  readonly format: 'json' | 'csv';
  readonly shard: Shard | null;
  readonly seed: string | undefined;
  readonly base: RunInput;
  readonly listed: readonly number[] | null;
  readonly axes: readonly SweepAxis[];
  readonly metrics: readonly string[];
  readonly cells: readonly SweepCell[];
}

async function sweepOnPool(pool: SweepPool, threads: number, setup: SweepSetup): Promise<number> {
  const { flags, ctx, format, shard, seed, base, listed, axes, metrics, cells } = setup;
  const checked = await checkCells(pool, cells, listed === null ? seed : String(listed[0]));
  const seeds = listed ?? [checked];
  const tasks = shardTasks(sweepTasks(cells.length, seeds), shard);
  const definition: SweepDefinition = { tool: { ...ctx.tool }, base: base as { [key: string]: string | boolean }, grid: axes.map((a) => ({ key: a.key, values: a.values })), seeds, metrics };
  const quiet = flags.quiet === true;
  if (!quiet) {
    const scope = shard === null ? '' : ` (shard ${shard.index}/${shard.count}: ${tasks.length} of them)`;
    ctx.stderr.write(`sweep started: ${cells.length} cell${cells.length === 1 ? '' : 's'} × ${seeds.length} seed${seeds.length === 1 ? '' : 's'} = ${cells.length * seeds.length} runs${scope} on ${threads} worker thread${threads === 1 ? '' : 's'} (Ctrl-C stops and writes the finished runs)\n`);
  }
  const runs: SweepRun[] = [];
  const aborted = new AbortController();
  const stop = ctx.onInterrupt(() => {
    if (!quiet) ctx.stderr.write('\ninterrupt: abandoning the runs in progress, writing the finished ones…\n');
    aborted.abort();
  }, 'writing the finished runs');
  const spinner = !quiet && ctx.stderrIsTTY && ctx.stderrColumns > 0 ? (await import('ora')).default({ stream: process.stderr, discardStdin: false, text: sweepProgressText(0, tasks.length, threads, 0) }).start() : null;
  const startedAt = performance.now();
  let failure: unknown = null;
  try {
    if (tasks.length > 0) {
      await pool.run<SweepTask>(tasks, {
        task: (t) => ({ kind: 'run', cell: { input: { ...cells[t.cell]!.run.input, seed: String(t.seed) }, params: cells[t.cell]!.run.params }, metrics, tool: { ...ctx.tool } }),
        describe: (t, message) => `sweep cell ${t.cell} (${cellLabel(cells[t.cell]!)}) seed ${t.seed}: ${message}`,
        onResult: (t, result) => {
          if (result.kind !== 'run') return;
          runs.push({ cell: t.cell, seed: t.seed, status: result.status, metrics: result.metrics });
          if (spinner !== null) spinner.text = sweepProgressText(runs.length, tasks.length, threads, performance.now() - startedAt);
        },
        signal: aborted.signal,
      });
    }
  } catch (error) {
    failure = error;
  } finally {
    spinner?.stop();
  }
  const doc = sweepDocument(definition, runs, shard);
  try {
    await writeOutput(doc, format, flags, ctx);
  } finally {
    stop.dispose();
  }
  if (!quiet) ctx.stderr.write(formatSweepTable(doc, await stderrStyles(ctx.env)));
  if (failure !== null) throw failure;
  if (stop.requested()) return stop.exitCode();
  return EXIT.ok;
}

async function executeMerge(files: readonly string[], flags: OutputFlags, ctx: CliContext): Promise<number> {
  const format = formatOf(flags);
  const { definition, runs } = mergeSweeps(files.map((file) => ({ file, doc: readJsonFile(file, 'sweep merge') })));
  const doc = sweepDocument(definition, runs, null);
  await writeOutput(doc, format, flags, ctx);
  if (flags.quiet !== true) ctx.stderr.write(formatSweepTable(doc, await stderrStyles(ctx.env)));
  const total = definition.seeds.length * definition.grid.reduce((n, a) => n * a.values.length, 1);
  if (runs.length === total) return EXIT.ok;
  ctx.stderr.write(`sweep merge: ${total - runs.length} of ${total} runs are missing (a shard not given, or interrupted): the output says "status": "incomplete"\n`);
  return EXIT.failure;
}

export function sweepCommand(ctx: CliContext): Command {
  const sweep = withBaseOptions(new Command('sweep'))
    .option('--config <file>', RUN_OPTION_SPECS.config.help.replace('a flag typed on the command line overrides the file, and the report\'s config.sources says where each non-default value came from', 'a flag typed on the command line overrides the file; the file\'s values are the base of every cell'))
    .description('Run a grid of run options × seeds, each run a normal deterministic run (the same as `run` with those options) in a pool of worker threads, and print the mean, min and max of chosen report figures per cell: a table on stderr, JSON (default) or CSV on stdout. Every `run` option above is the base of each cell.')
    .option('--grid <axes|json|@file>', `the axes: KEY=V1,V2,… separated by spaces, e.g. 'spread-bps=10,20,40 latency-ms=20,50 strategy-params.gamma=0.1,0.2', or a JSON object {"spread-bps": [10, 20]} (inline or @FILE.json); keys: ${gridKeys().join(', ')} (default: no axis, one cell: the base run)`)
    .option('--seeds <list>', 'the seeds of every cell: seeds and inclusive ranges separated by commas, e.g. 1..20 or 1,2,5 or 1..5,10 (default: --seed, one seed)')
    .option('--metrics <paths>', `report paths to keep per run, comma-separated; * matches any one key or index (default: ${DEFAULT_METRICS.join(',')})`)
    .option('--workers <n>', `worker threads, 1–${MAX_WORKERS} (default: the number of cores); one pool serves the whole sweep, each thread starting and warming up its JIT once (about 20 runs of 120 k updates): a sweep of a few short runs gains little from more threads`)
    .option('--format <format>', 'stdout: json (the whole sweep, every run; what sweep merge reads) or csv (one row per cell: params, runs, mean/min/max per metric) (default: json)')
    .option('--shard <i/n>', 'run only the i-th of n slices of the runs (every n-th run of the cell × seed list, from the (i−1)-th): for a Kubernetes Indexed Job or a Slurm array; join the outputs with sweep merge')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--quiet', 'no start line and no table on stderr (errors and warnings are still printed)')
    .addHelpText(
      'after',
      `
Determinism: each run is the run of its options and seed, whatever the worker count, so the output is byte-identical
with --workers 1 or 8, and the shards of a sweep merged (sweep merge) equal the whole sweep run at once. Means are
rounded half-even to 12 places; min and max are exact. A grid value is checked as the run option it sets: a bad one
exits 2 naming its cell before any run starts.

Exit codes:
  0 done · 1 a run failed (the finished runs are written) · 2 bad usage (a grid key that is not a run option, a bad
  value, --seed with --seeds…) · 130 Ctrl-C: the runs in progress are abandoned, the finished ones written
  ("status": "incomplete"); 143 SIGTERM alike

Examples:
  $ shadow-exec sweep --grid 'spread-bps=10,20,40 latency-ms=20,50' --seeds 1..20 --iterations 2000 > sweep.json
  $ shadow-exec sweep --grid @grid.json --seeds 1..5 --strategy avellaneda-stoikov --format csv > sweep.csv
  $ shadow-exec sweep --grid 'strategy-params.gamma=0.05,0.1,0.2' --strategy avellaneda-stoikov --seeds 1..10
  $ shadow-exec sweep --grid 'spread-bps=10,20' --seeds 1..100 --shard 2/4 > shard-2.json    # on machine 2 of 4
  $ shadow-exec sweep merge shard-*.json --format csv > sweep.csv`,
    )
    .action(async (_flags: SweepFlags, command: Command) => {
      const given = givenOptions<SweepFlags>(command);
      ctx.setExitCode(await executeSweep(await withConfigFile(given, (key) => command.getOptionValueSource(key) === 'cli'), ctx));
    })
    // `sweep merge … --format csv`: options after `merge` are merge's own, not the sweep's.
    .enablePositionalOptions();
  sweep
    .command('merge')
    .description('join the outputs of the shards of one sweep (sweep --shard i/n) into the output of the whole sweep: byte-identical to running it at once; refuses files of another sweep or version and runs given twice; exit 1 when runs are missing')
    .argument('<files...>', 'the shards\' JSON outputs, in any order')
    .option('--format <format>', 'json (default) or csv, as sweep writes them')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .option('--quiet', 'no table on stderr')
    .action(async (files: string[], flags: OutputFlags) => {
      ctx.setExitCode(await executeMerge(files, flags, ctx));
    });
  return sweep;
}

