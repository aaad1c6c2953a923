// Loopback WebSocket throughput: frames/s a ws server on 127.0.0.1 pushes to a ws client, bookTicker-sized frames.
import { WebSocket, WebSocketServer } from 'ws';

export interface WsThroughput {
  readonly frames: number;
  readonly bytes: number;
  readonly seconds: number;
}

const FRAME =
  '{"stream":"nknusdt@bookTicker","data":{"u":1448432301,"s":"NKNUSDT","b":"0.35130000","B":"1260.00000000","a":"0.35140000","A":"3395.90000000"}}';

/** Sends `frames` copies of a bookTicker frame over loopback and times their arrival at the client. */
export async function measureWsThroughput(frames: number): Promise<WsThroughput> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as { port: number }).port;
  server.on('connection', (socket) => {
    for (let i = 0; i < frames; i++) socket.send(FRAME);
  });
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  let received = 0;
  let bytes = 0;
  let started = 0n;
  const done = new Promise<bigint>((resolve) => {
    client.on('message', (data: Buffer) => {
      if (received === 0) started = process.hrtime.bigint();
      received++;
      bytes += data.length;
      if (received === frames) resolve(process.hrtime.bigint());
    });
  });
  const ended = await done;
  client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { frames: received, bytes, seconds: Number(ended - started) / 1e9 };
}

export function formatWsThroughput(r: WsThroughput): string {
  return `${'loopback WebSocket (ws, bookTicker frames)'.padEnd(52)} ${Math.round(r.frames / r.seconds).toLocaleString('en-US').padStart(11)} frames/s  ${(r.bytes / r.seconds / 1024 / 1024).toFixed(1)} MB/s`;
}
