// WsSession: one socket of a connection — frame classification, the per-socket subscription queue, heartbeat and stale watch.
import type WebSocket from 'ws';
import { NamedTimers } from './named-timers.js';
import { OutgoingRateLimiter } from './outgoing-rate-limiter.js';
import { SocketSubscriptions } from './socket-subscriptions.js';
import { describeSocketError } from './socket-failure-cause.js';
import type { WsSessionHost } from './ws-session-host.js';
import type { WsFrameClass } from '../../ports/ws-venue-protocol.js';

type Phase = 'connecting' | 'open' | 'ended';

/** Longest sample of a skipped frame put into an event. */
const SAMPLE_CHARS = 120;

export class WsSession {
  private phase: Phase = 'connecting';
  private readonly socket: WebSocket;
  private readonly subscriptions = new SocketSubscriptions();
  private readonly limiter: OutgoingRateLimiter | null;
  private readonly timers: NamedTimers<'connect' | 'ping' | 'pong' | 'stale' | 'flush'>;
  private lastMessageAtMs: number | null = null;
  private awaitingPongSinceMs: number | null = null;
  private readyReported = false;
  /** The socket's last 'error' in words (DNS, refused, TLS, HTTP status); ws follows it with a close 1006 that says nothing. */
  private lastError: string | null = null;
  openedAtMs: number | null = null;
  /** Resolves once the socket emitted 'close'. */
  readonly closed: Promise<void>;

  constructor(
    readonly id: string,
    private readonly host: WsSessionHost<WsSession>,
  ) {
    this.timers = new NamedTimers(host.timers);
    const { limits } = host.protocol;
    const max = limits.maxClientMessagesPerSecond;
    this.limiter = max === null ? null : new OutgoingRateLimiter(Math.max(1, max - (limits.pongFramesCountAgainstLimit ? 1 : 0)), 1000);
    this.socket = host.socketFactory(host.protocol.url);
    let resolveClosed: () => void = () => undefined;
    this.closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    this.socket.on('open', () => this.onOpen());
    this.socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.socket.on('ping', (payload) => this.onServerPing(payload));
    this.socket.on('error', (err) => {
      this.lastError = describeSocketError(err);
      host.emit({ type: 'socket-error', connectionId: host.connectionId, message: this.lastError, atMs: host.timers.now() });
    });
    this.socket.on('close', (code, reason) => {
      resolveClosed();
      const closed = `socket closed (code ${code}${reason.length > 0 ? `, ${reason.toString()}` : ''})`;
      // 1006 (closed without a close frame) adds nothing to the error that caused it.
      this.end(this.lastError === null ? closed : code === 1006 ? this.lastError : `${this.lastError}; ${closed}`);
    });
    this.timers.arm('connect', host.settings.connectTimeoutMs, () => this.fail(`connect timeout after ${host.settings.connectTimeoutMs} ms`));
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  get lastMessageAt(): number | null {
    return this.lastMessageAtMs;
  }

  /** Open, with every queued subscribe sent and answered. */
  get isReady(): boolean {
    return this.phase === 'open' && this.subscriptions.subscribesSettled;
  }

  subscribe(topics: Iterable<string>): void {
    this.subscriptions.want(topics);
    this.flush();
  }

  unsubscribe(topics: Iterable<string>): void {
    this.subscriptions.drop(topics);
    this.flush();
  }

  /** Host-initiated close (stop, retire after a seamless switch): no end notification follows. */
  close(reason: string): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.timers.clear();
    // A close frame's reason is at most 123 bytes (RFC 6455 §5.5); ws throws on longer ones.
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(1000, Buffer.byteLength(reason) <= 123 ? reason : '');
    else this.socket.terminate();
  }

  /** Hard stop after close() did not finish in time. */
  terminate(): void {
    this.socket.terminate();
  }

  /** Drops the socket at once (stale, missed pong, timeout) and tells the host. */
  fail(reason: string): void {
    if (this.phase === 'ended') return;
    this.socket.terminate();
    this.end(reason);
  }

