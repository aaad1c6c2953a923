// Bybit's `sign` signer: HMAC-SHA256 of timestamp + key + recv window + payload (a GET's query, a POST's JSON body), the X-BAPI-* headers.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { VenueSigner } from '../venue-module.js';
import { BYBIT_DEFAULT_RECV_WINDOW_MS, signBybitRest } from './bybit-signing.js';

function wholeMs(flag: string, raw: string, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${flag} '${raw}' is not allowed: expected whole milliseconds from 0 to ${max}`);
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n > max) throw new UsageError(`${flag} '${raw}' is not allowed: expected whole milliseconds from 0 to ${max}`);
  return n;
}

/** The `sign` default of --recv-window (Bybit's X-BAPI-RECV-WINDOW). */
export const BYBIT_SIGN_RECV_WINDOW_DEFAULT = String(BYBIT_DEFAULT_RECV_WINDOW_MS);

export const bybitSigner: VenueSigner = {
  keyKind: 'hmac-secret',
  summary: 'Bybit V5 (X-BAPI-*)',
  help: {
    flags: {
      method: 'bybit: GET (signs --query) or POST (signs --body)',
      path: 'e.g. /v5/order/create; printed, not signed: Bybit signs only timestamp, key, recv window and payload',
      body: 'bybit POST: the JSON body exactly as sent',
      query: "bybit GET: the query string exactly as sent, without the leading '?'",
      timestamp: 'bybit: X-BAPI-TIMESTAMP, UTC ms (default: now)',
      recvWindow: 'bybit: X-BAPI-RECV-WINDOW, ms',
    },
    examples: [
      `$ shadow-exec sign --placeholder --path /v5/order/create --body '{"category":"linear"}' --timestamp 1735689600000`,
      `$ BYBIT_API_KEY=… BYBIT_API_SECRET=… shadow-exec sign --path /v5/order/create \\
      --body '{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"90000"}' \\
      --timestamp 1735689600000`,
    ],
  },
  prepare(flags, nowMs) {
    const method = flags.method.trim().toUpperCase();
    if (method !== 'GET' && method !== 'POST') throw new UsageError(`--method '${flags.method}' is not allowed: expected GET or POST`);
    if (method === 'POST' && flags.query !== undefined) throw new UsageError('--query is for GET; a POST signs its --body');
    if (method === 'GET' && flags.body !== undefined) throw new UsageError('--body is for POST; a GET signs its --query');
    if (method === 'POST' && flags.body === undefined) throw new UsageError('POST needs --body: the JSON body exactly as it will be sent');
    const timestampMs = flags.timestamp === undefined ? nowMs : wholeMs('--timestamp', flags.timestamp, Number.MAX_SAFE_INTEGER);
    const recvWindowMs = wholeMs('--recv-window', flags.recvWindow, 60_000);
    const payload = method === 'GET' ? (flags.query ?? '') : flags.body!;
    return {
      sign(credentials, mask) {
        const signed = signBybitRest({
          method,
          apiKey: credentials.apiKey,
          apiSecret: credentials.apiSecret,
          timestampMs,
          recvWindowMs,
          ...(method === 'GET' ? { queryString: payload } : { jsonBody: payload }),
        });
        const masked = mask(credentials.apiKey);
        return {
          exchange: 'bybit',
          method,
          path: flags.path ?? null,
          timestamp: String(timestampMs),
          recv_window: String(recvWindowMs),
          payload,
          string_to_sign_masked: `${timestampMs}${masked}${recvWindowMs}${payload}`,
          signature: signed.signature,
          headers: { ...signed.headers, 'X-BAPI-API-KEY': masked },
          credentials: { source: credentials.source, api_env: credentials.apiEnv, api_key: masked },
        };
      },
    };
  },
};
