// Bybit V5 request signing: REST string-to-sign and X-BAPI-* headers, WebSocket private auth message. Pure functions.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { hmacSha256Hex } from '../shared/hmac-sha256.js';

/**
 * Default `X-BAPI-RECV-WINDOW`, ms: "unit in millisecond and default value is 5,000"
 * (bybit-exchange/docs docs/v5/guide.mdx, "Parameters for Authenticated Endpoints").
 */
export const BYBIT_DEFAULT_RECV_WINDOW_MS = 5000;

/** Operation string the WebSocket auth signs before `expires` (bybit-exchange/docs docs/v5/websocket/wss-authentication.mdx, slug /v5/ws/connect). */
export const BYBIT_WS_AUTH_PREFIX = 'GET/realtime';

export interface BybitRestSignInput {
  readonly method: 'GET' | 'POST';
  readonly apiKey: string;
  readonly apiSecret: string;
  /** UTC ms; sent as `X-BAPI-TIMESTAMP` and signed as its decimal string. */
  readonly timestampMs: number;
  /** ms; default {@link BYBIT_DEFAULT_RECV_WINDOW_MS}. */
  readonly recvWindowMs?: number;
  /** GET only: the exact query string sent, without the leading '?'. */
  readonly queryString?: string;
  /** POST only: the exact JSON body string sent, byte for byte (whitespace included). */
  readonly jsonBody?: string;
}

export interface BybitRestSignature {
  /** timestamp + apiKey + recvWindow + (queryString | jsonBody), bare concatenation. */
  readonly stringToSign: string;
  /** HMAC-SHA256 lowercase hex of stringToSign. */
  readonly signature: string;
  /** The headers Bybit requires, in this insertion order; POST adds Content-Type. */
  readonly headers: Readonly<Record<string, string>>;
}

function requireMsInteger(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ShadowExecError('E_USAGE', `${what} must be a non-negative integer number of milliseconds, got ${String(value)}`);
  }
  return String(value);
}

/**
 * The plain text Bybit signs: `timestamp + api_key + recv_window + (queryString | raw_request_body)`
 * (bybit-exchange/docs docs/v5/guide.mdx, "Create A Request", GET and POST tabs).
 */
export function bybitStringToSign(timestampMs: number, apiKey: string, recvWindowMs: number, payload: string): string {
  return `${requireMsInteger(timestampMs, 'timestamp')}${apiKey}${requireMsInteger(recvWindowMs, 'recvWindow')}${payload}`;
}

/**
 * Signs a V5 REST request. GET signs the query string, POST the JSON body string exactly as sent.
 * Headers: `X-BAPI-API-KEY`, `X-BAPI-TIMESTAMP`, `X-BAPI-SIGN`, `X-BAPI-RECV-WINDOW`, and for POST
 * `Content-Type: application/json` (docs/v5/guide.mdx, "Parameters for Authenticated Endpoints" and the HTTP examples).
 */
export function signBybitRest(input: BybitRestSignInput): BybitRestSignature {
  const recvWindowMs = input.recvWindowMs ?? BYBIT_DEFAULT_RECV_WINDOW_MS;
  let payload: string;
  if (input.method === 'GET') {
    if (input.jsonBody !== undefined) throw new ShadowExecError('E_USAGE', 'a Bybit GET request has no body; pass queryString');
    payload = input.queryString ?? '';
    if (payload.startsWith('?')) throw new ShadowExecError('E_USAGE', "queryString must not start with '?'");
  } else {
    if (input.queryString !== undefined) throw new ShadowExecError('E_USAGE', 'a Bybit POST request signs its JSON body; pass jsonBody');
    payload = input.jsonBody ?? '';
  }
  const stringToSign = bybitStringToSign(input.timestampMs, input.apiKey, recvWindowMs, payload);
  const signature = hmacSha256Hex(input.apiSecret, stringToSign);
  const headers: Record<string, string> = {
    'X-BAPI-API-KEY': input.apiKey,
    'X-BAPI-TIMESTAMP': String(input.timestampMs),
    'X-BAPI-SIGN': signature,
    'X-BAPI-RECV-WINDOW': String(recvWindowMs),
  };
  if (input.method === 'POST') headers['Content-Type'] = 'application/json';
  return { stringToSign, signature, headers };
}

export interface BybitWsAuthMessage {
  readonly req_id?: string;
  readonly op: 'auth';
  /** [apiKey, expires (ms, number), signature]. */
  readonly args: readonly [string, number, string];
}

export interface BybitWsAuth {
  /** `"GET/realtime" + expires`. */
  readonly stringToSign: string;
  readonly signature: string;
  readonly message: BybitWsAuthMessage;
  /** JSON text to send on the private socket. */
  readonly text: string;
}

/**
 * Private WebSocket auth: sign `"GET/realtime" + expires` (expires: ms, later than now) and send
 * `{"op":"auth","args":[apiKey, expires, signature]}`, `req_id` optional
 * (bybit-exchange/docs docs/v5/websocket/wss-authentication.mdx, "Authentication").
 */
export function signBybitWsAuth(input: { apiKey: string; apiSecret: string; expiresMs: number; reqId?: string }): BybitWsAuth {
  const stringToSign = `${BYBIT_WS_AUTH_PREFIX}${requireMsInteger(input.expiresMs, 'expires')}`;
  const signature = hmacSha256Hex(input.apiSecret, stringToSign);
  const args = [input.apiKey, input.expiresMs, signature] as const;
  const message: BybitWsAuthMessage = input.reqId === undefined ? { op: 'auth', args } : { req_id: input.reqId, op: 'auth', args };
  return { stringToSign, signature, message, text: JSON.stringify(message) };
}
