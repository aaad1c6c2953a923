// Covers locateZipMember through openChunkReader: the one CSV member of a zip archive found from its central directory and inflated a chunk at a time; archives it cannot read are refused with E_IMPORT_FORMAT.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openChunkReader } from '../../../src/feeds/import/chunk-reader.js';
import { thrown } from '../../helpers/thrown.js';

const FIX = new URL('../../fixtures/import/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'zip-member-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(path: string): { label: string; text: string } {
  const reader = openChunkReader(path);
  let out = '';
  for (let chunk = reader.next(); chunk !== null; chunk = reader.next()) out += chunk.toString('utf8');
  reader.close();
  return { label: reader.label, text: out };
}

describe('locateZipMember', () => {
  it("inflates the archive's one CSV (deflate) to its exact text, labelled archive:member", () => {
    const path = new URL('BTCUSDT-bookTicker-2024-03-01.zip', FIX).pathname;
    const { label, text: csv } = text(path);
    expect(label).toBe(`${path}:BTCUSDT-bookTicker-2024-03-01.csv`);
    expect(csv.split('\n')[0]).toBe('update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time');
    expect(csv.split('\n')).toHaveLength(202);
  });

  it('refuses a file that is not a zip, and one cut short', () => {
    const notZip = join(dir, 'a.zip');
    writeFileSync(notZip, 'just text');
    expect(thrown(() => openChunkReader(notZip))).toMatchObject({ code: 'E_IMPORT_FORMAT', message: `import file '${notZip}': not a zip archive (no end of central directory record)` });
    const whole = readFileSync(new URL('BTCUSDT-aggTrades-2025-01-02.zip', FIX));
    const cut = join(dir, 'cut.zip');
    // keep the end record but drop bytes before it: the central directory offset points past the data left
    writeFileSync(cut, Buffer.concat([whole.subarray(0, 100), whole.subarray(whole.length - 22)]));
    expect(thrown(() => openChunkReader(cut))).toMatchObject({ code: 'E_IMPORT_FORMAT', message: `import file '${cut}': central directory out of the file: truncated archive?` });
  });
});
