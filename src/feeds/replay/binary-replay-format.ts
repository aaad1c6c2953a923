// Binary replay encoding, version 1 ("SXRB"): the byte layout of a compact normalized replay file — its constants, limits and codes (docs/replay-format.md, "Binary normalized replays").
//
// A binary replay holds exactly what a version 2 `"data":"normalized"` JSONL file holds, in fewer bytes and without
// text to parse: JSONL → binary → JSONL gives the canonical JSONL bytes back (convert). Layout:
//   file    = MAGIC (4 bytes "SXRB") · BINARY_VERSION (1 byte) · varint n · n bytes of the JSONL header line (UTF-8, no "\n") · record*
//   record  = varint L (1 … MAX_BINARY_RECORD_BYTES) · L bytes of body
//   body    = flags (1 byte) · varint symbol index [· if FLAG_NEW_SYMBOL: 1 byte length 1…64 · ASCII symbol]
//             · varint |local_us − previous record's local_us| (sign: FLAG_LOCAL_BACK; the first record's previous is 0)
//             · varint |exchange_us − local_us| (sign: FLAG_EXCHANGE_BEFORE) · the type's fields
//   flags   = bits 0–2 type code (TYPE_CODE), bit 3 FLAG_LOCAL_BACK, bit 4 FLAG_EXCHANGE_BEFORE,
//             bit 5 FLAG_IS_SNAPSHOT (book_update only), bit 6 FLAG_NEW_SYMBOL, bit 7 reserved (0)
//   varint  = unsigned LEB128: 7 bits a byte, low first, high bit set on all bytes but the last; at most 8 bytes,
//             value ≤ 2^53 − 1, no overlong form (a last byte of 0 after others is refused)
//   decimal = 1 code byte: 0…14 fraction digits, varint mantissa follows (< 10^15; integer + fraction digits ≤ 15, so
//             the value is exact in a double): "61999.30" is (2, 6199930); 16…30 the same, negative (16 + fraction
//             digits; signed fields only: funding rates); DECIMAL_TEXT: varint n (1…MAX_DECIMAL_CHARS) and the decimal's
//             n ASCII characters (used only when it does not fit the packed form); DECIMAL_NULL: null (nullable fields only)
//   book_snapshot, book_update: varint bid count · varint ask count (each ≤ MAX_RECORD_LEVELS) · (price decimal, size decimal) per level, bids then asks, best first
//   trade:  1 byte: bits 0–1 side (0 buy, 1 sell, 2 unknown), bit 2 TRADE_NUMERIC_ID, bit 3 TRADE_UTF16_ID · id
//           (numeric: varint, an id of canonical digits ≤ 2^53 − 1; else varint n ≤ 512 and n bytes: UTF-8, or UTF-16LE
//           code units for an id that is not well-formed Unicode (a lone surrogate JSON can carry); at most 128 UTF-16
//           units) · price · size
//   quote:  bid_price · bid_size · ask_price · ask_size (nullable decimals)
//   derivative: mark_price · index_price · last_price (nullable) · funding_rate · predicted_funding_rate (nullable,
//           signed) · funding_time_us (1 byte 0: null, 1: a varint follows) · open_interest (nullable)
// Every record has exactly one encoding (the writer's), so binary → JSONL → binary gives the same bytes. A body's
// fields fill exactly its L bytes. Symbols are declared where first used, so a writer streams in one pass; at most
// MAX_BINARY_SYMBOLS per file. The rules of the text format hold as well (t = floor(local_us / 1000) never
// decreases, the symbol charset, decimal syntax, level counts): the decoder checks them with the same messages.

/** The first bytes of every binary replay: "SXRB". */
export const BINARY_MAGIC = Buffer.from('SXRB', 'latin1');
/** The version byte after the magic. */
export const BINARY_VERSION = 1;
/** Magic and version byte. */
export const BINARY_PREAMBLE_BYTES = BINARY_MAGIC.length + 1;
/** Longest header JSON (the text header line of a normalized file is a few hundred bytes). */
export const MAX_BINARY_HEADER_BYTES = 64 * 1024;
/** Longest record body: the text format's longest line (MAX_LINE_BYTES); a hostile length field allocates no more. */
export const MAX_BINARY_RECORD_BYTES = 64 * 1024 * 1024;
/** Most distinct symbols a file declares. */
export const MAX_BINARY_SYMBOLS = 65_536;
/** Longest symbol (the text format's). */
export const MAX_BINARY_SYMBOL_BYTES = 64;
/** Longest trade id in UTF-16 units (the text format's) and in UTF-8 bytes (4 per unit at worst). */
export const MAX_TRADE_ID_CHARS = 128;
export const MAX_TRADE_ID_BYTES = 512;
/** Most bytes a varint takes (56 bits ≥ 2^53). */
export const MAX_VARINT_BYTES = 8;

/** Type codes (flags bits 0–2). */
export const TYPE_CODE = { book_snapshot: 1, book_update: 2, trade: 3, quote: 4, derivative: 5 } as const;
export const TYPE_MASK = 0x07;
export const FLAG_LOCAL_BACK = 0x08;
export const FLAG_EXCHANGE_BEFORE = 0x10;
export const FLAG_IS_SNAPSHOT = 0x20;
export const FLAG_NEW_SYMBOL = 0x40;
export const FLAG_RESERVED = 0x80;

/** Decimal codes: 0…MAX_PACKED_FRACTION packed, + NEGATIVE_DECIMAL for a negative one, text, null. */
export const MAX_PACKED_FRACTION = 14;
export const NEGATIVE_DECIMAL = 16;
export const DECIMAL_TEXT = 0xfe;
export const DECIMAL_NULL = 0xff;
/** A packed mantissa is below this (15 digits: exact in a double). */
export const PACKED_MANTISSA_LIMIT = 1e15;
/** Most digits (integer and fraction) of a packed decimal. */
export const MAX_PACKED_DECIMAL_DIGITS = 15;

/** Trade byte: side in bits 0–1, numeric id in bit 2, UTF-16 id in bit 3. */
export const TRADE_SIDES = ['buy', 'sell', 'unknown'] as const;
export const TRADE_NUMERIC_ID = 0x04;
export const TRADE_UTF16_ID = 0x08;

/** Whether `bytes` starts with the binary magic (the reader picks the binary decoder by content, not by file name). */
export function hasBinaryMagic(bytes: Uint8Array, length = bytes.length): boolean {
  if (length < BINARY_MAGIC.length) return false;
  for (let i = 0; i < BINARY_MAGIC.length; i++) if (bytes[i] !== BINARY_MAGIC[i]) return false;
  return true;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` has a lone surrogate (is not well-formed Unicode, so UTF-8 cannot carry it): such an id is stored as UTF-16. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
