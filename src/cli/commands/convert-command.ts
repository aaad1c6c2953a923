// `shadow-exec convert IN --out OUT [--to binary|jsonl] [--instruments FILE] [--symbols LIST]`: a normalized replay between its JSONL and binary encodings, or a recording of frames to normalized records (the input's kind read from its bytes), streamed in constant memory and written atomically.
import { Command, Option } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { framesAsNormalized, type NormalizedRecordStream } from '../../app/frames-as-normalized.js';
import { openNormalizedInput } from '../../feeds/replay/normalized-input.js';
import { ConvertAborted, runConvert, type ConvertTarget } from '../../feeds/replay/replay-convert.js';
import { checkWritableOutput } from '../../output/output-path.js';
import { EXIT, type CliContext } from '../cli-context.js';

interface ConvertFlags {
  readonly out: string;
  readonly to?: string;
  readonly instruments?: string;
  readonly symbols?: string;
}

/** --symbols A,B: trimmed, none empty or given twice. */
function symbolList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const symbols = raw.split(',').map((s) => s.trim());
  if (symbols.some((s) => s === '') || new Set(symbols).size !== symbols.length) throw new UsageError(`--symbols '${raw}' is not allowed: expected a comma-separated list of distinct symbols, e.g. BTCUSDT,ETHUSDT`);
  return symbols;
}

/** What a frames conversion kept and dropped, for the summary line. */
function framesSummary(stream: NormalizedRecordStream): string {
  const { inputs, written, unread, dropped, otherSymbols } = stream.counts;
  const list = (counts: Readonly<Record<string, number>>): string =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const parts = [`${inputs} frame and REST records → ${list(written) || 'no record'}`];
  if (otherSymbols > 0) parts.push(`${otherSymbols} events of other symbols`);
  if (Object.keys(dropped).length > 0) parts.push(`dropped (no normalized record): ${list(dropped)}`);
  if (Object.keys(unread).length > 0) parts.push(`not market data: ${list(unread)}`);
  return parts.join('; ');
}

/** --to, or by OUT's name: binary when it ends with ".bin", JSONL otherwise. */
export function convertTarget(out: string, to: string | undefined): ConvertTarget {
  if (to === undefined) return out.toLowerCase().endsWith('.bin') ? 'binary' : 'jsonl';
  const value = to.toLowerCase();
  if (value !== 'binary' && value !== 'jsonl') throw new UsageError(`--to '${to}' is not allowed: expected binary or jsonl`);
  return value;
}

export function convertCommand(ctx: CliContext): Command {
  return new Command('convert')
    .summary('convert a replay: normalized JSONL ⇄ compact binary, or recorded frames → normalized records')
    .description(
      'Converts a normalized replay file (format version 2, "data":"normalized", as `shadow-exec import` writes it) to the compact binary encoding, or a binary replay back to JSONL, or a recording of venue frames (`shadow-exec record`) to normalized records: every frame and REST body through the recorded venue\'s own parser and book sync, on the grids of its instruments (bundled, or --instruments FILE as for `run`), so the normalized file replays to the same orders, fills, PnL and books; venue klines, 24 h tickers and off-book trades have no normalized record and are counted as dropped (docs/replay-format.md, "Frames to normalized records"). The input\'s kind is read from its first bytes (a binary replay starts with "SXRB"), not from its name; the output\'s is --to, or by OUT\'s name: binary when it ends with .bin, JSONL otherwise. The records are the same either way: `run --feed replay:OUT` gives the same report as the input (but for the file\'s name and SHA-256), JSONL → binary → JSONL gives the canonical JSONL bytes back, and a binary replay is typically 3-4 times smaller and replays faster (docs/replay-format.md, "Binary normalized replays"). The input is validated whole first: a malformed one stops with exit 2 naming its line or record, before anything is written. Records are streamed (constant memory whatever the size) to OUT.partial, renamed to OUT when complete; Ctrl-C stops with exit 130 and removes the partial file. Exit 0 when written, 2 on a bad input or option, 130 on Ctrl-C.',
    )
    .argument('<in>', 'replay to read: normalized (JSONL or binary) or a recording of frames')
    .requiredOption('--out <file>', 'replay file to write (replaced when complete)')
    .addOption(new Option('--to <kind>', 'encoding of OUT: binary or jsonl (default: binary when OUT ends with .bin, else jsonl)'))
    .option('--instruments <file>', "frames input: a saved instruments response of the recorded venue and market, as for `run` (default: the venue's bundled catalog)")
    .option('--symbols <list>', 'frames input: the symbols to convert, comma-separated (default: every symbol of the catalog; frames of others are dropped and counted)')
    .action(async (path: string, flags: ConvertFlags) => {
      const to = convertTarget(flags.out, flags.to);
      checkWritableOutput(flags.out, '--out', { atomic: true });
      const symbols = symbolList(flags.symbols);
      const input = openNormalizedInput(path, (source) => framesAsNormalized(source, { ...(flags.instruments === undefined ? {} : { instruments: flags.instruments }), ...(symbols === undefined ? {} : { symbols }) }));
      // A recording of frames comes back as the normalizer's stream, with its counts.
      const frames: NormalizedRecordStream | null = 'counts' in input ? (input as NormalizedRecordStream) : null;
      if (frames === null && (flags.instruments !== undefined || symbols !== undefined)) {
        input.close();
        throw new UsageError('--instruments and --symbols apply to a recording of frames only: this input already holds normalized records');
      }
      const abort = new AbortController();
      const partial = `${flags.out}.partial`;
      const watch = ctx.onInterrupt(() => abort.abort(), `removing ${partial}`);
      try {
        const summary = await runConvert({ input, out: flags.out, to, signal: abort.signal });
        if (frames !== null) ctx.stderr.write(`convert: ${framesSummary(frames)}\n`);
        if (frames !== null && summary.records === 0) {
          ctx.stderr.write(`warning: convert wrote no record: no frame of '${path}' is of a symbol of the instruments used (${symbols === undefined ? "the venue's bundled catalog" : `--symbols ${symbols.join(',')}`}${flags.instruments === undefined ? '' : `, --instruments ${flags.instruments}`}); a recording of other symbols needs --instruments FILE, as \`run\` does\n`);
        }
        ctx.stderr.write(`convert: ${summary.records} records → ${flags.out} (${to === 'binary' ? 'binary' : 'JSONL'}, ${summary.bytes} bytes)\n`);
        ctx.setExitCode(EXIT.ok);
      } catch (error) {
        if (!(error instanceof ConvertAborted)) throw error;
        ctx.stderr.write(`convert: interrupted after ${error.records} records; removed the partial file ${error.partial}, ${flags.out} was not written\n`);
        ctx.setExitCode(watch.exitCode());
      } finally {
        watch.dispose();
      }
    });
}
