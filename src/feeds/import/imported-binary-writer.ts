// ImportedBinaryWriter: the import's record lines written as a binary replay (`import … --out FILE.bin`): each canonical line read back into its record (the byte scanner for book and trade lines, JSON.parse for others) and encoded by BinaryReplayWriter.
//
// The import builds canonical JSON lines (imported-line.ts); reading them back costs a scan per record, far less than
// a second pass (`import` to JSONL, then `convert`). The records, hence the bytes, are those `convert` writes from the JSONL.
import { BinaryReplayWriter } from '../replay/binary-replay-writer.js';
import { NormalizedLineScanner } from '../replay/normalized-line-scanner.js';
import type { NormalizedRecord } from '../replay/normalized-record.js';
import type { ReplayHeader } from '../replay/replay-format.js';
import type { ImportedLine } from './imported-line.js';

export class ImportedBinaryWriter {
  private readonly scanner = new NormalizedLineScanner();

  private constructor(private readonly writer: BinaryReplayWriter) {}

  /** Creates (or truncates) `path` with the preamble and `header`. E_RECORD_WRITE when it cannot be written. */
  static open(path: string, header: ReplayHeader): ImportedBinaryWriter {
    return new ImportedBinaryWriter(BinaryReplayWriter.open(path, header));
  }

  get bytes(): number {
    return this.writer.bytes;
  }

  record(line: ImportedLine): void {
    const scanned = line.bytes === null ? this.scanner.scanText(line.json) : this.scanner.scan(line.bytes, line.start, line.end);
    this.writer.record((scanned ?? JSON.parse(line.json)) as NormalizedRecord);
  }

  close(): void {
    this.writer.close();
  }

  abandon(): void {
    this.writer.abandon();
  }
}
