// `shadow-exec record`: writes a venue's public streams (and REST depth snapshots where the book sync needs them) to a replay file until --duration or Ctrl-C; returns an exit code.
import { Command } from 'commander';
import { buildRecorder } from '../../app/compose-record.js';
import { endpointHostWarnings } from '../../app/live-venue.js';
import { loadedVenues, loadVenue, VENUE_FAMILIES, venueModule } from '../../app/venue-registry.js';
import { recordStreams } from '../../app/stream-recorder.js';
import { SystemTimers } from '../../feeds/ws/system-timers.js';
import { orList } from '../../core/text/or-list.js';
import type { VenueLive, VenueModule, VenueReplay } from '../../venues/venue-module.js';
import { feedFailure } from '../../core/errors/feed-failure.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { parseRecordOptions, parseStreamRecordOptions, type RawRecordOptions } from '../record-options.js';
import { RecordProgress } from '../record-progress.js';
import { checkWritableOutput } from '../../output/output-path.js';

interface RecordFlags extends RawRecordOptions {
  readonly quiet?: boolean;
}

type RecordableVenue = VenueModule & { readonly live: VenueLive; readonly replay: VenueReplay };

/** The loaded venues with public streams and a replay kit, by name (`record` loads every venue). */
function recordableVenues(): RecordableVenue[] {
  return loadedVenues()
    .filter((v): v is RecordableVenue => v.live !== undefined && v.replay !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** "binance only: spot or usdm (default: spot)": the venues whose market flag `flag` is. */
function marketFlagHelp(flag: string): string {
  const owners = recordableVenues().filter((v) => v.markets.flag === flag);
  return owners.map((v) => `${v.name} only: ${v.markets.names.join(' or ')} (default: ${v.markets.default})`).join('; ');
}

export function recordCommand(ctx: CliContext): Command {
  const venues = recordableVenues();
  const rest = venues.filter((v) => v.live.snapshots !== undefined);
  return new Command('record')
    .description("Record a venue's public market-data streams into a replay file (docs/replay-format.md) that `run --feed replay:FILE` replays.")
    .option('--exchange <name>', `required: ${orList([...venues.map((v) => v.name), ...VENUE_FAMILIES.map((f) => f.choice)])}`)
    .option('--market <m>', marketFlagHelp('--market'))
    .option('--category <c>', marketFlagHelp('--category'))
    .option('--symbols <list>', 'required: comma-separated venue symbols, e.g. BTCUSDT,ETHUSDT')
    .option('--streams <list>', `stream kinds per symbol, the venue's topic names exactly (case-sensitive, unlike the choice flags) (default: ${venues.map((v) => `${v.name} ${v.live.defaultStreams.join(',')}`).join('; ')})`)
    .option('--duration <d>', 'stop after this much wall-clock time, e.g. 30s, 10m, 2h (default: until Ctrl-C)')
    .option('--out <file>', 'required: the replay file to write (created or truncated; checked writable before connecting, exit 2)')
    .option('--ws-url <url>', "WebSocket URL to dial instead of the venue's public endpoint (a mirror, a test server); no credentials, query or fragment; another host than the public one is warned about")
    .option('--instruments <file>', `${VENUE_FAMILIES.map((f) => f.choice).join(', ')} only: the saved markets (shadow-exec markets <venue> --out FILE) its client library subscribes with, so no REST call is made for them`)
    .option('--rest-url <url>', `${rest.map((v) => v.name).join(', ')}: REST base of the depth snapshots instead of the public one (same rules as --ws-url)`)
    .option('--quiet', 'no connection lines or summary on stderr (errors are still printed)')
    .addHelpText(
      'after',
      `
Output:
  The file: a header line, then one {"t","frame"} line per data frame (t = receive time, ms) and, on ${orList(rest.map((v) => v.label))},
  one {"t","rest","body"} line per REST depth snapshot the book sync needed. Progress on a terminal only.

Exit codes:
  0 done · 1 the connection gave up (circuit breaker), no data frame arrived in --duration (E_FEED_FAILED,
  E_FEED_NO_DATA: stderr names the last connection error) or the file could not be written · 2 bad usage ·
  130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (the file is flushed, fsynced and closed with a complete last line either way)

${VENUE_FAMILIES.flatMap((f) => f.record.map((line) => `  ${line}`)).join('\n')}

Examples:
${venues.flatMap((v) => v.live.examples.map((line) => `  ${line}`)).join('\n')}
${VENUE_FAMILIES.flatMap((f) => f.recordExamples.map((line) => `  ${line}`)).join('\n')}`,
    )
    .action(async (flags: RecordFlags) => {
      ctx.setExitCode(await executeRecord(flags, ctx));
    });
}

/** `record` on a venue whose client library streams normalized records (ccxt:<id>). */
async function executeStreamRecord(flags: RecordFlags, ctx: CliContext): Promise<number | null> {
  const config = parseStreamRecordOptions(flags);
  if (config === null) return null;
  checkWritableOutput(config.out, '--out', { atomic: false });
  const streams = venueModule(config.venue).streams!;
  const log = flags.quiet ? undefined : (line: string): void => void ctx.stderr.write(`record: ${line}\n`);
  const stop = ctx.onInterrupt(() => log?.('interrupt: closing the recording'), 'flushing the recording (the file keeps the whole lines written so far)');
  log?.(`recording ${config.symbols.join(',')} × ${config.kinds.join(',')} on ${config.venue} ${config.market} to ${config.out}, ${config.durationMs === null ? 'until Ctrl-C' : `for ${config.durationMs} ms`}`);
  let outcome;
  try {
    outcome = await recordStreams(streams, { ...config, recorder: `${ctx.tool.name} record ${ctx.tool.version}` }, new SystemTimers(), { durationMs: config.durationMs, stopRequested: stop.requested, ...(log === undefined ? {} : { log }) });
  } finally {
    stop.dispose();
  }
  log?.(`${outcome.records} normalized records, ${outcome.bytes} bytes → ${config.out}; ${JSON.stringify(outcome.health)}`);
  if (outcome.endReason === 'interrupted') return stop.exitCode();
  if (outcome.failure !== null) throw feedFailure(true, outcome.failure, `the recording up to then is in ${config.out}`);
  return EXIT.ok;
}

async function executeRecord(flags: RecordFlags, ctx: CliContext): Promise<number> {
  // A parameterised venue (ccxt:<id>) loads only when named.
  if (flags.exchange !== undefined) await loadVenue(flags.exchange);
  const streamed = await executeStreamRecord(flags, ctx);
  if (streamed !== null) return streamed;
  const config = parseRecordOptions(flags);
  checkWritableOutput(config.out, '--out', { atomic: false });
  // --ws-url / --rest-url on a host that is not the venue's public one: said on stderr (even with --quiet).
  for (const line of endpointHostWarnings(venueModule(config.venue), [['--ws-url', config.wsUrl], ['--rest-url', config.restUrl]])) ctx.stderr.write(`${line}\n`);
  const { recorder, topics } = buildRecorder({ ...config, recorder: `${ctx.tool.name} record ${ctx.tool.version}` });
  const log = flags.quiet ? undefined : (line: string): void => void ctx.stderr.write(`record: ${line}\n`);
  const stop = ctx.onInterrupt(() => {
    log?.('interrupt: closing the recording');
    recorder.wake();
  }, 'flushing the recording (the file keeps the whole lines written so far)');
  const progress = new RecordProgress(!flags.quiet && ctx.stderrIsTTY && ctx.stderrColumns > 0, config.durationMs);
  const until = config.durationMs === null ? 'until Ctrl-C' : `for ${config.durationMs} ms`;
  log?.(`recording ${topics.join(',')} to ${config.out}, ${until}`);
  let outcome;
  try {
    outcome = await recorder.run({
      durationMs: config.durationMs,
      stopRequested: stop.requested,
      onProgress: (stats) => progress.update(stats),
      ...(log === undefined ? {} : { log }),
    });
  } finally {
    progress.stop();
    stop.dispose();
  }
  log?.(`${outcome.frames} frames, ${outcome.restRecords} depth snapshots, ${outcome.bytes} bytes in ${outcome.elapsedMs} ms → ${config.out}`);
  if (outcome.endReason === 'interrupted') return stop.exitCode();
  if (outcome.failure !== null) {
    const gaveUp = outcome.endReason === 'feed-failed';
    throw feedFailure(gaveUp, outcome.failure, gaveUp ? `the recording up to then is in ${config.out}` : `${config.out} holds the header line only`);
  }
  return EXIT.ok;
}
