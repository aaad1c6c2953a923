// Hyperliquid request signing: L1 actions through the EIP-712 "Agent" phantom agent, user-signed actions through HyperliquidTransaction:* types.
//
// Source: hyperliquid-python-sdk hyperliquid/utils/signing.py (v0.23.0, commit 7ee976d): `sign_l1_action`,
// `construct_phantom_agent`, `l1_payload`, `sign_user_signed_action`, `user_signed_payload`; the docs point to the SDK
// for signing ("See the Python SDK for code to generate signatures", hyperliquid.gitbook.io/hyperliquid-docs/
// for-developers/api/exchange-endpoint; …/for-developers/api/signing).
import { type ActionValue } from './hyperliquid-msgpack.js';
import { actionHash, type ActionHashInput } from './hyperliquid-action-hash.js';
import { type Eip712Domain, type Eip712Field, type Eip712Value, typedDataDigest } from './hyperliquid-eip712.js';
import type { HyperliquidSignature, HyperliquidWallet } from './hyperliquid-wallet.js';

/** Which network an action is signed for: the phantom agent's `source` ("a" mainnet, "b" testnet). */
export type HyperliquidNetwork = 'mainnet' | 'testnet';

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** `l1_payload`'s domain: {name "Exchange", version "1", chainId 1337, verifyingContract 0x0…0}. */
export const L1_DOMAIN: Eip712Domain = { name: 'Exchange', version: '1', chainId: 1337, verifyingContract: ZERO_ADDRESS };

/** `Agent(string source,bytes32 connectionId)`. */
export const AGENT_FIELDS: readonly Eip712Field[] = [
  { name: 'source', type: 'string' },
  { name: 'connectionId', type: 'bytes32' },
];

/** `construct_phantom_agent`: source "a" on mainnet, "b" on testnet; connectionId = the action hash. */
export function phantomAgent(connectionId: Uint8Array, network: HyperliquidNetwork): { source: 'a' | 'b'; connectionId: Uint8Array } {
  return { source: network === 'mainnet' ? 'a' : 'b', connectionId };
}

/** The digest a wallet signs for an L1 action whose hash is `connectionId`. */
export function l1Digest(connectionId: Uint8Array, network: HyperliquidNetwork): Uint8Array {
  return typedDataDigest(L1_DOMAIN, 'Agent', AGENT_FIELDS, phantomAgent(connectionId, network));
}

/** `sign_l1_action(wallet, action, vault, nonce, expires_after, is_mainnet)`. */
export function signL1Action(wallet: HyperliquidWallet, action: ActionValue, input: ActionHashInput, network: HyperliquidNetwork): HyperliquidSignature {
  return wallet.signDigest(l1Digest(actionHash(action, input), network));
}

/**
 * `sign_user_signed_action`: the action's own fields signed as typed data `primaryType` in domain
 * {name "HyperliquidSignTransaction", version "1", chainId = signatureChainId, verifyingContract 0x0…0}. The SDK sets
 * signatureChainId "0x66eee" (421614) and hyperliquidChain "Mainnet"/"Testnet" on the action first; so must the caller.
 */
export function signUserSignedAction(
  wallet: HyperliquidWallet,
  primaryType: string,
  fields: readonly Eip712Field[],
  message: Readonly<Record<string, Eip712Value>>,
  signatureChainId: number | bigint,
): HyperliquidSignature {
  const domain: Eip712Domain = { name: 'HyperliquidSignTransaction', version: '1', chainId: signatureChainId, verifyingContract: ZERO_ADDRESS };
  return wallet.signDigest(typedDataDigest(domain, primaryType, fields, message));
}
