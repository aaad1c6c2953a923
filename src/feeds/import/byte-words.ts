// Short byte runs compared and copied 4 bytes at a time through DataViews — the row prefixes and keys of the import's fast paths (a JavaScript loop over single bytes costs ~2-4 ns a byte; a native call ~40-150 ns).

/** A view over all of `buf`'s bytes. */
export function viewOf(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Whether the n bytes of `a` at aStart equal the n bytes of `b` at 0 (both views hold them). */
export function sameWords(a: DataView, aStart: number, b: DataView, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (a.getInt32(aStart + i, true) !== b.getInt32(i, true)) return false;
  for (; i < n; i++) if (a.getUint8(aStart + i) !== b.getUint8(i)) return false;
  return true;
}

/** Copies the n bytes of `from` at `start` to `to` at 0 (to holds at least n + 3 bytes). */
export function copyWords(from: DataView, start: number, to: DataView, n: number): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) to.setInt32(i, from.getInt32(start + i, true), true);
  for (; i < n; i++) to.setUint8(i, from.getUint8(start + i));
}

/** Whether bytes buf[start, end) equal `ref`. */
export function sameBytes(buf: Uint8Array, start: number, end: number, ref: Uint8Array): boolean {
  if (end - start !== ref.length) return false;
  for (let i = 0; i < ref.length; i++) if (buf[start + i] !== ref[i]) return false;
  return true;
}
