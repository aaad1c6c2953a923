// `shadow-exec run`: one shadow run on the simulated venue; prints the canonical report and returns an exit code.
import { Command } from 'commander';
import { composeRun } from '../../app/compose.js';
import { chosenMarket } from '../../app/config/venue-config.js';
import { feedFailure } from '../../core/errors/feed-failure.js';
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { firstDifference } from '../../core/report/first-difference.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { canonicalJson } from '../../core/report/canonical-json.js';
import { runSession, type SessionResult } from '../../engine/run-session.js';
import type { LiveMarketFeed } from '../../feeds/live/live-market-feed.js';
import type { ReportSink } from '../../ports/report-sink.js';
import { checkDistinctPaths, checkWritableOutput, outputKind, removeStaleTempFiles, type NamedPath } from '../../output/output-path.js';
import { StdoutReportSink } from '../../output/stdout-report-sink.js';
import type { VenueDryRun } from '../../app/venue-wiring.js';
import { loadAllVenues, loadVenue, venueModule, venueNamesWhere } from '../../app/venue-registry.js';
import { orList } from '../../core/text/or-list.js';
import { parseWithVenues } from '../../app/config/venue-choice.js';
import * as venueHelp from '../../app/config/venue-help.js';
import { loadFeedModules } from '../../app/feed-modules.js';
import { RUN_OPTION_SPECS } from '../../app/config/run-option-specs.js';
import type { RunConfig } from '../../app/config/run-config.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { Progress } from '../progress.js';
import { OperatorControl } from '../operator-control.js';
import { parseRunOptions, type RawRunOptions } from '../run-options.js';
import type { RunConfigFile } from '../run-config-file.js';
import type { ConfigProvenance } from '../../app/config-echo.js';
import { formatSummary } from '../summary.js';
import { stderrStyles } from '../terminal.js';
import { givenOptions } from '../given-options.js';
import { notOnVenue, venueFlags } from '../../app/config/venue-flag.js';
import { loadStrategyPlugin, strategyFailed, type LoadedPlugin } from '../../app/strategy-wiring.js';
import { formatCallbackTimes } from '../../engine/guarded-strategy.js';
import { seriesOutputs, SeriesWriting, type SeriesOutputs } from '../series-outputs.js';

export interface RunFlags extends RawRunOptions {
  /** commander's --no-network sets this to false. */
  readonly network?: boolean;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly journal?: string;
  readonly secrets?: string;
  readonly control?: string;
  readonly config?: string;
  readonly checkDeterminism?: boolean;
  /** --strategy-timing: the report's strategy section gains the callbacks' wall times (not byte-stable). */
  readonly strategyTiming?: boolean;
  readonly series?: string;
  readonly seriesOut?: string;
  readonly html?: string;
}

/** Every option of `run` from the options table, in its order; a shown default is handed to commander for --help only (givenOptions leaves it out). */
function withRunOptions(command: Command): Command {
  for (const spec of Object.values(RUN_OPTION_SPECS)) {
    const flags = spec.arg === '' ? spec.flag : `${spec.flag} ${spec.arg}`;
    if (spec.showDefault && spec.default !== null) command.option(flags, spec.help, String(spec.default));
    else command.option(flags, spec.help);
  }
  return command;
}

export function runCommand(ctx: CliContext): Command {
  return withRunOptions(new Command('run'))
    .description('Run the market-making loop against the simulated venue and print the JSON report: on a seeded synthetic market (default), a recorded replay file (--feed replay:FILE) or the venue\'s live public market data (--feed live). Choice values (venue names, markets, dryrun, …) are case-insensitive.')
    .addHelpText(
      'after',
      `
Output:
  stdout carries only the report (canonical JSON: sorted keys, decimal strings); stderr the summary.

Exit codes:
  0 done · 1 runtime failure, e.g. a live feed that gave up or delivered no market data in --duration
  (E_FEED_FAILED, E_FEED_NO_DATA: stderr names the cause, the report is written with status "failed") ·
  2 bad usage, or --out/--journal not writable (checked before the run) · 130 interrupted by Ctrl-C,
  143 by SIGTERM, 129 by SIGHUP (a closed terminal): the feed stops, every open order is cancelled, and a
  complete report marked "interrupted" is still written. A second signal exits at once without writing
  the report (never a partial document) and says so on stderr

Config file (--config FILE.json, schema src/cli/run-config-schema.json):
  every option above, keyed by its long name in camelCase: --spread-bps → "spreadBps", --no-throttle →
  "throttle": false. Numbers: JSON numbers or strings ("0.0001"); lists (symbols, orderOptions): arrays or
  comma strings; startPrices/volatilityBps: also {"BTCUSDT": 95000}. A flag typed on the command line
  overrides the file; relative paths resolve against the working directory. An unknown key or a bad value
  exits 2 naming its key. The report adds config.config_file {name, sha256} and config.sources: "file" or
  "flag" for each value not left at its default (result-shaping options only; --out, --quiet… are not listed)

Examples:
  $ shadow-exec run
  $ shadow-exec run --config examples/run-config.json --seed 9   # options from a file; typed flags override it
  $ shadow-exec run --symbols BTCUSDT,ETHUSDT --iterations 5000 --seed 7 --out report.json
${venueHelp.runExamples().map((line) => `  ${line}`).join('\n')}`,
    )
    .action(async (_flags: RunFlags, command: Command) => {
      // Only the flags given (commander's defaults are for --help): parseRunOptions applies the defaults and refuses a given flag that does not apply.
      ctx.setExitCode(await executeRun(givenOptions<RunFlags>(command), ctx, (key) => command.getOptionValueSource(key) === 'cli'));
    });
}

