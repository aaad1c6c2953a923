// Binance REST signing (spot and USD-M): ordered query strings, the signed payload, signature placement, X-MBX-APIKEY. Pure.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { hmacSha256Hex } from '../shared/hmac-sha256.js';

/** `recvWindow` when not sent, ms (binance/binance-spot-api-docs rest-api.md "Timing security"; USD-M general-info "Timing Security"). */
export const BINANCE_DEFAULT_RECV_WINDOW_MS = 5000;
/**
 * Largest accepted `recvWindow`, ms: "Maximum `recvWindow` is 60000 milliseconds" (spot rest-api.md "Timing security").
 * The stored USD-M general-info page states only the default and recommends <= 5000; it gives no maximum.
 */
export const BINANCE_MAX_RECV_WINDOW_MS = 60000;

/** One request parameter, in the order it is sent: [name, value]. */
export type BinanceParam = readonly [name: string, value: string];

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encodes every character outside RFC 3986 unreserved, as UTF-8 bytes with uppercase hex. */
function encodeComponent(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * `name=value&…` in the given order, names and values percent-encoded (UTF-8) outside [A-Za-z0-9-_.~] —
 * the string that is both sent and signed. ASCII order parameters (symbols, decimals, enums, integers)
 * come out unchanged; `１２３４５６` becomes `%EF%BC%91…%EF%BC%96` as in the docs' non-ASCII example
 * (binance/binance-spot-api-docs rest-api.md, "HMAC Keys", Step 1).
 */
export function binanceQueryString(params: readonly BinanceParam[]): string {
  return params.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&');
}

/**
 * Percent-encodes (UTF-8, uppercase hex) only the non-ASCII characters of `text`; ASCII is left as is,
 * so an already-encoded string is unchanged. "Any non-ASCII character must be percent-encoded before signing."
 */
export function percentEncodeNonAscii(text: string): string {
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 0x80 ? ch : encodeComponent(ch);
  return out;
}

/**
 * The HMAC input: "the query string concatenated without separator to the HTTP body", non-ASCII percent-encoded
 * (rest-api.md "HMAC Keys"; mixed example: `…timeInForce=GTC` + `quantity=1…` has no '&' at the join).
 */
export function binanceSignaturePayload(queryString: string, requestBody: string): string {
  return percentEncodeNonAscii(queryString + requestBody);
}

/**
 * Appends `recvWindow` (when given) then `timestamp` to the ordered params, as the docs' example orders them.
 * recvWindow must be an integer in 1..60000 ms.
 */
export function withBinanceTiming(params: readonly BinanceParam[], timestampMs: number, recvWindowMs?: number): BinanceParam[] {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw new ShadowExecError('E_USAGE', `timestamp must be a non-negative integer number of milliseconds, got ${String(timestampMs)}`);
  }
  const out: BinanceParam[] = [...params];
  if (recvWindowMs !== undefined) {
    if (!Number.isSafeInteger(recvWindowMs) || recvWindowMs <= 0 || recvWindowMs > BINANCE_MAX_RECV_WINDOW_MS) {
      throw new ShadowExecError('E_USAGE', `recvWindow must be an integer from 1 to ${BINANCE_MAX_RECV_WINDOW_MS} ms, got ${String(recvWindowMs)}`);
    }
    out.push(['recvWindow', String(recvWindowMs)]);
  }
  out.push(['timestamp', String(timestampMs)]);
  return out;
}

export interface BinanceSignInput {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The query string as sent, without '?' (may be empty). */
  readonly queryString: string;
  /** The x-www-form-urlencoded body as sent (empty when none). */
  readonly requestBody?: string;
}

export interface BinanceSignedRequest {
  /** HMAC input: percent-encoded query string + body. */
  readonly payload: string;
  /** HMAC-SHA256 lowercase hex (the server treats it case-insensitively). */
  readonly signature: string;
  /** Query string to send, with `signature` appended when there is no body. */
  readonly queryString: string;
  /** Body to send, with `signature` appended when non-empty. */
  readonly requestBody: string;
  /** `X-MBX-APIKEY`, plus the form Content-Type when a body is sent. */
  readonly headers: Readonly<Record<string, string>>;
}

function appendParam(text: string, param: string): string {
  return text === '' ? param : `${text}&${param}`;
}

/**
 * Signs a SIGNED (TRADE/USER_DATA) request. The `signature` parameter goes last: at the end of the body when a
 * body is sent (the docs' mixed example), otherwise at the end of the query string
 * ("Please make sure the `signature` is the end part of your `query string` or `request body`", USD-M general-info).
 * The API key travels in `X-MBX-APIKEY` (rest-api.md "Request Security").
 */
export function signBinanceRequest(input: BinanceSignInput): BinanceSignedRequest {
  const requestBody = input.requestBody ?? '';
  const payload = binanceSignaturePayload(input.queryString, requestBody);
  const signature = hmacSha256Hex(input.apiSecret, payload);
  const signatureParam = `signature=${signature}`;
  const headers: Record<string, string> = { 'X-MBX-APIKEY': input.apiKey };
  if (requestBody !== '') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return {
    payload,
    signature,
    queryString: requestBody === '' ? appendParam(percentEncodeNonAscii(input.queryString), signatureParam) : percentEncodeNonAscii(input.queryString),
    requestBody: requestBody === '' ? '' : appendParam(percentEncodeNonAscii(requestBody), signatureParam),
    headers,
  };
}
