// Covers BinaryRecordDecoder on hostile input (with the reader, through decodeBinaryReplay): random bytes, valid files mutated, cut or given huge length fields never throw anything but E_REPLAY_FORMAT, and whatever is accepted re-encodes to the input (the encoding is unique); named refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryFuzzInput, checkBinary } from '../../../bench/binary-replay-fuzz.js';
import { BinaryRecordDecoder, BinaryRecordProblem } from '../../../src/feeds/replay/binary-record-decoder.js';
import { BinaryRecordEncoder } from '../../../src/feeds/replay/binary-record-encoder.js';

const trade = { type: 'trade', symbol: 'BTCUSDT', exchange_us: 1_000_000, local_us: 1_000_000, id: '12', side: 'sell', price: '62000.1', size: '0.5' } as const;
const untimed = <R>(run: () => R): R => run();

/** The body of `trade` encoded as the first record (its length prefix dropped: bodies here are under 128 bytes). */
function body(): Buffer {
  return Buffer.from(new BinaryRecordEncoder().encode(trade)).subarray(1);
}

function problem(bytes: Buffer): string {
  try {
    new BinaryRecordDecoder().decode(bytes, 0, bytes.length);
  } catch (error) {
    if (error instanceof BinaryRecordProblem) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('BinaryRecordDecoder on hostile input', () => {
  it('only ever refuses with E_REPLAY_FORMAT, and what it accepts re-encodes to the input or a prefix before a cut record', () => {
    fc.assert(
      fc.property(binaryFuzzInput, (input) => {
        expect(checkBinary(input, untimed)).toBe('ok');
      }),
      { numRuns: 1500, seed: 21 },
    );
  });

  it('refuses each rule broken, with its message', () => {
    const good = body();
    expect(problem(good)).toBe('accepted');
    const at = (i: number, value: number): Buffer => {
      const copy = Buffer.from(good);
      copy[i] = value;
      return copy;
    };
    expect(problem(at(0, 0x07))).toBe('flags byte 0x7: no such record type');
    expect(problem(at(0, good[0]! | 0x80))).toMatch(/no such record type/);
    expect(problem(at(0, good[0]! | 0x20))).toBe('the is_snapshot flag on a record that is no book_update');
    expect(problem(at(0, good[0]! & ~0x40))).toBe('symbol index 0 is not declared (0 so far)');
    expect(problem(at(2, 100))).toMatch(/^a field runs past the record's end/);
    expect(problem(at(3, 0x20))).toBe('"symbol" must be 1-64 characters of letters, digits and . _ : / -');
    expect(problem(good.subarray(0, good.length - 1))).toMatch(/^a field runs past the record's end/);
    expect(problem(Buffer.concat([good, Buffer.from([0])]))).toBe("1 bytes after the record's last field");
    // a packed decimal of 16 digits, a text decimal short enough to pack, an overlong varint
    // price "62000.1" is (1, 620001): code byte and a 3-byte varint; size "0.5" is (1, 5): 2 bytes
    const priceAt = good.length - 6;
    expect(good.subarray(priceAt)).toEqual(Buffer.from([0x01, 0xe1, 0xeb, 0x25, 0x01, 0x05]));
    const size = [0x01, 0x05];
    expect(problem(Buffer.concat([good.subarray(0, priceAt), Buffer.from([0x01, 0x80, 0x80, 0x9a, 0xa6, 0xea, 0xaf, 0xe3, 0x01, ...size])]))).toBe('a packed decimal of 16 digits: more than 15 are stored as text');
    expect(problem(Buffer.concat([good.subarray(0, priceAt), Buffer.from([0xfe, 0x01, 0x31, ...size])]))).toBe('"price" 1 stored as text: a decimal of at most 15 digits is packed');
    expect(problem(Buffer.concat([good.subarray(0, priceAt), Buffer.from([0x00, 0x81, 0x00, ...size])]))).toBe('a number in an overlong form (a last byte of 0)');
    expect(problem(Buffer.concat([good.subarray(0, priceAt), Buffer.from([0xff, ...size])]))).toBe('"price" must be a plain unsigned decimal string of at most 64 characters: decimal code 0xff');
    expect(problem(Buffer.concat([good.subarray(0, priceAt), Buffer.from([0x11, 0x01, ...size])]))).toBe('"price" must be a plain unsigned decimal string of at most 64 characters: decimal code 0x11');
  });
});
