// Covers ScannedBookRecord: packed decimals spell back as the line wrote them, and a scanned record reads as (and its plain form is) the object JSON.parse gives.
import { describe, expect, it } from 'vitest';
import { NormalizedLineScanner } from '../../../src/feeds/replay/normalized-line-scanner.js';
import { packedDecimalText, plainBookRecord, ScannedBookRecord } from '../../../src/feeds/replay/scanned-book-record.js';

describe('packedDecimalText', () => {
  it.each([
    [6_199_930, 2, '61999.30'],
    [0, 3, '0.000'],
    [0, 0, '0'],
    [10, 0, '10'],
    [1, 4, '0.0001'],
    [15, 1, '1.5'],
    [999_999_999_999_999, 15, '0.999999999999999'],
  ])('spells (%i, %i) as %s', (mantissa, fracDigits, text) => {
    expect(packedDecimalText(mantissa, fracDigits)).toBe(text);
  });
});

describe('ScannedBookRecord', () => {
  it('reads as the object JSON.parse gives for its line', () => {
    const line = '{"t":1700000000001,"type":"book_update","symbol":"BTCUSDT","exchange_us":1,"local_us":1700000000001234,"is_snapshot":true,"bids":[["95000.10","1.5"],["0.0001","0"]],"asks":[["95000.2","0.300"]]}';
    const scanned = new NormalizedLineScanner().scanText(line);
    expect(scanned).toBeInstanceOf(ScannedBookRecord);
    const record = scanned as ScannedBookRecord;
    expect(record.bids).toEqual([['95000.10', '1.5'], ['0.0001', '0']]);
    expect(plainBookRecord(record)).toEqual(JSON.parse(line));
    expect(Object.keys(plainBookRecord(record))).toEqual(Object.keys(JSON.parse(line) as object));
  });
});
