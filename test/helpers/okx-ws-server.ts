// A loopback OKX v5 public WebSocket server (127.0.0.1, ephemeral port): answers "ping" with "pong" and each subscribe arg with OKX's subscribe event, then hands the arg to the test.
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** One channel of a subscribe request, as OKX's docs name it. */
export interface OkxArg {
  readonly channel: string;
  readonly instId: string;
}

export interface OkxWsServer {
  /** ws://127.0.0.1:<port>/ws/v5 */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the server; `onSubscribe` runs after the subscribe event for each arg (push the channel's frames there). */
export async function startOkxWsServer(onSubscribe: (socket: WebSocket, arg: OkxArg, request: IncomingMessage) => void): Promise<OkxWsServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  server.on('connection', (socket, request) => {
    socket.on('message', (raw) => {
      const text = String(raw);
      if (text === 'ping') return void socket.send('pong');
      const message = JSON.parse(text) as { op: string; args: OkxArg[] };
      if (message.op !== 'subscribe') return;
      for (const arg of message.args) {
        socket.send(JSON.stringify({ event: 'subscribe', arg, connId: 'c1' }));
        onSubscribe(socket, arg, request);
      }
    });
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws/v5`,
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