/** Before anything is read or written: no output may be the same file as an input or the other output. */
function checkRunPaths(config: RunConfig, flags: RunFlags): void {
  const named = (flag: string, path: string | null | undefined): NamedPath[] => (path === undefined || path === null ? [] : [{ flag, path }]);
  const outputs = [...named('--out', flags.out), ...named('--journal', flags.journal), ...named('--series-out', flags.seriesOut), ...named('--html', flags.html)];
  const inputs = [...named('--config', flags.config), ...named('--feed replay:FILE', config.feed.kind === 'replay' ? config.feed.file : null), ...named('--instruments', flags.instruments), ...named('--secrets', flags.secrets), ...named('--control', flags.control)];
  checkDistinctPaths(outputs, inputs);
  // Writable now, not after an hour of work: the report is replaced atomically, the journal written in place.
  if (flags.out !== undefined) checkWritableOutput(flags.out, '--out', { atomic: true });
  if (flags.journal !== undefined) checkWritableOutput(flags.journal, '--journal', { atomic: false });
  if (flags.seriesOut !== undefined) checkWritableOutput(flags.seriesOut, '--series-out', { atomic: true });
  if (flags.html !== undefined) checkWritableOutput(flags.html, '--html', { atomic: true });
}

/** Removes the `.<name>.<pid>.tmp` files a killed run of the same --out left behind (only those whose pid is gone). */
export function removeStaleReportTemps(out: string, log: ((line: string) => void) | null): void {
  if (outputKind(out) === 'special') return;
  const removed = removeStaleTempFiles(out);
  if (removed.length > 0) log?.(`removed ${removed.length} stale temp file(s) of an earlier, killed run: ${removed.join(', ')}`);
}

/** --journal and --secrets only where requests are rendered and signed (checked before any key is read). */
async function checkDryRunFlags(config: RunConfig, flags: RunFlags): Promise<void> {
  const noApi = venueModule(config.venue.name).noApi;
  const flag = flags.journal !== undefined ? '--journal' : flags.secrets !== undefined ? '--secrets' : null;
  const shadowJournal = flags.journal !== undefined && config.mode !== 'dryrun';
  if ((noApi === null || flag === null) && !shadowJournal) return;
  await loadAllVenues();
  const apis = orList(venueNamesWhere((v) => v.noApi === null));
  if (noApi !== null && flag !== null) throw notOnVenue(flag, venueFlags(config.venue.name), `${noApi.journal} (--exchange ${apis} with --mode dryrun)`);
  throw new UsageError(`--journal needs --mode dryrun on a real venue (--exchange ${apis}): a shadow run renders no requests`);
}

/**
 * The flags with a --config file laid under them, where each value came from, and how to restate an error in the
 * file's words (all null without --config: the config file's modules are then never loaded).
 */
async function withConfigFile(
  given: RunFlags,
  typed: (key: string) => boolean,
): Promise<{ flags: RunFlags; file: RunConfigFile | null; provenance: ConfigProvenance | null; restate: ((error: unknown) => unknown) | null }> {
  if (given.config === undefined) return { flags: given, file: null, provenance: null, restate: null };
  const [{ readRunConfigFile }, { asRunConfigError, mergeRunConfig }] = await Promise.all([import('../run-config-file.js'), import('../run-config-merge.js')]);
  const file = readRunConfigFile(given.config);
  const merged = mergeRunConfig(given, file, typed);
  return { flags: merged.flags, file, provenance: merged.provenance, restate: (error) => asRunConfigError(error, file, merged.fromFile) };
}

