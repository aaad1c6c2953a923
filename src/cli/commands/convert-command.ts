// `shadow-exec convert IN --out OUT [--to binary|jsonl]`: a normalized replay between its JSONL and binary encodings (the input's kind read from its bytes), streamed in constant memory and written atomically.
import { Command, Option } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { openNormalizedInput } from '../../feeds/replay/normalized-input.js';
import { ConvertAborted, runConvert, type ConvertTarget } from '../../feeds/replay/replay-convert.js';
import { checkWritableOutput } from '../../output/output-path.js';
import { EXIT, type CliContext } from '../cli-context.js';

interface ConvertFlags {
  readonly out: string;
  readonly to?: string;
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
    .summary('convert a normalized replay between JSONL and the compact binary encoding')
    .description(
      'Converts a normalized replay file (format version 2, "data":"normalized", as `shadow-exec import` writes it) to the compact binary encoding, or a binary replay back to JSONL. The input\'s kind is read from its first bytes (a binary replay starts with "SXRB"), not from its name; the output\'s is --to, or by OUT\'s name: binary when it ends with .bin, JSONL otherwise. The records are the same either way: `run --feed replay:OUT` gives the same report as the input (but for the file\'s name and SHA-256), JSONL → binary → JSONL gives the canonical JSONL bytes back, and a binary replay is typically 3-4 times smaller and replays faster (docs/replay-format.md, "Binary normalized replays"). The input is validated whole first: a malformed one stops with exit 2 naming its line or record, before anything is written. Records are streamed (constant memory whatever the size) to OUT.partial, renamed to OUT when complete; Ctrl-C stops with exit 130 and removes the partial file. A raw-frame replay (recorded frames) is refused with exit 2.',
    )
    .argument('<in>', 'normalized replay to read (JSONL or binary)')
    .requiredOption('--out <file>', 'replay file to write (replaced when complete)')
    .addOption(new Option('--to <kind>', 'encoding of OUT: binary or jsonl (default: binary when OUT ends with .bin, else jsonl)'))
    .action(async (path: string, flags: ConvertFlags) => {
      const to = convertTarget(flags.out, flags.to);
      checkWritableOutput(flags.out, '--out', { atomic: true });
      const input = openNormalizedInput(path);
      const abort = new AbortController();
      const partial = `${flags.out}.partial`;
      const watch = ctx.onInterrupt(() => abort.abort(), `removing ${partial}`);
      try {
        const summary = await runConvert({ input, out: flags.out, to, signal: abort.signal });
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
