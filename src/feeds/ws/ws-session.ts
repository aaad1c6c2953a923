// WsSession: one socket of a connection — frame classification, the per-socket subscription queue, heartbeat and stale watch.
import type WebSocket from 'ws';
import { OutgoingRateLimiter } from './outgoing-rate-limiter.js';
import type { TimerHandle } from './timers.js';
import type { WsSessionHost } from './ws-session-host.js';
import type { WsRequestOp } from './ws-venue-protocol.js';

type Phase = 'connecting' | 'open' | 'ended';

interface InFlightRequest {
  readonly op: WsRequestOp;
  readonly topics: readonly string[];
}

/** Longest sample of a skipped frame put into an event. */
const SAMPLE_CHARS = 120;

export class WsSession {
  private phase: Phase = 'connecting';
  private readonly socket: WebSocket;
  /** Topics waiting to be sent, insertion-ordered; a topic is never in both. */
  private readonly pendingSub = new Set<string>();
  private readonly pendingUnsub = new Set<string>();
  /** Topics subscribed on the socket once everything sent so far is processed. */
  private readonly onSocket = new Set<string>();
  private readonly inFlight = new Map<string, InFlightRequest>();
  private readonly limiter: OutgoingRateLimiter | null;
  private readonly timers = new Map<string, TimerHandle>();
  private lastMessageAtMs: number | null = null;
  private awaitingPongSinceMs: number | null = null;
  private readyReported = false;
  openedAtMs: number | null = null;
  /** Resolves once the socket emitted 'close'. */
  readonly closed: Promise<void>;

  constructor(
    readonly id: string,
    private readonly host: WsSessionHost,
  ) {
    const { limits } = host.protocol;
    const max = limits.maxClientMessagesPerSecond;
    this.limiter = max === null ? null : new OutgoingRateLimiter(Math.max(1, max - (limits.pongFramesCountAgainstLimit ? 1 : 0)), 1000);
    this.socket = host.socketFactory(host.protocol.url);
    let resolveClosed: () => void = () => undefined;
    this.closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    this.socket.on('open', () => this.onOpen());
    this.socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.socket.on('ping', (payload) => this.onServerPing(payload));
    this.socket.on('error', (err) => host.emit({ type: 'socket-error', connectionId: host.connectionId, message: err.message, atMs: host.timers.now() }));
    this.socket.on('close', (code, reason) => {
      resolveClosed();
      this.end(`socket closed (code ${code}${reason.length > 0 ? `, ${reason.toString()}` : ''})`);
    });
    this.arm('connect', host.settings.connectTimeoutMs, () => this.fail(`connect timeout after ${host.settings.connectTimeoutMs} ms`));
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  get lastMessageAt(): number | null {
    return this.lastMessageAtMs;
  }

  /** Open, with every queued subscribe sent and answered. */
  get isReady(): boolean {
    if (this.phase !== 'open' || this.pendingSub.size > 0) return false;
    for (const r of this.inFlight.values()) if (r.op === 'subscribe') return false;
    return true;
  }

  subscribe(topics: Iterable<string>): void {
    for (const t of topics) {
      if (this.pendingUnsub.delete(t)) continue;
      if (!this.onSocket.has(t)) this.pendingSub.add(t);
    }
    this.flush();
  }

  unsubscribe(topics: Iterable<string>): void {
    for (const t of topics) {
      if (this.pendingSub.delete(t)) continue;
      if (this.onSocket.has(t)) this.pendingUnsub.add(t);
    }
    this.flush();
  }

  /** Host-initiated close (stop, retire after a seamless switch): no end notification follows. */
  close(reason: string): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.clearTimers();
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(1000, reason);
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
    this.clearTimers();
    this.host.onSessionEnded(this, reason);
  }

