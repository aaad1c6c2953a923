// The L1 action hash ("connectionId"): keccak-256 of msgpack(action) ‖ nonce ‖ vault flag [‖ expiresAfter], as the official SDK builds it.
//
// hyperliquid-python-sdk hyperliquid/utils/signing.py `action_hash` (v0.23.0, commit 7ee976d):
//   data = msgpack.packb(action) + nonce.to_bytes(8, "big")
//   + (b"\x00" if vault_address is None else b"\x01" + 20 address bytes)
//   + (b"\x00" + expires_after.to_bytes(8, "big") if expires_after is not None)
//   return keccak(data)
import { keccak_256 } from '@noble/hashes/sha3.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { type ActionValue, packAction } from './hyperliquid-msgpack.js';
import { addressBytes } from './hyperliquid-address.js';

/** What besides the action goes into the hash. */
export interface ActionHashInput {
  /** The request's `nonce`, ms (recommended: the current time); an unsigned 64-bit integer. */
  readonly nonce: number | bigint;
  /** The vault or subaccount traded for (`vaultAddress`), 0x + 40 hex; null when trading for the signer's own account. */
  readonly vaultAddress: string | null;
  /** The request's `expiresAfter`, ms since the epoch; null when the request has none. */
  readonly expiresAfter: number | bigint | null;
}

const UINT64_MAX = (1n << 64n) - 1n;

function uint64BigEndian(value: number | bigint, what: string): Uint8Array {
  const big = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : -1n;
  if (big < 0n || big > UINT64_MAX) throw new ShadowExecError('E_USAGE', `${what} must be an unsigned 64-bit integer, got ${String(value)}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, big, false);
  return out;
}

/** The bytes the SDK hashes, for tests and for explaining a signature. */
export function actionHashPreimage(action: ActionValue, input: ActionHashInput): Uint8Array {
  const packed = packAction(action);
  const nonce = uint64BigEndian(input.nonce, 'nonce');
  const vault = input.vaultAddress === null ? new Uint8Array([0]) : Uint8Array.of(1, ...addressBytes(input.vaultAddress, 'vaultAddress'));
  const expires = input.expiresAfter === null ? new Uint8Array(0) : Uint8Array.of(0, ...uint64BigEndian(input.expiresAfter, 'expiresAfter'));
  const out = new Uint8Array(packed.length + nonce.length + vault.length + expires.length);
  out.set(packed, 0);
  out.set(nonce, packed.length);
  out.set(vault, packed.length + nonce.length);
  out.set(expires, packed.length + nonce.length + vault.length);
  return out;
}

/** keccak-256 of the preimage: the phantom agent's `connectionId` (32 bytes). */
export function actionHash(action: ActionValue, input: ActionHashInput): Uint8Array {
  return keccak_256(actionHashPreimage(action, input));
}
