// `shadow-exec import <source> FILE... --out REPLAY`: historical data files (tardis.dev CSVs, venue public-data archives) → one normalized replay file, streamed in constant memory.
import { basename } from 'node:path';
import { Command } from 'commander';
import { importSources } from '../../app/import-sources.js';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { isoUtc } from '../../core/report/units.js';
import type { ImportFilter } from '../../feeds/import/import-file-source.js';
import { ImportAborted, runImport, type ImportProgressUpdate, type ImportSummary } from '../../feeds/import/import-run.js';
import type { ImportSource } from '../../feeds/import/import-source.js';
import { checkWritableOutput } from '../../output/output-path.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { ImportProgress } from '../import-progress.js';

interface ImportFlags {
  readonly out: string;
  readonly symbols?: string;
  readonly from?: string;
  readonly to?: string;
  readonly [option: string]: string | undefined;
}

/** A date or an instant in UTC: 2024-01-01, 2024-01-01T12:00Z, 2024-01-01T12:00:00.250Z. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?Z)?$/;

/** `text` as µs since the epoch; UsageError naming `flag` when it is not a UTC date or instant. */
export function parseInstantUs(text: string, flag: string): number {
  const m = INSTANT.exec(text);
  const fail = () => new UsageError(`${flag} '${text}' is not allowed: expected a UTC date or instant (2024-01-01, 2024-01-01T12:00:00Z, 2024-01-01T12:00:00.000250Z)`);
  if (m === null) throw fail();
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(mi) || Number(s) > 59) throw fail();
  return ms * 1000 + Number(frac.padEnd(6, '0'));
}

function filterOf(flags: ImportFlags): ImportFilter {
  let symbols: Set<string> | null = null;
  if (flags.symbols !== undefined) {
    const list = flags.symbols.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (list.length === 0) throw new UsageError(`--symbols '${flags.symbols}' is not allowed: expected a comma-separated list of venue symbols (BTCUSDT,ETHUSDT)`);
    symbols = new Set(list);
  }
  const fromUs = flags.from === undefined ? null : parseInstantUs(flags.from, '--from');
  const toUs = flags.to === undefined ? null : parseInstantUs(flags.to, '--to');
  if (fromUs !== null && toUs !== null && toUs <= fromUs) throw new UsageError(`--to '${flags.to}' must be after --from '${flags.from}'`);
  return { symbols, fromUs, toUs };
}

const count = (n: number): string => String(n);

/** The closing line on stderr: what was read and written (wall-clock speed on stderr only, never in a file). */
function summaryLine(source: string, summary: ImportSummary, out: string, seconds: number, showRate: boolean): string {
  const types = Object.entries(summary.recordsByType).filter(([, n]) => n > 0).map(([type, n]) => `${type} ${count(n)}`).join(', ');
  const span = summary.firstUs === null ? 'no records' : `${isoUtc(Math.floor(summary.firstUs / 1000))} .. ${isoUtc(Math.floor(summary.lastUs! / 1000))}`;
  const rate = seconds > 0 && showRate ? `, ${count(Math.round(summary.rows / seconds))} rows/s` : '';
  return `import ${source}: ${count(summary.files)} file(s), ${count(summary.rows)} rows → ${count(summary.records)} records (${types || 'none'}${summary.filtered > 0 ? `; ${count(summary.filtered)} filtered out` : ''}) of ${summary.symbols.join(',') || '-'} on ${summary.target.venue} ${summary.target.market}, ${span}; wrote ${out}${rate}\n`;
}

function sourceCommand(ctx: CliContext, source: ImportSource): Command {
  const command = new Command(source.name)
    .summary(source.summary)
    .description(`${source.summary}.\n\n${source.help}\n\nSeveral files are merged by receive time into one replay (stable: trades before the book update at the same µs, then command-line order, then file order). Rows are streamed (constant memory whatever the size). A malformed row stops the import with exit 2 naming its file and line; Ctrl-C stops it with exit 130; either way the partial file (REPLAY.partial) is removed and REPLAY is left as it was. On a terminal a progress line shows rows, rows/s and the ETA (from the bytes read, compressed bytes for .gz/.zip); otherwise only the closing summary line is printed. Replay the result with \`shadow-exec run --feed replay:REPLAY\` (the header records the venue and market), or skip the import: \`shadow-exec run --feed ${source.name}:DIR_OR_GLOB\` reads the same files directly (a directory: all its files; a glob: * and ? in its last part).`)
    .argument('<files...>', 'input files, in any order')
    .requiredOption('--out <replay>', 'replay file to write (normalized records, format version 2; the compact binary encoding when it ends with .bin; replaced when complete)')
    .option('--symbols <list>', 'keep only these venue symbols, comma-separated (default: every symbol in the files)')
    .option('--from <utc>', 'keep records received at or after this UTC date or instant (2024-01-01, 2024-01-01T12:00:00Z)')
    .option('--to <utc>', 'keep records received before this UTC date or instant');
  for (const option of source.options) command.option(option.flags, option.description);
  return command.action(async (files: string[], flags: ImportFlags) => {
    const filter = filterOf(flags);
    checkWritableOutput(flags.out, '--out', { atomic: true });
    // Every file's reader is made (and its name and options checked) before any file is read.
    const readers = files.map((path) => source.readerFor(path, flags));
    const started = process.hrtime.bigint();
    const wallMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
    const progress = ctx.stderrIsTTY ? new ImportProgress(source.name, (text) => ctx.stderr.write(text), wallMs) : null;
    const abort = new AbortController();
    const partial = `${flags.out}.partial`;
    const watch = ctx.onInterrupt(() => abort.abort(), `removing ${partial}`);
    let summary: ImportSummary;
    try {
      summary = await runImport({
        files,
        out: flags.out,
        filter,
        readerFor: (_path, index) => readers[index]!,
        source: `shadow-exec import ${source.name} ${files.map((f) => basename(f)).join(' ')}`.slice(0, 1000),
        signal: abort.signal,
        ...(progress === null ? {} : { onProgress: (p: ImportProgressUpdate) => progress.update(p) }),
      });
    } catch (error) {
      progress?.end();
      if (!(error instanceof ImportAborted)) throw error;
      ctx.stderr.write(`import ${source.name}: interrupted after ${count(error.rows)} rows (${count(error.records)} records); removed the partial file ${error.partial}, ${flags.out} was not written\n`);
      ctx.setExitCode(watch.exitCode());
      return;
    } finally {
      watch.dispose();
    }
    progress?.end();
    ctx.stderr.write(summaryLine(source.name, summary, flags.out, wallMs() / 1000, ctx.stderrIsTTY));
    ctx.setExitCode(EXIT.ok);
  });
}

export async function importCommand(ctx: CliContext): Promise<Command> {
  const command = new Command('import').description('Convert historical market data (tardis.dev CSVs, venue public-data archives) into a normalized replay file for `run --feed replay:FILE`.');
  for (const source of await importSources()) command.addCommand(sourceCommand(ctx, source));
  return command;
}
