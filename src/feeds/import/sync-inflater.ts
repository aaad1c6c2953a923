// SyncInflater: gzip or raw-deflate data inflated synchronously a chunk at a time, with node:zlib's native inflate — what a synchronous reader of .gz and .zip files needs, in constant memory.
//
// node:zlib offers streaming inflate only asynchronously (streams) and synchronous inflate only of a whole buffer
// (gunzipSync), which would hold a whole day of data in memory. Its stream objects keep the native engine in
// `_handle` with the same `writeSync(flush, in, inOff, inLen, out, outOff, outLen)` call and `_writeState`
// ([availOut, availIn] after the call) that zlib's own gunzipSync uses (lib/zlib.js, processChunkSync, Node 12
// through 24); this class drives that engine directly without closing it between chunks. Errors of the engine
// (a damaged stream) arrive through the handle's `onerror` and become E_IMPORT_FORMAT. Concatenated gzip
// members (gzip allows them) are read one after the other, as `gunzip` does. If a Node version lacks these
// internals, opening throws E_IMPORT_FORMAT saying so (tests cover it on the supported versions).
import { constants, createGunzip, createInflateRaw } from 'node:zlib';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

/** Output bytes per inflate call. */
const OUT_BYTES = 1 << 20;

interface ZlibHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number) => void;
}

export class SyncInflater {
  private readonly handle: ZlibHandle;
  private readonly state: Uint32Array;
  private readonly out = Buffer.allocUnsafe(OUT_BYTES);
  private input: Buffer = Buffer.alloc(0);
  private inOff = 0;
  private failure: string | null = null;
  /** True while the last pull filled the whole output buffer: more output may come without more input. */
  private full = false;
  private closed = false;

  constructor(private readonly format: 'gzip' | 'deflate-raw', private readonly label: string) {
    const stream = format === 'gzip' ? createGunzip() : createInflateRaw();
    const internals = stream as unknown as { _handle?: ZlibHandle; _writeState?: Uint32Array };
    if (internals._handle === undefined || typeof internals._handle.writeSync !== 'function' || !(internals._writeState instanceof Uint32Array)) {
      throw new ShadowExecError('E_IMPORT_FORMAT', `import file '${label}': this Node.js version's zlib has no synchronous chunked inflate; decompress the file (gunzip / unzip) and read the CSV`);
    }
    this.handle = internals._handle;
    this.state = internals._writeState;
    this.handle.onerror = (message: string) => {
      this.failure = message;
    };
  }

  /** Whether every byte fed so far was consumed and no more output is pending. */
  get inputDone(): boolean {
    return this.inOff >= this.input.length && !this.full;
  }

  /** The next compressed bytes (after pull() drained the previous ones). */
  feed(input: Buffer): void {
    this.input = input;
    this.inOff = 0;
  }

  /** Inflated bytes from what was fed (a view valid until the next call); empty when it needs more input. */
  pull(): Buffer {
    return this.run(constants.Z_NO_FLUSH);
  }

  /** The end of the compressed data: the last bytes, and an error when the stream was cut short. */
  finish(): Buffer {
    const tail = this.run(constants.Z_FINISH);
    return tail;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handle.close();
  }

  private run(flush: number): Buffer {
    for (let restarts = 0; ; ) {
      const inLen = this.input.length - this.inOff;
      this.handle.writeSync(flush, this.input, this.inOff, inLen, this.out, 0, OUT_BYTES);
      if (this.failure !== null) throw this.damaged(this.failure);
      const availOut = this.state[0]!;
      const availIn = this.state[1]!;
      const produced = OUT_BYTES - availOut;
      this.inOff += inLen - availIn;
      this.full = availOut === 0;
      if (produced > 0) {
        restarts = 0;
        return this.out.subarray(0, produced);
      }
      if (flush === constants.Z_FINISH && availIn === 0) {
        return this.out.subarray(0, 0);
      }
      // No output and input left over: the member ended (gzip allows several members) — start the next one.
      if (availIn > 0 && inLen - availIn === 0) {
        if (this.format !== 'gzip' || ++restarts > 1) throw this.damaged('data after the end of the compressed stream');
        this.handle.reset();
        continue;
      }
      return this.out.subarray(0, 0);
    }
  }

  private damaged(what: string): ShadowExecError {
    return new ShadowExecError('E_IMPORT_FORMAT', `import file '${this.label}': not a valid ${this.format === 'gzip' ? 'gzip' : 'deflate'} stream (${what})`);
  }
}
