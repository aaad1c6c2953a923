// The body POSTed to /exchange for one signed action: {action, nonce, signature, vaultAddress?, expiresAfter?}, keys in that order.
//
// hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/exchange-endpoint (Request Body: action*, nonce*,
// signature*, vaultAddress, expiresAfter) and python SDK hyperliquid/exchange.py `_post_action` (same order). The python
// SDK writes absent optional fields as null; the body here leaves them out, as the docs mark them optional.
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { ActionValue } from './hyperliquid-msgpack.js';
import type { HyperliquidAction } from './hyperliquid-actions.js';
import { type HyperliquidNetwork, signL1Action } from './hyperliquid-signing.js';
import type { HyperliquidSignature, HyperliquidWallet } from './hyperliquid-wallet.js';

export interface HyperliquidSignedBody {
  readonly action: HyperliquidAction;
  readonly nonce: number;
  readonly signature: HyperliquidSignature;
  readonly vaultAddress?: string;
  readonly expiresAfter?: number;
}

export interface SignedBodyOptions {
  /** ms; unique and increasing per signer (the venue keeps each signer's 100 highest nonces). */
  readonly nonce: number;
  readonly network: HyperliquidNetwork;
  readonly vaultAddress?: string | null;
  readonly expiresAfter?: number | null;
}

/** Signs `action` and returns the body the endpoint receives. */
export function signedBody(wallet: HyperliquidWallet, action: HyperliquidAction, options: SignedBodyOptions): HyperliquidSignedBody {
  const vaultAddress = options.vaultAddress ?? null;
  const expiresAfter = options.expiresAfter ?? null;
  const signature = signL1Action(wallet, action as unknown as ActionValue, { nonce: options.nonce, vaultAddress, expiresAfter }, options.network);
  const body: { -readonly [K in keyof HyperliquidSignedBody]: HyperliquidSignedBody[K] } = { action, nonce: options.nonce, signature };
  if (vaultAddress !== null) body.vaultAddress = vaultAddress;
  if (expiresAfter !== null) body.expiresAfter = expiresAfter;
  return body;
}

/** The body's JSON text exactly as sent (key order kept; no whitespace). */
export function signedBodyText(body: HyperliquidSignedBody): string {
  return JSON.stringify(body as unknown as JsonValue);
}
