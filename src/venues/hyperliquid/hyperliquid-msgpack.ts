// msgpack of an L1 action exactly as the official SDKs pack it: keys in the order sent, integers as integers (never float64).
//
// The SDKs hash `msgpack.packb(action)` (hyperliquid-python-sdk hyperliquid/utils/signing.py `action_hash`) or
// `rmp_serde::to_vec_named` (hyperliquid-rust-sdk src/exchange/exchange_client.rs `Actions::hash`). Both pack an
// integer in the smallest msgpack int format and a uint ≥ 2³² as uint 64 (0xcf). @msgpack/msgpack 3.x does the same
// for safe integers by default, but (a) it packs any number above 2⁵³ as float64, and (b) with `useBigInt64` it packs
// *every* safe integer ≥ 2³² as float64 — either way the hash changes. So every integer is checked here, an integer
// ≥ 2³² (or < -2³¹) becomes a bigint, and the encoder runs with `useBigInt64` (bigint → uint 64 / int 64). Fractions
// are refused: no documented L1 action hashes a float (prices and sizes travel as strings).
import { Encoder } from '@msgpack/msgpack';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

/** A value of an action as it is hashed: JSON-like, with bigint for integers beyond 2⁵³. */
export type ActionValue = string | number | bigint | boolean | null | Uint8Array | readonly ActionValue[] | { readonly [key: string]: ActionValue };

const UINT32_LIMIT = 0x1_0000_0000;
const INT32_MIN = -0x8000_0000;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);

/** Deepest action accepted: real actions are 4 levels deep; a hostile one must not exhaust the stack. */
const MAX_DEPTH = 32;

const encoder = new Encoder({ useBigInt64: true, sortKeys: false, ignoreUndefined: false });

function fail(path: string, why: string): never {
  throw new ShadowExecError('E_USAGE', `action${path} ${why}`);
}

/** The action with its integers in the form the encoder packs as the SDKs do. Throws ShadowExecError naming the path. */
function normalise(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) fail(path, `nests deeper than ${MAX_DEPTH} levels`);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isInteger(value)) fail(path, `must be an integer (prices and sizes are strings), got ${String(value)}`);
      if (!Number.isSafeInteger(value)) fail(path, `is beyond 2^53 as a number: pass it as a bigint, got ${String(value)}`);
      // 2³² ≤ value: uint 64 as the SDKs write it; below -2³¹: int 64.
      return value >= UINT32_LIMIT || value < INT32_MIN ? BigInt(value) : value;
    case 'bigint':
      if (value > UINT64_MAX || value < INT64_MIN) fail(path, `does not fit in 64 bits, got ${value.toString()}`);
      // Small bigints go back to numbers: the encoder would write every bigint as 8 bytes.
      return value < BigInt(UINT32_LIMIT) && value >= BigInt(INT32_MIN) ? Number(value) : value;
    case 'object': {
      if (value === null) return null;
      // Bytes pack as msgpack bin, as rmp_serde writes a non-human-readable alloy Address (the rust SDK's approveBuilderFee).
      if (value instanceof Uint8Array) return value;
      if (Array.isArray(value)) return value.map((item, i) => normalise(item, `${path}[${i}]`, depth + 1));
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        // Integer-like keys would be reordered by the JS engine, so "key order as sent" could not hold.
        if (/^(0|[1-9]\d*)$/.test(key)) fail(`${path}.${key}`, 'is an integer-like key, whose order an object cannot keep');
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) fail(`${path}.${key}`, 'is undefined (leave the key out instead)');
        out[key] = normalise(item, `${path}.${key}`, depth + 1);
      }
      return out;
    }
    default:
      return fail(path, `must be JSON data, got a ${typeof value}`);
  }
}

/** msgpack bytes of `action`, keys in insertion order. Throws ShadowExecError E_USAGE for values the SDKs never hash. */
export function packAction(action: ActionValue): Uint8Array {
  return encoder.encode(normalise(action, '', 0));
}
