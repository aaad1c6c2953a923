// runConvert: a NormalizedInput → one replay file, binary (binary-replay-writer.ts) or canonical JSONL, written to OUT via OUT.partial and renamed when complete.
//
// The work is synchronous in batches of YIELD_RECORDS records; between batches the conversion yields to the event
// loop, reports progress, and stops when its AbortSignal fired (Ctrl-C): then, as after a read or write error, the
// partial file is removed and OUT is left as it was. An abort rejects with ConvertAborted. The same records give the
// same bytes: JSONL → binary → JSONL is the canonical JSONL (byte for byte what `import` writes), binary → JSONL →
// binary the same binary.
import { renameSync, rmSync } from 'node:fs';
import { ReplayLineWriter } from '../import/replay-line-writer.js';
import { BinaryReplayWriter } from './binary-replay-writer.js';
import { encodeNormalizedRecord, type NormalizedRecord } from './normalized-record.js';
import type { NormalizedInput } from './normalized-input.js';

/** Records per synchronous batch. */
export const CONVERT_YIELD_RECORDS = 1 << 14;

export type ConvertTarget = 'binary' | 'jsonl';

export interface ConvertRequest {
  readonly input: NormalizedInput;
  readonly out: string;
  readonly to: ConvertTarget;
  /** Called after every batch with the records written so far. */
  readonly onProgress?: (records: number) => void;
  /** Stops the conversion (Ctrl-C): the partial file is removed and runConvert rejects with ConvertAborted. */
  readonly signal?: AbortSignal;
}

export interface ConvertSummary {
  readonly records: number;
  /** Bytes of OUT. */
  readonly bytes: number;
}

/** The conversion stopped on request before it was complete; nothing was written to OUT. */
export class ConvertAborted extends Error {
  constructor(readonly records: number, readonly partial: string) {
    super(`convert stopped after ${records} records: the partial file '${partial}' was removed`);
    this.name = 'ConvertAborted';
  }
}

interface RecordWriter {
  readonly bytes: number;
  record(record: NormalizedRecord): void;
  close(): void;
  abandon(): void;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function jsonlWriter(path: string, input: NormalizedInput): RecordWriter {
  const writer = ReplayLineWriter.open(path, input.header);
  return {
    get bytes() {
      return writer.bytes;
    },
    record: (record) => writer.line(encodeNormalizedRecord(record)),
    close: () => writer.close(),
    abandon: () => writer.abandon(),
  };
}

export async function runConvert(request: ConvertRequest): Promise<ConvertSummary> {
  const { input } = request;
  const partial = `${request.out}.partial`;
  let records = 0;
  try {
    const writer: RecordWriter = request.to === 'binary' ? BinaryReplayWriter.open(partial, input.header) : jsonlWriter(partial, input);
    try {
      for (let done = false; !done; ) {
        for (let n = 0; n < CONVERT_YIELD_RECORDS; n++) {
          const record = input.next();
          if (record === null) {
            done = true;
            break;
          }
          writer.record(record);
          records++;
        }
        request.onProgress?.(records);
        if (done) break;
        await yieldToEvents();
        if (request.signal?.aborted === true) throw new ConvertAborted(records, partial);
      }
      writer.close();
    } catch (error) {
      writer.abandon();
      throw error;
    }
    renameSync(partial, request.out);
    return { records, bytes: writer.bytes };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    input.close();
  }
}