/** `typed(key)`: the option was typed on the command line (it overrides --config). */
async function executeRun(given: RunFlags, ctx: CliContext, typed: (key: string) => boolean): Promise<number> {
  const { flags, provenance, restate } = await withConfigFile(given, typed);
  let config: RunConfig;
  let dryRun: VenueDryRun | null;
  let plugin: LoadedPlugin | null;
  let series: SeriesOutputs;
  try {
    await loadVenue(flags.exchange);
    config = await parseWithVenues(() => parseRunOptions(flags));
    await loadFeedModules(config);
    await warnOnEndpointHosts(config, ctx);
    if (flags.network === false && config.feed.kind === 'live') throw new UsageError('--no-network and --feed live contradict each other: a live feed reads the venue\'s public market data over the network');
    series = await seriesOutputs(flags, config.feed.kind === 'live');
    checkRunPaths(config, flags);
    if (flags.strategyTiming === true && config.strategy.choice === null) throw new UsageError('--strategy-timing needs --strategy: the default quoter is built in and its callbacks are not timed');
    if (flags.out !== undefined) removeStaleReportTemps(flags.out, flags.quiet === true ? null : (line) => ctx.stderr.write(`${line}\n`));
    await checkDryRunFlags(config, flags);
    // The key providers load only when there are keys to read: a named --secrets file (checked even on a shadow run) or a dry run on a real venue.
    const keysNeeded = flags.secrets !== undefined || (config.mode === 'dryrun' && venueModule(config.venue.name).noApi === null);
    dryRun = keysNeeded ? (await import('../dry-run-keys.js')).prepareDryRun(config, flags, ctx) : null;
    plugin = await loadStrategyPlugin(config.strategy.choice);
  } catch (error) {
    // A value the file set is named by its key in the file (spreadBps), not by the flag it stands for.
    throw restate === null ? error : restate(error);
  }
  try {
    return await runAndReport(config, flags, ctx, dryRun, provenance, plugin, series);
  } finally {
    dryRun?.journal?.close();
  }
}

async function runAndReport(config: RunConfig, flags: RunFlags, ctx: CliContext, dryRun: VenueDryRun | null, provenance: ConfigProvenance | null, plugin: LoadedPlugin | null, series: SeriesOutputs): Promise<number> {
  if (flags.checkDeterminism === true) await checkDeterminism(config, flags, ctx, dryRun, provenance, plugin);
  const run = composeRun(config, ctx.tool, { dryRun, provenance, plugin, strategyTiming: flags.strategyTiming === true, seriesEveryMs: series.everyMs });
  const sink: ReportSink = flags.out === undefined ? new StdoutReportSink(ctx.stdout) : new (await import('../../output/file-report-sink.js')).FileReportSink(flags.out);
  // --series-out opens its FILE.partial now: a file that cannot be written fails before the run, with nothing to undo.
  const seriesWriting = await SeriesWriting.open(series, run.series ?? null);
  const startedAt = performance.now();
  // The live feed's modules (and ws) are loaded only for a live run.
  const liveRun = config.feed.kind !== 'live' ? null : await import('../live-run.js');
  const live = liveRun !== null && (await import('../../feeds/live/live-market-feed.js')).isLiveMarketFeed(run.feed) ? (run.feed as LiveMarketFeed) : null;
  const progress = new Progress(!flags.quiet && ctx.stderrIsTTY && ctx.stderrColumns > 0, run.feed.expectedUpdates, live === null ? null : config.durationMs);
  let wakeLive = (): void => undefined;
  const stop = ctx.onInterrupt(() => {
    if (!flags.quiet) ctx.stderr.write('\ninterrupt: stopping the feed and cancelling every open order…\n');
    wakeLive();
  }, 'cancelling open orders and without writing the report (no partial document is written)');
  // Listening for control (file offset, signal handlers) starts before the start line, so an action sent on seeing it counts.
  const control = new OperatorControl(
    {
      manualFreeze: (source) => run.loop.manualFreeze(source),
      manualUnfreeze: (source) => run.loop.manualUnfreeze(source),
      frozenNow: () => run.loop.riskMonitor.frozen,
      nowUtc: () => new Date(run.clock.now()).toISOString(),
    },
    flags.control ?? null,
    (line) => ctx.stderr.write(`${line}\n`),
  );
  const stopSignals = ctx.onControlSignal?.((action) => control.signal(action)) ?? ((): void => undefined);
  // Warnings are printed even with --quiet, as errors are: they say the input is not what it should be (also in market_data.warnings).
  for (const warning of run.warnings ?? []) ctx.stderr.write(`warning: ${warning}\n`);
  if (!flags.quiet) {
    const updates = run.feed.expectedUpdates === null ? 'open-ended' : String(run.feed.expectedUpdates);
    ctx.stderr.write(
      `shadow run started: ${config.venue.name}${chosenMarket(config.venue) === null ? '' : ` ${chosenMarket(config.venue)}`} venue, ${config.mode} mode, ${config.symbols.join(',')}, ${live === null || liveRun === null ? `${updates} market updates` : liveRun.liveStartLine(config, live)}, seed ${config.seed} (Ctrl-C stops gracefully)\n`,
    );
  }
  let result: SessionResult;
  let failure: { readonly gaveUp: boolean; readonly cause: string } | null = null;
  try {
    try {
      if (live !== null && liveRun !== null) {
        const outcome = await liveRun.runLive(run, live, config, {
          stopRequested: stop.requested,
          onProgress: (n) => {
            control.poll();
            progress.update(n);
          },
          log: flags.quiet ? null : (line) => ctx.stderr.write(`live: ${line}\n`),
          setWake: (wake) => (wakeLive = wake),
        });
        result = outcome;
        if (outcome.failure !== null && outcome.status === 'failed') failure = { gaveUp: outcome.endReason === 'feed-failed', cause: outcome.failure };
      } else {
        result = await runSession(run, {
          stopRequested: stop.requested,
          yieldSlice: () =>
            new Promise((resolve) => {
              control.poll();
              setImmediate(resolve);
            }),
          onProgress: (n) => {
            progress.update(n);
            seriesWriting.onSlice();
          },
        });
      }
    } finally {
      progress.stop();
      stopSignals();
    }
    await sink.write(canonicalJson(result.report));
    await seriesWriting.finish(result.report);
  } catch (error) {
    // The series file is complete or absent: a run that failed before writing everything leaves FILE as it was.
    seriesWriting.abandon();
    throw error;
  }
  stop.dispose();
  if (!flags.quiet) {
    ctx.stderr.write(formatSummary(result.report, await stderrStyles(ctx.env), { sink: sink.description, wallMs: performance.now() - startedAt }));
    const spent = run.loop.strategyTime;
    if (spent !== null && spent.size > 0) ctx.stderr.write(`  ${formatCallbackTimes(spent)}\n`);
  }
  if (result.status === 'interrupted') return stop.exitCode();
  // The report is written (status "failed", strategy.failure says where); the plug-in still failed the run: exit 1.
  const thrown = run.loop.strategyFailure;
  if (thrown !== null) throw strategyFailed(thrown);
  // The report is written (complete, status "failed", market_data.live.failure says why); the run still failed: exit 1.
  if (failure !== null) throw feedFailure(failure.gaveUp, failure.cause, 'the report covers the run up to then');
  return EXIT.ok;
}

