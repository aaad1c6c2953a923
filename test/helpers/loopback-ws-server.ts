// LoopbackWsServer: a ws server on 127.0.0.1 (ephemeral port) speaking Binance's or Bybit's control protocol, with fault switches.
import { WebSocketServer, type WebSocket } from 'ws';
import {
  binanceDocExample,
  bybitControlDocs,
  bybitKlineDoc,
  bybitOrderbookDeltaDoc,
  bybitPublicTradeDoc,
} from './venue-ws-fixtures.js';

export type LoopbackVenue = 'binance' | 'bybit';

export interface LoopbackWsServerOptions {
  readonly venue: LoopbackVenue;
  /** Bybit ack/pong flavour: spot pongs carry no req_id, linear ones echo it. @default 'linear' */
  readonly bybitCategory?: 'spot' | 'linear';
}

/** One accepted client connection, as the server saw it. */
export interface LoopbackClient {
  /** 1-based, in accept order. */
  readonly id: number;
  /** Request path and query the client dialled. */
  readonly path: string;
  /** Text messages received, in order. */
  readonly received: string[];
  /** Topics subscribed on this connection (server view). */
  readonly topics: Set<string>;
  /** Payloads of pong frames received. */
  readonly pongs: string[];
  /** Close code once closed (1006 when terminated), else null. */
  closeCode: number | null;
  readonly socket: WebSocket;
}

const BINANCE_REFUSAL = (id: unknown): string => JSON.stringify({ error: { code: 2, msg: 'Invalid request: invalid stream' }, id });

export class LoopbackWsServer {
  readonly clients: LoopbackClient[] = [];
  /** Upgrade requests seen, refused ones included. */
  handshakeAttempts = 0;
  /** When true the server sends nothing at all: no acks, pongs or data (it still records). */
  silent = false;
  /** When true acks are queued until releaseAcks() (subscriptions take effect at once). */
  holdAcks = false;
  private readonly heldAcks: (() => void)[] = [];
  private readonly refused = new Set<string>();
  private rejectStatus: number | null = null;

  private constructor(
    private readonly wss: WebSocketServer,
    readonly options: LoopbackWsServerOptions,
    readonly url: string,
  ) {}

