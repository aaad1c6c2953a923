// HyperliquidWallet: a secp256k1 private key held for dry-run signing; shows only its checksummed address, never the key.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { inspect } from 'node:util';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { addressOfPublicKey } from './hyperliquid-address.js';

/** An ECDSA signature as the exchange endpoint takes it: r and s 0x + 64 hex (zero-padded), v 27 or 28. */
export interface HyperliquidSignature {
  readonly r: string;
  readonly s: string;
  readonly v: 27 | 28;
}

const PRIVATE_KEY = /^(0x)?[0-9a-fA-F]{64}$/;

/** The address with its middle masked ("0x14dC…9F3a"): enough to recognise the account in a journal, not to copy it. */
export function maskAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export class HyperliquidWallet {
  /** The EIP-55 checksummed address of the key: the account (or API wallet) that signs. */
  readonly address: string;
  readonly #secretKey: Uint8Array;

  private constructor(secretKey: Uint8Array) {
    this.#secretKey = secretKey;
    this.address = addressOfPublicKey(secp256k1.getPublicKey(secretKey, false));
  }

  /**
   * The wallet of a 32-byte private key written as 64 hex digits, with or without 0x. Throws ShadowExecError E_SECRETS
   * without echoing the text (it may be a real key with a typo).
   */
  static fromPrivateKeyHex(hex: string): HyperliquidWallet {
    if (typeof hex !== 'string' || !PRIVATE_KEY.test(hex.trim())) {
      throw new ShadowExecError('E_SECRETS', 'the Hyperliquid private key must be 64 hex digits (optionally 0x-prefixed)');
    }
    const text = hex.trim();
    const key = hexToBytes(text.startsWith('0x') ? text.slice(2) : text);
    if (!secp256k1.utils.isValidSecretKey(key)) throw new ShadowExecError('E_SECRETS', 'the Hyperliquid private key is not a valid secp256k1 key (zero or ≥ the curve order)');
    return new HyperliquidWallet(key);
  }

  /** Signs a 32-byte digest (no further hashing): deterministic RFC 6979, low-s, as eth_account and alloy sign. */
  signDigest(digest: Uint8Array): HyperliquidSignature {
    if (digest.length !== 32) throw new ShadowExecError('E_INVARIANT', 'invariant violated: a digest to sign must be 32 bytes');
    // 'recovered': recovery byte, then r (32 bytes), then s (32 bytes).
    const sig = secp256k1.sign(digest, this.#secretKey, { prehash: false, format: 'recovered' });
    const recovery = sig[0];
    if (recovery !== 0 && recovery !== 1) throw new ShadowExecError('E_INVARIANT', `invariant violated: recovery id ${String(recovery)}`);
    return { r: `0x${toHex(sig.subarray(1, 33))}`, s: `0x${toHex(sig.subarray(33, 65))}`, v: recovery === 0 ? 27 : 28 };
  }

  /** The masked address: what a report or journal may show. */
  toString(): string {
    return `HyperliquidWallet(${maskAddress(this.address)})`;
  }

  toJSON(): { address: string } {
    return { address: maskAddress(this.address) };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
