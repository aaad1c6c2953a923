// The wallet a Hyperliquid dry run signs with: the configured private key (the pair's secret), or a public placeholder key derived from the placeholder secret.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { VenueCredentials } from '../../ports/secret-provider.js';
import { HyperliquidWallet } from './hyperliquid-wallet.js';

/**
 * Environment variables of the key pair: the account address (the master account an API wallet trades for, shown masked)
 * and the private key that signs (an API wallet's or the account's own).
 */
export const HYPERLIQUID_CREDENTIAL_NAMES = { apiKey: 'HYPERLIQUID_ACCOUNT_ADDRESS', apiSecret: 'HYPERLIQUID_PRIVATE_KEY' } as const;

/**
 * The signing wallet of `credentials`. The placeholder pair's secret is text, not a key: its keccak-256 is used as the
 * key instead — public, so signatures made with it are reproducible and worthless, as the placeholder's are meant to be.
 */
export function hyperliquidWalletOf(credentials: VenueCredentials): HyperliquidWallet {
  if (credentials.source === 'placeholder') return HyperliquidWallet.fromPrivateKeyHex(bytesToHex(keccak_256(new TextEncoder().encode(credentials.apiSecret))));
  return HyperliquidWallet.fromPrivateKeyHex(credentials.apiSecret);
}
