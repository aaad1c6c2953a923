// Socket factory: how the adapter opens a WebSocket (default: a ws client socket; tests may wrap or replace it).
import WebSocket from 'ws';

export type WsSocketFactory = (url: string) => WebSocket;

/**
 * Largest incoming message accepted, bytes (4 MiB; ws's own default is 100 MiB). The largest frames the
 * venues send are far smaller: a Bybit orderbook snapshot of the deepest book (orderbook.mdx lists depths up to
 * 200, later revisions 1000) holds at most 2 × 1000 levels of ~25 bytes (~50 KB), a Binance diff depth
 * @100ms of a busy symbol some 100 KB, an all-market array stream (!ticker@arr, ~2,000 symbols × ~500
 * bytes) about 1 MB. A longer message makes ws close the socket with 1009 (message too big): the
 * connection reconnects like after any drop, and memory stays bounded.
 */
export const MAX_WS_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * A plain ws client socket; ws answers server ping frames with a pong echoing the payload (autoPong),
 * refuses messages over MAX_WS_MESSAGE_BYTES and follows no HTTP redirect of the upgrade (its default).
 */
export const defaultWsSocketFactory: WsSocketFactory = (url) => new WebSocket(url, { autoPong: true, maxPayload: MAX_WS_MESSAGE_BYTES, followRedirects: false });
