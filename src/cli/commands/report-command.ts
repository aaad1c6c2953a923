// `shadow-exec report html REPORT.json [--series FILE] -o report.html`: a written report (and its time series) as one self-contained HTML file.
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { checkDistinctPaths, checkWritableOutput } from '../../output/output-path.js';
import { EXIT, type CliContext } from '../cli-context.js';

interface HtmlFlags {
  readonly series?: string;
  readonly output?: string;
}

export function reportCommand(ctx: CliContext): Command {
  const report = new Command('report').description('Turn a written report into something to look at: `report html REPORT.json -o report.html`.');
  report
    .command('html')
    .description(
      'write one self-contained HTML file from a report (run --out) and, with --series, its time series (run --series 1s --series-out FILE): price with our quotes and fill markers (maker/taker), position, PnL split, edge vs threshold with freeze bands, orders and rejections by code, risk events, the config and model sections as tables; the chart library (uPlot) is inlined, so the file works offline and prints',
    )
    .argument('<report>', 'the report file (canonical JSON, as run --out writes it)')
    .option('--series <file>', 'the run\'s time series: JSON Lines (.jsonl) or CSV (.csv), as run --series-out wrote it (default: no charts, tables only)')
    .option('-o, --output <file>', 'the HTML file to write (atomically: temp file + rename)')
    .addHelpText(
      'after',
      `
Exit codes: 0 written · 2 bad usage, a REPORT.json or series file that is not what run writes (the message names the line), or an output that cannot be written

Examples:
  $ shadow-exec run --series 1s --series-out run.jsonl --out report.json
  $ shadow-exec report html report.json --series run.jsonl -o report.html
  $ shadow-exec run --series 250ms --html report.html --quiet > report.json   # the same in one step`,
    )
    .action(async (path: string, flags: HtmlFlags) => {
      if (flags.output === undefined) throw new UsageError('report html: -o FILE is required: the HTML file to write');
      checkDistinctPaths([{ flag: '-o', path: flags.output }], [{ flag: 'REPORT.json', path }, ...(flags.series === undefined ? [] : [{ flag: '--series', path: flags.series }])]);
      checkWritableOutput(flags.output, '-o', { atomic: true });
      const [{ readReport, readSeries }, { renderHtmlReport }, { readUplotAssets }, { FileReportSink }] = await Promise.all([
        import('../../output/html/report-inputs.js'),
        import('../../output/html/html-report.js'),
        import('../../output/html/uplot-assets.js'),
        import('../../output/file-report-sink.js'),
      ]);
      const parsed = readReport(path);
      const series = flags.series === undefined ? null : readSeries(flags.series);
      await new FileReportSink(flags.output).write(renderHtmlReport(parsed, series, readUplotAssets()));
      ctx.stderr.write(`wrote ${flags.output}${series === null ? ' (no --series: tables only)' : ` (${series.length} series records)`}\n`);
      ctx.setExitCode(EXIT.ok);
    });
  return report;
}
