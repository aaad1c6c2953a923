// LoopbackHttpServer: a tiny HTTP server on 127.0.0.1 (ephemeral port) answering scripted GET routes (REST depth snapshots for live tests).
import { createServer, type Server } from 'node:http';

export interface ScriptedResponse {
  readonly status: number;
  readonly body: string;
  /** Extra response headers (Retry-After, Location…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent in chunks of this many characters without a Content-Length (chunked encoding). */
  readonly chunkChars?: number;
}

export class LoopbackHttpServer {
  /** Every request target ("/api/v3/depth?symbol=BTCUSDT&limit=1000"), in arrival order. */
  readonly requests: string[] = [];
  /** Request target → queued answers (the last one repeats); unknown targets get 404. */
  private readonly routes = new Map<string, ScriptedResponse[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LoopbackHttpServer> {
    let self: LoopbackHttpServer | null = null;
    const server = createServer((request, response) => {
      const target = request.url ?? '/';
      self?.requests.push(target);
      const queue = self?.routes.get(target);
      const answer = queue === undefined || queue.length === 0 ? { status: 404, body: '{"code":-1121,"msg":"Invalid symbol."}' } : queue.length > 1 ? queue.shift()! : queue[0]!;
      const chunk = answer.chunkChars;
      const length = chunk === undefined ? { 'content-length': String(Buffer.byteLength(answer.body)) } : {};
      response.writeHead(answer.status, { 'content-type': 'application/json', ...length, ...answer.headers });
      if (chunk === undefined) return void response.end(answer.body);
      for (let at = 0; at < answer.body.length; at += chunk) response.write(answer.body.slice(at, at + chunk));
      response.end();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('loopback http server has no TCP address');
    self = new LoopbackHttpServer(server, `http://127.0.0.1:${address.port}`);
    return self;
  }

  /** Answers GET `target` with these responses in turn (the last one for every later request). */
  route(target: string, ...answers: ScriptedResponse[]): void {
    this.routes.set(target, [...answers]);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
