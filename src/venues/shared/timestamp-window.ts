// The signed-request timing rule both venues document: a request is processed only if its timestamp lies in [server - recvWindow, server + 1000).

/**
 * Binance (rest-api.md "Timing security": `timestamp < (serverTime + 1 second) && (serverTime - timestamp) <= recvWindow`)
 * and Bybit (docs/v5/guide.mdx: `server_time - recv_window <= timestamp < server_time + 1000`) state the same window.
 */
export const TIMESTAMP_AHEAD_LIMIT_MS = 1000;

/** Which side of the window a request's timestamp falls on, or null when the venue processes it. */
export type TimestampBreach = 'ahead' | 'behind' | null;

export function timestampBreach(timestampMs: number, serverMs: number, recvWindowMs: number): TimestampBreach {
  if (timestampMs >= serverMs + TIMESTAMP_AHEAD_LIMIT_MS) return 'ahead';
  if (serverMs - timestampMs > recvWindowMs) return 'behind';
  return null;
}

/** Our detail for a refused timestamp: how far off it was and the window it missed. */
export function timestampBreachDetail(timestampMs: number, serverMs: number, recvWindowMs: number): string {
  const offset = timestampMs - serverMs;
  const where = offset >= 0 ? `${offset} ms ahead of` : `${-offset} ms behind`;
  return `timestamp ${where} the server time; accepted: server time - ${recvWindowMs} ms (recvWindow) <= timestamp < server time + ${TIMESTAMP_AHEAD_LIMIT_MS} ms`;
}
