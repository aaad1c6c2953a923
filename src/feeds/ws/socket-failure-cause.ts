// Why a WebSocket dial or socket failed, in words: DNS, refused, reset, timeout, TLS, or the HTTP status of the upgrade (ws's 'error' before its close 1006).

/** The fields of a Node socket / ws error this reads (all optional: errors come from several layers). */
export interface SocketErrorLike {
  readonly message: string;
  readonly code?: string | undefined;
  readonly hostname?: string | undefined;
}

/** Node's and OpenSSL's certificate verification codes (tls.TLSSocket#authorizationError) that are not prefixed ERR_SSL_/ERR_TLS_. */
const CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
]);

/** "…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…" → "wrong version number". */
function opensslReason(message: string): string | null {
  const match = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return match === null ? null : match[1]!.trim();
}

function isTls(error: SocketErrorLike): boolean {
  const code = error.code ?? '';
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || CERT_CODES.has(code) || /SSL routines|TLS|certificate/i.test(error.message);
}

/**
 * One line naming the cause: "DNS lookup failed for stream.example (ENOTFOUND)", "connection refused by
 * 127.0.0.1:9 (ECONNREFUSED)", "the WebSocket upgrade got HTTP 500 instead of 101",
 * "TLS handshake failed: wrong version number (EPROTO)"; otherwise the error's own message.
 */
export function describeSocketError(error: SocketErrorLike): string {
  const code = error.code;
  const http = /^Unexpected server response: (\d{3})/.exec(error.message);
  if (http !== null) return `the WebSocket upgrade got HTTP ${http[1]} instead of 101`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const host = error.hostname ?? /(?:ENOTFOUND|EAI_AGAIN) (\S+)/.exec(error.message)?.[1] ?? 'the host';
    return `DNS lookup failed for ${host} (${code})`;
  }
  if (code === 'ECONNREFUSED') {
    const target = /ECONNREFUSED (\S+)/.exec(error.message)?.[1];
    return `connection refused${target === undefined ? '' : ` by ${target}`} (ECONNREFUSED)`;
  }
  if (isTls(error)) {
    const reason = opensslReason(error.message) ?? error.message;
    return `TLS handshake failed: ${reason}${code === undefined ? '' : ` (${code})`}`;
  }
  if (code === 'ECONNRESET') return 'connection reset by the peer (ECONNRESET)';
  if (code === 'ETIMEDOUT') return `connection timed out (ETIMEDOUT)`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `network unreachable: ${error.message} (${code})`;
  return code === undefined || error.message.includes(code) ? error.message : `${error.message} (${code})`;
}
