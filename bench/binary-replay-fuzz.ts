// Fuzz inputs and oracle for the binary replay decoder (binary-replay-source.ts decodeBinaryReplay), for replay-fuzz.ts: valid generated files, then mutated, cut, padded with random bytes or given hostile length fields.
//
// Oracle: every record has one encoding (docs/replay-format.md), so whatever the decoder accepts must be what the
// encoder writes for the records it returned — the input's bytes exactly, or a prefix of them followed by a cut last
// record the decoder warned about. A refusal must be E_REPLAY_FORMAT; the unmutated file must be accepted whole,
// with the generated records. Anything else thrown is a crash.
import fc from 'fast-check';
import { ShadowExecError } from '../src/core/errors/shadow-exec-error.js';
import { BinaryRecordEncoder, encodeBinaryHeader } from '../src/feeds/replay/binary-record-encoder.js';
import { decodeBinaryReplay } from '../src/feeds/replay/binary-replay-source.js';
import { encodeReplayRecord, type ReplayHeader, type ReplayRecord } from '../src/feeds/replay/replay-format.js';
import { asReplayRecords, NORMALIZED_HEADER, normalizedRecords } from '../test/helpers/normalized-record-arbitraries.js';

export type BinaryVerdict = 'ok' | 'crash' | 'wrong-accept' | 'wrong-reject';

export interface BinaryFuzzInput {
  /** The valid file the input was made from, and its records' canonical lines. */
  readonly valid: Buffer;
  readonly lines: readonly string[];
  /** The bytes given to the decoder. */
  readonly bytes: Buffer;
  readonly mutated: boolean;
}

function encodeFile(records: readonly ReplayRecord[], header: ReplayHeader = NORMALIZED_HEADER): Buffer {
  const encoder = new BinaryRecordEncoder();
  return Buffer.concat([encodeBinaryHeader(header), ...records.map((r) => Buffer.from(encoder.encode((r as Extract<ReplayRecord, { kind: 'normalized' }>).record)))]);
}

const randomBytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((a) => Buffer.from(a));
/** A length field claiming a huge record: 2^53 − 1, past the record limit, 60 MiB, overlong. */
const hugeLength = fc.constantFrom([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x20], [0x80, 0x80, 0x80, 0x1e], [0x81, 0x00], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).map((b) => Buffer.from(b));

type Mutation = (valid: Buffer) => fc.Arbitrary<Buffer>;
const mutations: readonly Mutation[] = [
  (valid) => fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
    const copy = Buffer.from(valid);
    for (const [at, value] of flips) copy[at] = value;
    return copy;
  }),
  (valid) => fc.nat({ max: valid.length }).map((at) => valid.subarray(0, at)),
  (valid) => fc.tuple(fc.nat({ max: valid.length }), randomBytes).map(([at, extra]) => Buffer.concat([valid.subarray(0, at), extra, valid.subarray(at)])),
  (valid) => fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: 8 })).map(([at, n]) => Buffer.concat([valid.subarray(0, at), valid.subarray(Math.min(valid.length, at + n))])),
  (valid) => hugeLength.map((length) => Buffer.concat([valid, length, Buffer.alloc(16, 1)])),
  (valid) => fc.tuple(randomBytes, fc.boolean()).map(([extra, withHeader]) => (withHeader ? Buffer.concat([encodeBinaryHeader(NORMALIZED_HEADER), extra]) : Buffer.concat([Buffer.from('SXRB\x01', 'latin1'), extra]))),
];

export const binaryFuzzInput: fc.Arbitrary<BinaryFuzzInput> = fc
  .tuple(normalizedRecords, fc.nat({ max: mutations.length }))
  .chain(([records, which]): fc.Arbitrary<BinaryFuzzInput> => {
    const replay = asReplayRecords(records);
    const valid = encodeFile(replay);
    const lines = replay.map(encodeReplayRecord);
    if (which === mutations.length || valid.length === 0) return fc.constant({ valid, lines, bytes: valid, mutated: false });
    return mutations[which]!(valid).map((bytes) => ({ valid, lines, bytes, mutated: true }));
  });

/** The verdict on one input; `timed` wraps the decoder's call (only its time counts). */
export function checkBinary(input: BinaryFuzzInput, timed: <R>(run: () => R) => R): BinaryVerdict {
  let decoded: ReturnType<typeof decodeBinaryReplay>;
  try {
    decoded = timed(() => decodeBinaryReplay(input.bytes));
  } catch (error) {
    if (!(error instanceof ShadowExecError) || error.code !== 'E_REPLAY_FORMAT') return 'crash';
    return input.mutated ? 'ok' : 'wrong-reject';
  }
  if (!input.mutated) return decoded.warnings.length === 0 && decoded.records.map(encodeReplayRecord).join('\n') === input.lines.join('\n') ? 'ok' : 'wrong-reject';
  const again = encodeFile(decoded.records, decoded.header);
  if (decoded.warnings.length === 0) return again.equals(input.bytes) ? 'ok' : 'wrong-accept';
  return again.length < input.bytes.length && again.equals(input.bytes.subarray(0, again.length)) ? 'ok' : 'wrong-accept';
}