  static async start(options: LoopbackWsServerOptions): Promise<LoopbackWsServer> {
    let self: LoopbackWsServer | null = null;
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: (_info, done) => {
        const status = self?.countHandshake() ?? null;
        if (status === null) done(true);
        else done(false, status);
      },
    });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    const address = wss.address();
    if (address === null || typeof address === 'string') throw new Error('loopback server has no TCP address');
    self = new LoopbackWsServer(wss, options, `ws://127.0.0.1:${address.port}`);
    wss.on('connection', (socket, request) => self?.accept(socket, request.url ?? '/'));
    return self;
  }

  /** Refuse subscriptions to `topic` from now on (Binance: error frame for the request; Bybit: success:false naming it). */
  refuse(topic: string): void {
    this.refused.add(topic);
  }

  /** Answer every upgrade with this HTTP status (null: accept again). */
  rejectHandshakes(status: number | null): void {
    this.rejectStatus = status;
  }

  releaseAcks(): void {
    for (const send of this.heldAcks.splice(0)) send();
  }

  client(id: number): LoopbackClient {
    const c = this.clients[id - 1];
    if (c === undefined) throw new Error(`no loopback client ${id}`);
    return c;
  }

  openClients(): LoopbackClient[] {
    return this.clients.filter((c) => c.closeCode === null);
  }

  /** Server-side drop without a close frame. */
  drop(id: number): void {
    this.client(id).socket.terminate();
  }

  sendRaw(id: number, text: string): void {
    this.client(id).socket.send(text);
  }

  /** Binance "Server Shutdown" event, combined-stream form. */
  sendServerShutdown(id: number): void {
    this.sendRaw(id, JSON.stringify(binanceDocExample('Server Shutdown', 'combined')));
  }

  /** A ping frame carrying `payload`. */
  sendPing(id: number, payload: string): void {
    this.client(id).socket.ping(payload);
  }

  /** Sends data frame `seq` of `topic` to every open client subscribed to it (or only to `onlyId`); returns how many got it. */
  publish(topic: string, seq: number, onlyId?: number): number {
    if (this.silent) return 0;
    const text = JSON.stringify(this.dataFrame(topic, seq));
    let sent = 0;
    for (const c of this.openClients()) {
      if ((onlyId === undefined || c.id === onlyId) && c.topics.has(topic)) {
        c.socket.send(text);
        sent++;
      }
    }
    return sent;
  }

  /** publish() for seq = from … from+count−1; returns the total sends. */
  burst(topic: string, from: number, count: number, onlyId?: number): number {
    let sent = 0;
    for (let seq = from; seq < from + count; seq++) sent += this.publish(topic, seq, onlyId);
    return sent;
  }

  /** Terminates every client and closes the listener. */
  async close(): Promise<void> {
    for (const c of this.clients) c.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private countHandshake(): number | null {
    this.handshakeAttempts++;
    return this.rejectStatus;
  }

  private accept(socket: WebSocket, path: string): void {
    const client: LoopbackClient = { id: this.clients.length + 1, path, received: [], topics: new Set(), pongs: [], closeCode: null, socket };
    this.clients.push(client);
    socket.on('message', (data) => this.onMessage(client, String(data)));
    socket.on('pong', (payload) => client.pongs.push(payload.toString()));
    socket.on('close', (code) => (client.closeCode = code));
    socket.on('error', () => undefined);
  }

  private onMessage(client: LoopbackClient, text: string): void {
    client.received.push(text);
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    if (this.options.venue === 'binance') this.onBinance(client, msg);
    else this.onBybit(client, msg);
  }

  private reply(client: LoopbackClient, payload: unknown, isAck: boolean): void {
    if (this.silent) return;
    const send = (): void => {
      if (client.closeCode === null) client.socket.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    if (isAck && this.holdAcks) this.heldAcks.push(send);
    else send();
  }

  private onBinance(client: LoopbackClient, msg: Record<string, unknown>): void {
    const params = Array.isArray(msg.params) ? (msg.params as string[]) : [];
    if (msg.method === 'SUBSCRIBE') {
      if (params.some((p) => this.refused.has(p))) return this.reply(client, BINANCE_REFUSAL(msg.id), true);
      for (const p of params) client.topics.add(p);
      this.reply(client, { result: null, id: msg.id }, true);
    } else if (msg.method === 'UNSUBSCRIBE') {
      for (const p of params) client.topics.delete(p);
      this.reply(client, { result: null, id: msg.id }, true);
    }
  }

  private onBybit(client: LoopbackClient, msg: Record<string, unknown>): void {
    const linear = (this.options.bybitCategory ?? 'linear') === 'linear';
    const connId = `loopback-${client.id}`;
    const reqId = typeof msg.req_id === 'string' ? msg.req_id : '';
    if (msg.op === 'ping') {
      const doc = linear ? bybitControlDocs.pong_public_linear_inverse : bybitControlDocs.pong_public_spot;
      return this.reply(client, { ...doc, conn_id: connId, ...(linear ? { req_id: reqId } : {}) }, false);
    }
    if (msg.op !== 'subscribe' && msg.op !== 'unsubscribe') return;
    const args = Array.isArray(msg.args) ? (msg.args as string[]) : [];
    const refused = msg.op === 'subscribe' ? args.filter((a) => this.refused.has(a)) : [];
    for (const a of args) {
      if (refused.includes(a)) continue;
      if (msg.op === 'subscribe') client.topics.add(a);
      else client.topics.delete(a);
    }
    const ackDoc = linear ? bybitControlDocs.subscribe_response_public_linear_inverse : bybitControlDocs.subscribe_response_public_spot;
    if (refused.length === 0) return this.reply(client, { ...ackDoc, conn_id: connId, req_id: reqId, op: msg.op }, true);
    // Observed refusal shape: {"success":false,"ret_msg":"error:handler not found,topic:<topic>","conn_id":…,"req_id":…,"op":"subscribe"}.
    for (const topic of refused) {
      this.reply(client, { success: false, ret_msg: `error:handler not found,topic:${topic}`, conn_id: connId, req_id: reqId, op: 'subscribe' }, true);
    }
  }

  /** Doc example payloads with their sequence ids set to `seq`. */
  private dataFrame(topic: string, seq: number): unknown {
    if (this.options.venue === 'binance') {
      const symbol = (topic.split('@')[0] ?? '').toUpperCase();
      if (topic.endsWith('@trade')) return { stream: topic, data: { ...binanceDocExample('Trade Streams'), s: symbol, t: seq } };
      if (topic.includes('@kline')) return { stream: topic, data: { ...binanceDocExample('Kline/Candlestick Streams for UTC'), s: symbol, E: 1672515782136 + seq } };
      return { stream: topic, data: { ...binanceDocExample('Diff. Depth Stream'), s: symbol, E: 1672515782136 + seq, U: seq, u: seq } };
    }
    const symbol = topic.split('.').pop() ?? '';
    if (topic.startsWith('publicTrade.')) {
      const trades = bybitPublicTradeDoc.data as Record<string, unknown>[];
      return { ...bybitPublicTradeDoc, topic, data: [{ ...trades[0], s: symbol, i: `trade-${seq}`, seq }] };
    }
    if (topic.startsWith('kline.')) return { ...bybitKlineDoc, topic, ts: 1672324988882 + seq };
    const book = bybitOrderbookDeltaDoc.data as Record<string, unknown>;
    return { ...bybitOrderbookDeltaDoc, topic, ts: 1687940967466 + seq, data: { ...book, s: symbol, u: seq, seq: 66544703342 + seq } };
  }
}