  private onOpen(): void {
    if (this.phase !== 'connecting') return;
    this.phase = 'open';
    const now = this.host.timers.now();
    this.openedAtMs = now;
    this.lastMessageAtMs = null;
    this.disarm('connect');
    const interval = this.host.protocol.clientPingIntervalMs;
    if (interval !== null) this.arm('ping', interval, () => this.sendPing());
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
    const cls = host.protocol.classify(message);
    switch (cls.kind) {
      case 'data':
        host.counters.countReceived('data', bytes);
        host.onSessionData(this, text, message, now);
        return;
      case 'pong':
        host.counters.countReceived('pong', bytes);
        this.awaitingPongSinceMs = null;
        this.disarm('pong');
        return;
      case 'ack':
        host.counters.countReceived('control', bytes);
        this.settle(cls.requestId, null, '', '');
        return;
      case 'reject':
        host.counters.countReceived('control', bytes);
        this.settle(cls.requestId, cls.failedTopics ?? [], cls.code, cls.message, cls.failedTopics === null);
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

  /**
   * Applies an ack (failed === null) or a reject to its request: the request with that id, or the
   * oldest one in flight when the venue echoed none. Named failed topics fail; the rest of the
   * request succeeds. `allFailed`: the venue named no topic, so the whole request failed.
   */
  private settle(requestId: string | null, failed: readonly string[] | null, code: string, message: string, allFailed = false): void {
    const key = requestId === null ? this.inFlight.keys().next().value : this.inFlight.has(requestId) ? requestId : undefined;
    const request = key === undefined ? undefined : this.inFlight.get(key);
    const now = this.host.timers.now();
    if (key === undefined || request === undefined) {
      if (failed !== null) this.host.emit({ type: 'control-error', connectionId: this.host.connectionId, code, message, atMs: now });
      return;
    }
    this.inFlight.delete(key);
    const failedSet = new Set(allFailed ? request.topics : (failed ?? []));
    const succeeded = request.topics.filter((t) => !failedSet.has(t));
    if (request.op === 'subscribe') {
      for (const t of failedSet) this.onSocket.delete(t);
      if (succeeded.length > 0) this.host.onSessionSubscribed(this, succeeded);
      if (failedSet.size > 0) this.host.onSessionRefused(this, [...failedSet], code, message);
    } else if (failedSet.size > 0) {
      this.host.emit({ type: 'control-error', connectionId: this.host.connectionId, code, message: `unsubscribe ${[...failedSet].join(',')}: ${message}`, atMs: now });
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
    this.disarm('flush');
    const { protocol, timers } = this.host;
    const perRequest = protocol.limits.maxTopicsPerRequest ?? Number.POSITIVE_INFINITY;
    while (this.pendingUnsub.size > 0 || this.pendingSub.size > 0) {
      const now = timers.now();
      if (this.limiter !== null) {
        const at = this.limiter.nextFreeAt(now);
        if (at > now) {
          this.arm('flush', at - now, () => this.flush());
          return;
        }
      }
      const op: WsRequestOp = this.pendingUnsub.size > 0 ? 'unsubscribe' : 'subscribe';
      const source = op === 'unsubscribe' ? this.pendingUnsub : this.pendingSub;
      const topics: string[] = [];
      for (const t of source) {
        if (topics.length >= perRequest) break;
        topics.push(t);
      }
      for (const t of topics) {
        source.delete(t);
        if (op === 'subscribe') this.onSocket.add(t);
        else this.onSocket.delete(t);
      }
      const requestId = this.host.nextRequestId();
      this.inFlight.set(protocol.requestKey(requestId), { op, topics });
      this.send(protocol.encodeRequest(op, topics, requestId), 'control', now);
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
        this.arm('pong', settings.pongTimeoutMs, () => this.onPongTimeout());
      }
    }
    this.arm('ping', interval, () => this.sendPing());
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
    this.arm('stale', delayMs, () => {
      const now = this.host.timers.now();
      const silentMs = now - (this.lastMessageAtMs ?? this.openedAtMs ?? now);
      const limit = this.host.settings.staleAfterMs;
      if (silentMs < limit) return this.armStale(limit - silentMs);
      this.host.counters.staleEvents++;
      this.host.emit({ type: 'stale', connectionId: this.host.connectionId, silentMs, atMs: now });
      this.fail(`stale: no message for ${silentMs} ms`);
    });
  }

  private arm(name: string, delayMs: number, callback: () => void): void {
    this.disarm(name);
    const handle = this.host.timers.setTimeout(() => {
      this.timers.delete(name);
      callback();
    }, delayMs);
    this.timers.set(name, handle);
  }

  private disarm(name: string): void {
    const handle = this.timers.get(name);
    if (handle === undefined) return;
    this.host.timers.clearTimeout(handle);
    this.timers.delete(name);
  }

  private clearTimers(): void {
    for (const handle of this.timers.values()) this.host.timers.clearTimeout(handle);
    this.timers.clear();
  }
}
