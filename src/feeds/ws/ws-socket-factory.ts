// Socket factory: how the adapter opens a WebSocket (default: a ws client socket; tests may wrap or replace it).
import WebSocket from 'ws';

export type WsSocketFactory = (url: string) => WebSocket;

/** A plain ws client socket; ws answers server ping frames with a pong echoing the payload (autoPong). */
export const defaultWsSocketFactory: WsSocketFactory = (url) => new WebSocket(url, { autoPong: true });
