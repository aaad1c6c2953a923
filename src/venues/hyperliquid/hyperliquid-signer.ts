// Hyperliquid's `sign` signer: an L1 action (--body, JSON, key order kept) signed for --timestamp as its nonce, printed as the /exchange body.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { VenueSigner } from '../venue-module.js';
import { actionHash } from './hyperliquid-action-hash.js';
import { hyperliquidWalletOf } from './hyperliquid-credentials.js';
import type { ActionValue } from './hyperliquid-msgpack.js';
import { signL1Action } from './hyperliquid-signing.js';
import { maskAddress } from './hyperliquid-wallet.js';

/** The action as typed: a JSON object with a string `type`; integers beyond 2^53 are refused (JSON.parse would round them). */
function parseAction(text: string): ActionValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError('--body must be the action as JSON, e.g. {"type":"scheduleCancel","time":1735689605000}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new UsageError('--body must be a JSON object with a string "type" (an exchange action)');
  }
  return parsed as ActionValue;
}

function nonceOf(raw: string | undefined, nowMs: number): number {
  if (raw === undefined) return nowMs;
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw.trim()))) throw new UsageError(`--timestamp '${raw}' is not allowed: expected the nonce in whole milliseconds`);
  return Number(raw.trim());
}

export const hyperliquidSigner: VenueSigner = {
  keyKind: 'wallet-private-key',
  summary: 'Hyperliquid L1 action (EIP-712 phantom agent, secp256k1)',
  help: {
    flags: {
      method: 'hyperliquid: POST only (every action goes to POST /exchange)',
      path: 'hyperliquid: /exchange (printed, not signed)',
      body: 'hyperliquid: the action as JSON, key order as it will be sent (msgpack of it is signed)',
      timestamp: 'hyperliquid: the nonce, ms (default: now)',
    },
    examples: [`$ shadow-exec sign --exchange hyperliquid --placeholder --body '{"type":"scheduleCancel","time":1735689605000}' --timestamp 1735689600000`],
  },
  prepare(flags, nowMs, refuse) {
    if (flags.given('method') && flags.method.trim().toUpperCase() !== 'POST') throw new UsageError(`--method '${flags.method}' is not allowed: Hyperliquid actions are POST /exchange`);
    if (flags.query !== undefined) throw refuse('--query', 'Hyperliquid signs its action (--body), not a query string');
    if (flags.given('recvWindow')) throw refuse('--recv-window', 'Hyperliquid has no receive window: the nonce must lie within (T - 2 days, T + 1 day)');
    if (flags.body === undefined) throw new UsageError('hyperliquid needs --body: the action as JSON, e.g. {"type":"scheduleCancel"}');
    const action = parseAction(flags.body);
    const nonce = nonceOf(flags.timestamp, nowMs);
    return {
      sign(credentials, mask): JsonValue {
        const wallet = hyperliquidWalletOf(credentials);
        const connectionId = actionHash(action, { nonce, vaultAddress: null, expiresAfter: null });
        const signature = signL1Action(wallet, action, { nonce, vaultAddress: null, expiresAfter: null }, 'mainnet');
        return {
          exchange: 'hyperliquid',
          method: 'POST',
          path: flags.path ?? '/exchange',
          network: 'mainnet (phantom agent source "a")',
          connection_id: `0x${Buffer.from(connectionId).toString('hex')}`,
          signer: maskAddress(wallet.address),
          body: { action: action as JsonValue, nonce, signature: { ...signature } },
          // The report prints keys sorted; the hash covers them in the order sent, which this exact text keeps.
          body_text: JSON.stringify({ action, nonce, signature }),
          credentials: { source: credentials.source, api_env: credentials.apiEnv, api_key: mask(credentials.apiKey) },
        };
      },
    };
  },
};
