// SeriesOutputs: --series, --series-out and --html of `run` and `rehearse` — checked before the run, the series streamed to its file between slices of the run, and the HTML report written after it.
import { UsageError } from '../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { SeriesFormat } from '../core/report/series-format.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import { seriesOption } from '../app/config/text-options.js';
import type { SeriesFileWriter } from '../output/series-file-writer.js';

/** The flags as given. */
export interface SeriesFlags {
  readonly series?: string;
  readonly seriesOut?: string;
  readonly html?: string;
}

/** --series, --series-out and --html, checked before the run. */
export interface SeriesOutputs {
  /** Virtual ms between samples; null: no series. */
  readonly everyMs: number | null;
  readonly out: { readonly path: string; readonly format: SeriesFormat } | null;
  readonly html: string | null;
}

/** What the outputs read the series from: the run's sampler (engine/series-sampler.ts). */
export interface SeriesSource {
  /** The records up to the last sample, forgotten once taken (every record once the run has ended). */
  takeRecords(): SeriesRecord[];
  /** The same records as the UTF-8 bytes of formatSeriesRows' text of them (written straight from the sampler's columns: what --series-out streams). */
  takeText(format: SeriesFormat): Uint8Array;
}

/**
 * Checks the flags; `liveFeed`: the run reads a live feed (no series then). The series modules load only when
 * --series-out is given (a plain run compiles none of them).
 */
export async function seriesOutputs(flags: SeriesFlags, liveFeed: boolean): Promise<SeriesOutputs> {
  const everyMs = seriesOption(flags.series);
  if (flags.seriesOut !== undefined && everyMs === null) throw new UsageError('--series-out needs --series DURATION (e.g. --series 1s): the interval of the samples to write');
  if (everyMs !== null && liveFeed) throw new UsageError('--series needs a synthetic or replay feed: a live run\'s samples would not be reproducible (record it, then replay the recording with --series)');
  let out: SeriesOutputs['out'] = null;
  if (flags.seriesOut !== undefined) {
    const { seriesFormatOf } = await import('../core/report/series-format.js');
    const format = seriesFormatOf(flags.seriesOut);
    if (format === null) throw new UsageError(`--series-out '${flags.seriesOut}': name a .jsonl (JSON Lines) or .csv file; the extension chooses the format`);
    out = { path: flags.seriesOut, format };
  }
  return { everyMs, out, html: flags.html ?? null };
}

/**
 * The series outputs of one run. Without --html the --series-out file is streamed: each slice's records are written
 * to FILE.partial as the run goes (the sampler holds one slice), and finish() renames it to FILE. With --html every
 * record is needed at the end anyway (the charts), so they are kept and both files written after the run.
 */
export class SeriesWriting {
  private constructor(
    private readonly outputs: SeriesOutputs,
    private readonly source: SeriesSource | null,
    private readonly stream: SeriesFileWriter | null,
  ) {}

  /** Opens the streamed file (FILE.partial) when there is one; nothing is written for a run without --series-out or --html. */
  static async open(outputs: SeriesOutputs, source: SeriesSource | null): Promise<SeriesWriting> {
    if (outputs.out === null || outputs.html !== null || source === null) return new SeriesWriting(outputs, source, null);
    const { SeriesFileWriter } = await import('../output/series-file-writer.js');
    return new SeriesWriting(outputs, source, SeriesFileWriter.open(outputs.out.path, outputs.out.format));
  }

  /** Between slices of the run: the records so far go to the streamed file. */
  onSlice(): void {
    if (this.stream !== null) this.stream.writeBytes(this.source!.takeText(this.outputs.out!.format));
  }

  /** After the report: the rest of the series, FILE.partial renamed to FILE; or the kept records and the HTML report (both atomically, as --out). */
  async finish(report: JsonValue): Promise<void> {
    if (this.stream !== null) {
      this.stream.writeBytes(this.source!.takeText(this.outputs.out!.format));
      this.stream.close();
      return;
    }
    const { out, html } = this.outputs;
    if (out === null && html === null) return;
    const records = this.source?.takeRecords() ?? null;
    const { FileReportSink } = await import('../output/file-report-sink.js');
    if (out !== null && records !== null) {
      const { formatSeries } = await import('../core/report/series-format.js');
      await new FileReportSink(out.path).write(formatSeries(records, out.format));
    }
    if (html !== null) {
      const { renderHtmlReport } = await import('../output/html/html-report.js');
      const { readUplotAssets } = await import('../output/html/uplot-assets.js');
      await new FileReportSink(html).write(renderHtmlReport(report, records, readUplotAssets()));
    }
  }

  /** The run failed before finish(): FILE.partial is removed, FILE left as it was. */
  abandon(): void {
    this.stream?.abandon();
  }
}