/**
 * --check-determinism: composes and runs the configuration twice in this process (same plug-in module instance) and
 * compares the reports; the first differing path fails the run (exit 1) before the real run. A live feed cannot repeat.
 */
async function checkDeterminism(config: RunConfig, flags: RunFlags, ctx: CliContext, dryRun: VenueDryRun | null, provenance: ConfigProvenance | null, plugin: LoadedPlugin | null): Promise<void> {
  if (config.feed.kind === 'live') throw new UsageError('--check-determinism needs a synthetic or replay feed: a live feed never delivers the same market twice');
  if (flags.journal !== undefined) throw new UsageError('--check-determinism and --journal: the check runs would write the journal too; check without --journal');
  const reports: JsonValue[] = [];
  for (let i = 0; i < 2; i++) {
    const run = composeRun(config, ctx.tool, { dryRun, provenance, plugin });
    reports.push((await runSession(run, { stopRequested: () => false, yieldSlice: () => new Promise((resolve) => setImmediate(resolve)) })).report);
  }
  const difference = firstDifference(reports[0], reports[1]);
  if (difference !== null) {
    throw new ShadowExecError(
      'E_NONDETERMINISTIC',
      `--check-determinism: two runs of the same configuration differ first at ${difference.path} (${difference.left ?? 'absent'} then ${difference.right ?? 'absent'})`,
      { advice: 'something read the wall clock (Date.now, new Date), Math.random, a real timer or state kept between runs: use ctx.now(), ctx.rng and ctx.setTimer' },
    );
  }
  if (!flags.quiet) ctx.stderr.write('check-determinism: two runs gave byte-identical reports\n');
}

/** --ws-url / --rest-url on a host that is not the venue's public one: said on stderr (even with --quiet), the run goes on. */
async function warnOnEndpointHosts(config: RunConfig, ctx: CliContext): Promise<void> {
  const feed = config.feed;
  const venue = venueModule(config.venue.name);
  if (feed.kind !== 'live' || venue.live === undefined) return;
  const { endpointHostWarnings } = await import('../../app/live-venue.js');
  for (const line of endpointHostWarnings(venue, [['--ws-url', feed.wsUrl], ['--rest-url', feed.restUrl]])) ctx.stderr.write(`${line}\n`);
}
