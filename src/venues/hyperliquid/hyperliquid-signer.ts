// Hyperliquid's `sign` signer: an L1 action (--action, or --body; JSON, key order kept) signed for --nonce (or --timestamp), printed as the /exchange body.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { VenueSigner } from '../venue-module.js';
import { actionHash } from './hyperliquid-action-hash.js';
import { hyperliquidWalletOf } from './hyperliquid-credentials.js';
import type { ActionValue } from './hyperliquid-msgpack.js';
import { signL1Action } from './hyperliquid-signing.js';
import { maskAddress } from './hyperliquid-wallet.js';

/** The action as typed: a JSON object with a string `type`; integers beyond 2^53 are refused (JSON.parse would round them). */
function parseAction(text: string, flag: string): ActionValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} must be the action as JSON, e.g. {"type":"scheduleCancel","time":1735689605000}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new UsageError(`${flag} must be a JSON object with a string "type" (an exchange action)`);
  }
  return parsed as ActionValue;
}

function nonceOf(raw: string | undefined, flag: string, nowMs: number): number {
  if (raw === undefined) return nowMs;
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw.trim()))) throw new UsageError(`${flag} '${raw}' is not allowed: expected the nonce in whole milliseconds`);
  return Number(raw.trim());
}

/** One of two spellings of a flag (--action or --body; --nonce or --timestamp): both given is an error. */
function oneOf(a: { flag: string; value: string | undefined }, b: { flag: string; value: string | undefined }): { flag: string; value: string | undefined } {
  if (a.value !== undefined && b.value !== undefined) throw new UsageError(`${a.flag} and ${b.flag} are the same input for hyperliquid: give one`);
  return a.value !== undefined ? a : b.value !== undefined ? b : a;
}

export const hyperliquidSigner: VenueSigner = {
  keyKind: 'wallet-private-key',
  summary: 'Hyperliquid L1 action (EIP-712 phantom agent, secp256k1)',
  help: {
    flags: {
      method: 'hyperliquid: POST only (every action goes to POST /exchange)',
      path: 'hyperliquid: /exchange (printed, not signed)',
      body: 'hyperliquid: the action as JSON (as --action)',
      timestamp: 'hyperliquid: the nonce, ms (as --nonce)',
      action: 'hyperliquid: the action as JSON, key order as it will be sent (msgpack of it is signed)',
      nonce: 'hyperliquid: the nonce, ms (default: now)',
    },
    examples: [`$ shadow-exec sign --exchange hyperliquid --placeholder --action '{"type":"scheduleCancel","time":1735689605000}' --nonce 1735689600000`],
  },
  prepare(flags, nowMs, refuse) {
    if (flags.given('method') && flags.method.trim().toUpperCase() !== 'POST') throw new UsageError(`--method '${flags.method}' is not allowed: Hyperliquid actions are POST /exchange`);
    if (flags.query !== undefined) throw refuse('--query', 'Hyperliquid signs its action (--body), not a query string');
    if (flags.given('recvWindow')) throw refuse('--recv-window', 'Hyperliquid has no receive window: the nonce must lie within (T - 2 days, T + 1 day)');
    const actionFlag = oneOf({ flag: '--action', value: flags.action }, { flag: '--body', value: flags.body });
    if (actionFlag.value === undefined) throw new UsageError('hyperliquid needs --action: the action as JSON, e.g. {"type":"scheduleCancel"}');
    const action = parseAction(actionFlag.value, actionFlag.flag);
    const nonceFlag = oneOf({ flag: '--nonce', value: flags.nonce }, { flag: '--timestamp', value: flags.timestamp });
    const nonce = nonceOf(nonceFlag.value, nonceFlag.flag, nowMs);
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