  private end(reason: string): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.timers.clear();
    this.host.onSessionEnded(this, reason);
  }

  private onOpen(): void {
    if (this.phase !== 'connecting') return;
    this.phase = 'open';
    const now = this.host.timers.now();
    this.openedAtMs = now;
    this.lastMessageAtMs = null;
    this.timers.disarm('connect');
    const interval = this.host.protocol.clientPingIntervalMs;
    if (interval !== null) this.timers.arm('ping', interval, () => this.sendPing());
    this.armStale(this.host.settings.staleAfterMs);
    this.host.onSessionOpen(this);
    this.checkReady();
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.phase !== 'open') return;
    const host = this.host;
    const now = host.timers.now();
    this.lastMessageAtMs = now;
    const buffer = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    const bytes = buffer.length;
    const text = buffer.toString('utf8');
    if (isBinary) return this.skip('invalid', bytes, `<binary ${bytes} bytes>`, now);
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.skip('invalid', bytes, text, now);
    }
    let cls: WsFrameClass;
    try {
      cls = host.protocol.classify(message);
    } catch {
      // classify must not throw; should a hostile frame (a 20,000-deep array…) make it, the frame is counted and skipped.
      return this.skip('invalid', bytes, text, now);
    }
    switch (cls.kind) {
      case 'data':
        host.counters.countReceived('data', bytes);
        host.onSessionData(this, text, message, now);
        return;
      case 'pong':
        host.counters.countReceived('pong', bytes);
        this.awaitingPongSinceMs = null;
        this.timers.disarm('pong');
        return;
      case 'ack':
        host.counters.countReceived('control', bytes);
        this.settle(cls.requestId, null, '', '');
        return;
      case 'reject':
        host.counters.countReceived('control', bytes);
        this.settle(cls.requestId, cls.failedTopics ?? [], cls.code, cls.message);
        return;
      case 'server-shutdown':
        host.counters.countReceived('control', bytes);
        host.onSessionShutdown(this);
        return;
      case 'unknown':
        return this.skip('unknown', bytes, text, now);
    }
  }

  private skip(kind: 'invalid' | 'unknown', bytes: number, text: string, atMs: number): void {
    this.host.counters.countReceived(kind, bytes);
    this.host.emit({ type: 'frame-skipped', connectionId: this.host.connectionId, kind, sample: text.slice(0, SAMPLE_CHARS), atMs });
  }

  /** Applies an ack (failed null) or a reject (failed empty: the whole request) to its request. */
  private settle(requestId: string | null, failed: readonly string[] | null, code: string, message: string): void {
    const host = this.host;
    const settled = this.subscriptions.settle(requestId, failed);
    const atMs = host.timers.now();
    if (settled === null) {
      if (failed !== null) host.emit({ type: 'control-error', connectionId: host.connectionId, code, message, atMs });
      return;
    }
    if (settled.op === 'subscribe') {
      if (settled.succeeded.length > 0) host.onSessionSubscribed(this, settled.succeeded);
      if (settled.failed.length > 0) host.onSessionRefused(this, settled.failed, code, message);
    } else if (settled.failed.length > 0) {
      host.emit({ type: 'control-error', connectionId: host.connectionId, code, message: `unsubscribe ${settled.failed.join(',')}: ${message}`, atMs });
    }
    this.checkReady();
  }

  private checkReady(): void {
    if (!this.readyReported && this.isReady) {
      this.readyReported = true;
      this.host.onSessionReady(this);
    }
  }

  /** Sends queued requests, unsubscribes first, within the per-request and per-second limits. */
  private flush(): void {
    if (this.phase !== 'open') return;
    this.timers.disarm('flush');
    const { protocol, timers } = this.host;
    const perRequest = protocol.limits.maxTopicsPerRequest ?? Number.POSITIVE_INFINITY;
    while (this.subscriptions.hasQueued) {
      const now = timers.now();
      const freeAt = this.limiter?.nextFreeAt(now) ?? now;
      if (freeAt > now) return this.timers.arm('flush', freeAt - now, () => this.flush());
      const requestId = this.host.nextRequestId();
      const request = this.subscriptions.take(perRequest, protocol.requestKey(requestId));
      if (request === null) return;
      this.send(protocol.encodeRequest(request.op, request.topics, requestId), 'control', now);
    }
  }

  private send(text: string, type: 'control' | 'ping', now: number): void {
    this.limiter?.record(now);
    this.host.counters.countSent(type, Buffer.byteLength(text));
    this.socket.send(text);
  }

  private sendPing(): void {
    const { protocol, timers, settings } = this.host;
    const interval = protocol.clientPingIntervalMs;
    if (this.phase !== 'open' || interval === null) return;
    const now = timers.now();
    const text = protocol.encodePing(this.host.nextRequestId());
    if (text !== null) {
      this.send(text, 'ping', now);
      if (this.awaitingPongSinceMs === null) {
        this.awaitingPongSinceMs = now;
        this.timers.arm('pong', settings.pongTimeoutMs, () => this.onPongTimeout());
      }
    }
    this.timers.arm('ping', interval, () => this.sendPing());
  }

  private onPongTimeout(): void {
    const now = this.host.timers.now();
    const waited = now - (this.awaitingPongSinceMs ?? now);
    this.host.counters.pongTimeouts++;
    this.host.emit({ type: 'pong-timeout', connectionId: this.host.connectionId, waitedMs: waited, atMs: now });
    this.fail(`pong timeout: no pong within ${waited} ms`);
  }

  /** Server ping frame: ws already answered it with a pong echoing the payload (autoPong). */
  private onServerPing(payload: Buffer): void {
    if (this.phase !== 'open') return;
    this.host.counters.countReceived('ping', payload.length);
    this.host.counters.countSent('pong', payload.length);
    this.limiter?.record(this.host.timers.now());
  }

  /** One timer checks silence: when it fires early relative to the last message, it re-arms for the rest. */
  private armStale(delayMs: number): void {
    if (this.host.settings.staleAfterMs <= 0) return;
    this.timers.arm('stale', delayMs, () => {
      const now = this.host.timers.now();
      const silentMs = now - (this.lastMessageAtMs ?? this.openedAtMs ?? now);
      const limit = this.host.settings.staleAfterMs;
      if (silentMs < limit) return this.armStale(limit - silentMs);
      this.host.counters.staleEvents++;
      this.host.emit({ type: 'stale', connectionId: this.host.connectionId, silentMs, atMs: now });
      this.fail(`stale: no message for ${silentMs} ms`);
    });
  }
}
