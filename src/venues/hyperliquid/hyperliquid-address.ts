// Ethereum addresses as Hyperliquid uses them: 0x + 40 hex in, EIP-55 checksummed text out, from a secp256k1 public key.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { untrustedText } from '../../core/text/untrusted-text.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The 20 bytes of a 0x-prefixed 40-hex address (any case; the checksum is not enforced, as the SDKs do not). */
export function addressBytes(address: string, what: string): Uint8Array {
  if (typeof address !== 'string' || !ADDRESS.test(address)) {
    throw new ShadowExecError('E_USAGE', `${what} must be 0x followed by 40 hex digits, got '${untrustedText(address)}'`);
  }
  return hexToBytes(address.slice(2));
}

/** EIP-55 mixed-case checksum of 20 address bytes (eips.ethereum.org/EIPS/eip-55): a hex digit is upper case when its keccak nibble ≥ 8. */
export function checksumAddress(bytes: Uint8Array): string {
  const lower = bytesToHex(bytes);
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] as string;
    out += parseInt(hash[i] as string, 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/** The address of an uncompressed secp256k1 public key (65 bytes, 0x04 ‖ x ‖ y): the last 20 bytes of keccak-256(x ‖ y). */
export function addressOfPublicKey(uncompressed: Uint8Array): string {
  if (uncompressed.length !== 65 || uncompressed[0] !== 4) throw new ShadowExecError('E_INVARIANT', 'invariant violated: public key must be 65 bytes, uncompressed');
  return checksumAddress(keccak_256(uncompressed.subarray(1)).subarray(12));
}
