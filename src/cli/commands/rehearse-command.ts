// `shadow-exec rehearse FILE|NAME`: runs a rehearsal scenario on the virtual clock and judges its expectations (exit 0 all pass, 3 any fails).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { inputReadError } from '../../core/errors/io-failure.js';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { canonicalJson } from '../../core/report/canonical-json.js';
import { parseScenarioText } from '../../scenario/scenario-validate.js';
import { rehearse } from '../../scenario/scenario-runner.js';
import { FileReportSink } from '../../output/file-report-sink.js';
import { checkDistinctPaths, checkWritableOutput } from '../../output/output-path.js';
import { StdoutReportSink } from '../../output/stdout-report-sink.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { removeStaleReportTemps } from './run-command.js';
import { RUN_OPTION_SPECS } from '../../app/config/run-option-specs.js';
import type { SeriesSampler } from '../../engine/series-sampler.js';
import { seriesOutputs, SeriesWriting, type SeriesFlags } from '../series-outputs.js';
import { packagePath } from '../package-info.js';

/** Built-in scenarios ship in the package: <package>/scenarios/. */
const BUILT_IN = `${packagePath('scenarios')}/`;

/** Exit code of a rehearsal whose run completed but an expectation failed (1 stays "the run itself failed"). */
export const EXIT_EXPECTATION_FAILED = 3;

/** The text of a scenario file; one usage line when it cannot be read. */
function readScenario(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw inputReadError('rehearse: scenario file', path, error);
  }
}

/** The one-line description of a built-in scenario, or why it has none. */
function builtInDescription(name: string): string {
  const path = join(BUILT_IN, `${name}.json`);
  try {
    const description = (JSON.parse(readFileSync(path, 'utf8')) as { description?: unknown }).description;
    return typeof description === 'string' ? description : '';
  } catch (error) {
    return `(unreadable: ${error instanceof SyntaxError ? 'not valid JSON' : inputReadError('file', path, error).message})`;
  }
}

function builtInNames(): string[] {
  if (!existsSync(BUILT_IN)) return [];
  return readdirSync(BUILT_IN)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A path to a file, or the name of a built-in scenario. */
function resolveScenario(target: string): string {
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`rehearse: '${target}' is a directory: name a scenario file in it or a built-in scenario (rehearse --list shows them)`);
  }
  if (existsSync(target)) return target;
  const builtIn = join(BUILT_IN, `${target}.json`);
  if (existsSync(builtIn)) return builtIn;
  throw new UsageError(`rehearse: '${target}' is neither a file nor a built-in scenario; built-in: ${builtInNames().join(', ') || 'none'} (see rehearse --list)`);
}

export function rehearseCommand(ctx: CliContext): Command {
  return new Command('rehearse')
    .description('Rehearse a scenario on the virtual clock — market moves, faults and operator actions at exact times — and check its expectations. stdout: the report with an `expectations` section; stderr: the timeline.')
    .argument('[scenario]', 'required unless --list: a scenario file (JSON, see src/scenario/scenario-schema.json) or the name of a built-in one')
    .option('--list', 'list the built-in scenarios with one line each')
    .option('--out <file>', 'write the report to this file instead of stdout (atomically; a device or FIFO is written through, never replaced)')
    .option('--quiet', 'no timeline on stderr')
    .option(`${RUN_OPTION_SPECS.series.flag} ${RUN_OPTION_SPECS.series.arg}`, RUN_OPTION_SPECS.series.help.replace('synthetic and replay feeds (default: off)', 'the scenario\'s own run, its timeline\'s freezes included (default: off)'))
    .option(`${RUN_OPTION_SPECS.seriesOut.flag} ${RUN_OPTION_SPECS.seriesOut.arg}`, RUN_OPTION_SPECS.seriesOut.help)
    .option(`${RUN_OPTION_SPECS.html.flag} ${RUN_OPTION_SPECS.html.arg}`, 'also write a self-contained HTML report of the rehearsal (charts from --series when given, freeze bands included; the report\'s tables always; works offline)')
    .addHelpText(
      'after',
      `
Exit codes: 0 every expectation holds · 3 an expectation failed (the report shows the observed value) ·
1 the run itself failed · 2 bad usage or a bad scenario file (the message names the field's JSON path,
e.g. run.fillRate, also for values the run refuses)

Examples:
  $ shadow-exec rehearse --list
  $ shadow-exec rehearse venue-outage
  $ shadow-exec rehearse scenarios/clock-skew.json --out rehearsal.json
  $ shadow-exec rehearse edge-collapse --series 1s --series-out freeze.csv --html freeze.html`,
    )
    .action(async (target: string | undefined, flags: { list?: boolean; out?: string; quiet?: boolean } & SeriesFlags) => {
      if (flags.list) {
        for (const name of builtInNames()) ctx.stdout.write(`${name.padEnd(28)} ${builtInDescription(name)}\n`);
        ctx.setExitCode(EXIT.ok);
        return;
      }
      if (target === undefined) throw new UsageError('rehearse: name a scenario file or a built-in scenario (rehearse --list shows them)');
      const path = resolveScenario(target);
      const series = await seriesOutputs(flags, false);
      const outputs = [['--out', flags.out], ['--series-out', flags.seriesOut], ['--html', flags.html]].filter((o): o is [string, string] => o[1] !== undefined).map(([flag, p]) => ({ flag, path: p }));
      checkDistinctPaths(outputs, [{ flag: 'the scenario', path }]);
      for (const o of outputs) checkWritableOutput(o.path, o.flag, { atomic: true });
      if (flags.out !== undefined) removeStaleReportTemps(flags.out, flags.quiet ? null : (line) => ctx.stderr.write(`${line}\n`));
      const scenario = parseScenarioText(readScenario(path));
      if (!flags.quiet) ctx.stderr.write(`rehearsal ${scenario.name}: ${scenario.description}\n`);
      // A built-in scenario's plug-in ships in the package: its relative path is the package's, wherever the command runs.
      const pluginBase = resolve(path).startsWith(resolve(BUILT_IN)) ? packagePath('.') : null;
      // The sampler exists once the rehearsal has composed its run: the outputs read it through this.
      let sampler: SeriesSampler | null = null;
      const writing = await SeriesWriting.open(series, series.everyMs === null ? null : { takeRecords: () => sampler?.takeRecords() ?? [], takeText: (format) => sampler?.takeText(format) ?? new Uint8Array(0) });
      let result;
      try {
        result = await rehearse(scenario, ctx.tool, flags.quiet ? () => {} : (line) => ctx.stderr.write(`${line}\n`), {
          pluginBase,
          seriesEveryMs: series.everyMs,
          onSlice: (s) => {
            sampler = s;
            writing.onSlice();
          },
        });
        sampler = result.series;
        const sink = flags.out === undefined ? new StdoutReportSink(ctx.stdout) : new FileReportSink(flags.out);
        await sink.write(canonicalJson(result.report));
        await writing.finish(result.report);
      } catch (error) {
        writing.abandon();
        throw error;
      }
      if (!flags.quiet) {
        const failed = result.results.filter((r) => !r.passed).length;
        ctx.stderr.write(result.passed ? `rehearsal passed: ${result.results.length} expectation(s) hold\n` : `rehearsal FAILED: ${failed} of ${result.results.length} expectation(s) did not hold\n`);
      }
      ctx.setExitCode(result.passed ? EXIT.ok : EXIT_EXPECTATION_FAILED);
    });
}
