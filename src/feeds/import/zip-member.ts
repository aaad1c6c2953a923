// locateZipMember: where the one CSV member of a .zip archive (Binance public data: one CSV per archive) lies, from the archive's central directory; chunk-reader.ts reads and inflates it.
//
// Layout (PKWARE APPNOTE.TXT 6.3.10, sections 4.3.6 ff.): the end-of-central-directory record (signature
// 0x06054b50, 22 bytes + comment) gives the central directory's offset and entry count; each central entry
// (0x02014b50) names a member with its compression method, compressed size and local header offset; the local
// header (0x04034b50, 30 bytes + name + extra) precedes the member's data. Methods: 0 (stored) and 8 (deflate,
// node:zlib raw inflate, sync-inflater.ts). ZIP64 archives (sizes or offsets of 0xFFFFFFFF) and encrypted members are refused with a
// message; daily and monthly Binance archives are neither. Why not a library: the member is read a chunk at a time in
// constant memory with zlib, which is all this needs, in under 100 lines; the well-kept zip readers (yauzl) do the
// same on top of their own fd layer and would add a dependency for no gain here.
import { fstatSync, readSync } from 'node:fs';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

/** Where the CSV member's data lies in the archive, and how it is stored. */
export interface ZipMember {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: 0 | 8;
  /** Byte offset of the member's (compressed) data in the archive. */
  readonly dataStart: number;
  readonly compressedSize: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function zipError(path: string, what: string): ShadowExecError {
  return new ShadowExecError('E_IMPORT_FORMAT', `import file '${path}': ${what}`);
}

/** The CSV member of the open archive `fd` (the only member, or the only one named *.csv). Errors: E_IMPORT_FORMAT (not a usable zip). */
export function locateZipMember(fd: number, path: string): ZipMember {
  const size = fstatSync(fd).size;
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  readSync(fd, tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipError(path, 'not a zip archive (no end of central directory record)');
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) throw zipError(path, 'a ZIP64 archive: not supported (unzip it and import the CSV)');
  if (dirOffset + dirSize > size) throw zipError(path, 'central directory out of the file: truncated archive?');
  const dir = Buffer.alloc(dirSize);
  readSync(fd, dir, 0, dirSize, dirOffset);
  const found: { name: string; method: number; flags: number; compressedSize: number; localOffset: number }[] = [];
  for (let at = 0, i = 0; i < entries; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw zipError(path, `central directory entry ${i + 1} is damaged`);
    const nameLength = dir.readUInt16LE(at + 28);
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
    if (!name.endsWith('/')) found.push({ name, flags: dir.readUInt16LE(at + 8), method: dir.readUInt16LE(at + 10), compressedSize: dir.readUInt32LE(at + 20), localOffset: dir.readUInt32LE(at + 42) });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  const csv = found.length === 1 ? found : found.filter((f) => /\.csv$/i.test(f.name));
  if (csv.length !== 1) throw zipError(path, `holds ${found.length} files${csv.length > 1 ? ` (${csv.length} CSVs)` : ''}: expected one CSV`);
  const entry = csv[0]!;
  if ((entry.flags & 1) !== 0) throw zipError(path, `member '${entry.name}' is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw zipError(path, `member '${entry.name}' uses compression method ${entry.method}: only stored (0) and deflate (8) are read`);
  if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw zipError(path, 'a ZIP64 archive: not supported (unzip it and import the CSV)');
  const local = Buffer.alloc(30);
  readSync(fd, local, 0, 30, entry.localOffset);
  if (local.readUInt32LE(0) !== LOCAL) throw zipError(path, `member '${entry.name}' has no local header at its offset`);
  const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataStart + entry.compressedSize > size) throw zipError(path, `member '${entry.name}' runs past the end of the file: truncated archive?`);
  return { name: entry.name, method: entry.method as 0 | 8, dataStart, compressedSize: entry.compressedSize };
}
