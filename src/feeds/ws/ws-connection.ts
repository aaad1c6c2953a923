// WsConnection: one logical venue WebSocket — state machine, backoff reconnect, circuit breaker, seamless replacement, subscriptions.
import type { Rng } from '../../ports/rng.js';
import { FrameDelivery } from './frame-delivery.js';
import { backoffDelayMs } from './reconnect-backoff.js';
import { ReconnectPolicy } from './reconnect-policy.js';
import { NamedTimers } from './named-timers.js';
import { SequenceDeduplicator } from './sequence-deduplicator.js';
import type { Timers } from '../../ports/timers.js';
import { TopicRegistry } from './topic-registry.js';
import type { WsConnectionEvent, WsEventListener } from './ws-connection-events.js';
import { resolveWsConnectionSettings, type ResolvedWsConnectionSettings, type WsConnectionOptions } from './ws-connection-options.js';
import type { WsConnectionState } from './ws-connection-state.js';
import { WsHealthCounters, type WsConnectionHealth } from './ws-health.js';
import { WsSession } from './ws-session.js';
import type { WsSessionHost } from './ws-session-host.js';
import { defaultWsSocketFactory, type WsSocketFactory } from './ws-socket-factory.js';
import type { WsVenueProtocol } from '../../ports/ws-venue-protocol.js';

type ConnectionTimer = 'reconnect' | 'stable' | 'rotate' | 'ready' | 'close';

/**
 * Lifecycle: start() dials (CONNECTING → CONNECTED). A lost socket or failed dial waits
 * backoffDelayMs(attempt) in RECONNECTING, then dials again; `attempt` restarts at 1 once a socket
 * stayed open stableAfterMs. circuitBreakerThreshold consecutive failed dials, or more than
 * maxReconnectAttempts attempts, end in DISCONNECTED with a reason. serverShutdown and the venue's
 * connection age limit open a replacement socket while the old one keeps serving; the replacement
 * takes over once its subscriptions are acknowledged (or seamlessReadyTimeoutMs passed), then the
 * old socket is closed, so no frame is lost (see FrameDelivery for duplicates).
 */
export class WsConnection implements WsSessionHost<WsSession> {
  readonly connectionId: string;
  readonly protocol: WsVenueProtocol;
  readonly timers: Timers;
  readonly socketFactory: WsSocketFactory;
  readonly counters = new WsHealthCounters();
  readonly settings: ResolvedWsConnectionSettings;
  private readonly rng: Rng;
  private readonly listener: WsEventListener | undefined;
  private readonly delivery: FrameDelivery;
  private readonly registry: TopicRegistry;
  private readonly ownTimers: NamedTimers<ConnectionTimer>;
  private current: WsConnectionState = 'DISCONNECTED';
  private primary: WsSession | null = null;
  private standby: WsSession | null = null;
  private readonly retiring = new Set<WsSession>();
  private readonly policy: ReconnectPolicy;
  private rotationAttempt = 0;
  private everConnected = false;
  private closeReason: string | null = null;
  private requestSeq = 0;
  private sessionSeq = 0;
  private stopping: Promise<void> | null = null;

  constructor(options: WsConnectionOptions) {
    this.settings = resolveWsConnectionSettings(options);
    this.connectionId = this.settings.id;
    this.protocol = options.protocol;
    this.timers = options.timers;
    this.ownTimers = new NamedTimers(options.timers);
    this.rng = options.rng;
    this.listener = options.listener;
    this.socketFactory = options.socketFactory ?? defaultWsSocketFactory;
    const dedup = options.deduplicator ?? new SequenceDeduplicator();
    this.delivery = new FrameDelivery(this.connectionId, this.protocol, dedup, this.counters, options.onData, (e) => this.emit(e));
    this.registry = new TopicRegistry(options.protocol);
    this.policy = new ReconnectPolicy(this.settings, options.rng);
  }

  get state(): WsConnectionState {
    return this.current;
  }

  /** Dials; a no-op unless DISCONNECTED. Restarting after the circuit opened closes it again. */
  start(): void {
    if (this.current !== 'DISCONNECTED') return;
    this.policy.reset();
    this.closeReason = null;
    this.dial('start');
  }

  /** Closes every socket (graceful, then terminate after closeTimeoutMs); resolves in DISCONNECTED. */
  stop(reason = 'stopped'): Promise<void> {
    if (this.stopping !== null) return this.stopping;
    if (this.current === 'DISCONNECTED') return Promise.resolve();
    this.ownTimers.clear();
    this.counters.stopUptime(this.timers.now());
    this.transition('CLOSING', reason);
    const sessions = [this.primary, this.standby, ...this.retiring].filter((s): s is WsSession => s !== null);
    this.primary = this.standby = null;
    for (const s of sessions) {
      this.counters.noteEndedSocket(s.lastMessageAt);
      s.close(reason);
    }
    this.ownTimers.arm('close', this.settings.closeTimeoutMs, () => sessions.forEach((s) => s.terminate()));
    this.stopping = Promise.all(sessions.map((s) => s.closed)).then(() => {
      this.ownTimers.disarm('close');
      this.retiring.clear();
      this.stopping = null;
      this.closeReason = reason;
      this.transition('DISCONNECTED', reason);
    });
    return this.stopping;
  }

  /** Wants `topics` from now on: sent at once when connected, else on the next connect; duplicates are ignored. */
  subscribe(topics: readonly string[]): void {
    const { added, refused } = this.registry.add(topics, this.timers.now());
    for (const failure of refused) {
      this.counters.subscriptionFailures++;
      this.emit({ type: 'subscription-failed', connectionId: this.connectionId, ...failure });
    }
    if (added.length === 0) return;
    this.primary?.subscribe(added);
    this.standby?.subscribe(added);
  }

  unsubscribe(topics: readonly string[]): void {
    const removed = this.registry.remove(topics);
    if (removed.length === 0) return;
    this.primary?.unsubscribe(removed);
    this.standby?.unsubscribe(removed);
  }

  /** Active topics (wanted, not refused), sorted. */
  topics(): string[] {
    return this.registry.sortedTopics();
  }

  health(): WsConnectionHealth {
    const now = this.timers.now();
    const uptime = this.counters.uptime(now);
    const lastAt = this.primary?.lastMessageAt ?? this.counters.lastEndedMessageAt;
    return this.counters.snapshot({
      connectionId: this.connectionId,
      venue: this.protocol.venue,
      state: this.current,
      closeReason: this.closeReason,
      uptimeMs: uptime.current,
      totalUptimeMs: uptime.total,
      consecutiveFailures: this.policy.consecutiveFailures,
      circuitBreaker: this.policy.circuitOpen ? 'open' : 'closed',
      lastMessageAgeMs: lastAt === null ? null : now - lastAt,
      failedTopics: this.registry.sortedFailures(),
      activeTopics: this.registry.sortedTopics(),
    });
  }

  // ——— WsSessionHost ———

  nextRequestId(): number {
    return ++this.requestSeq;
  }

  emit(event: WsConnectionEvent): void {
    this.listener?.(event);
  }

  onSessionOpen(session: WsSession): void {
    this.counters.connects++;
    this.policy.opened();
    session.subscribe(this.registry.topics());
    if (session === this.standby) {
      this.ownTimers.arm('ready', this.settings.seamlessReadyTimeoutMs, () => this.promoteStandby('ready timeout'));
      return;
    }
    if (session !== this.primary) return;
    if (this.everConnected) this.counters.reconnects++;
    this.everConnected = true;
    this.beginServing();
    this.transition('CONNECTED', 'opened');
  }

  onSessionEnded(session: WsSession, reason: string): void {
    this.counters.noteEndedSocket(session.lastMessageAt);
    if (session === this.standby) {
      this.standby = null;
      this.ownTimers.disarm('ready');
      if (session.openedAtMs === null) this.counters.failedAttempts++;
      this.emit({ type: 'seamless-reconnect', connectionId: this.connectionId, phase: 'abandoned', reason, atMs: this.timers.now() });
      this.rotationAttempt++;
      this.ownTimers.arm('rotate', backoffDelayMs(this.rotationAttempt, this.settings.backoff, this.rng), () => this.startReplacement('retry'));
      return;
    }
    if (session !== this.primary) return;
    this.primary = null;
    this.counters.stopUptime(this.timers.now());
    this.ownTimers.disarm('stable');
    this.ownTimers.disarm('rotate');
    const replacement = this.standby;
    if (replacement !== null) {
      this.standby = null;
      this.primary = replacement;
      this.ownTimers.disarm('ready');
      if (replacement.isOpen) return this.completeReplacement(`old socket lost: ${reason}`);
      this.transition('CONNECTING', `socket lost (${reason}); replacement still connecting`);
      return;
    }
    const dialFailed = session.openedAtMs === null;
    if (dialFailed) this.counters.failedAttempts++;
    const decision = this.policy.lost(dialFailed, reason);
    if (decision.kind === 'give-up') {
      if (decision.circuitOpen) {
        this.emit({ type: 'circuit-open', connectionId: this.connectionId, consecutiveFailures: this.policy.consecutiveFailures, atMs: this.timers.now() });
      }
      return this.giveUp(decision.reason);
    }
    const { attempt, delayMs } = decision;
    this.transition('RECONNECTING', reason);
    this.emit({ type: 'reconnect-scheduled', connectionId: this.connectionId, attempt, delayMs, atMs: this.timers.now() });
    this.ownTimers.arm('reconnect', delayMs, () => this.dial(`reconnect attempt ${attempt}`));
  }

  onSessionData(session: WsSession, text: string, message: unknown, receivedAtMs: number): void {
    this.delivery.deliver(session === this.primary, text, message, receivedAtMs);
  }

  onSessionSubscribed(_session: WsSession, topics: readonly string[]): void {
    this.emit({ type: 'subscribed', connectionId: this.connectionId, topics, atMs: this.timers.now() });
  }

  onSessionRefused(_session: WsSession, topics: readonly string[], code: string, message: string): void {
    const atMs = this.timers.now();
    for (const topic of topics) {
      const failure = { topic, code, message, atMs };
      if (!this.registry.refuse(failure)) continue;
      this.counters.subscriptionFailures++;
      this.emit({ type: 'subscription-failed', connectionId: this.connectionId, ...failure });
    }
  }

  onSessionShutdown(session: WsSession): void {
    this.counters.serverShutdowns++;
    this.emit({ type: 'server-shutdown', connectionId: this.connectionId, atMs: this.timers.now() });
    if (session === this.primary) this.startReplacement('server shutdown');
  }

  onSessionReady(session: WsSession): void {
    if (session === this.standby) this.promoteStandby('replacement ready');
  }

  // ——— internals ———

  private dial(reason: string): void {
    this.transition('CONNECTING', reason);
    this.primary = this.newSession();
  }

  private newSession(): WsSession {
    return new WsSession(`${this.connectionId}#${++this.sessionSeq}`, this);
  }

  private giveUp(reason: string): void {
    this.ownTimers.clear();
    this.closeReason = reason;
    this.transition('DISCONNECTED', reason);
  }

  private startReplacement(reason: string): void {
    if (this.current !== 'CONNECTED' || this.standby !== null || this.primary === null) return;
    this.ownTimers.disarm('rotate');
    this.emit({ type: 'seamless-reconnect', connectionId: this.connectionId, phase: 'started', reason, atMs: this.timers.now() });
    this.standby = this.newSession();
  }

  private promoteStandby(reason: string): void {
    const next = this.standby;
    if (next === null || !next.isOpen) return;
    const old = this.primary;
    this.standby = null;
    this.primary = next;
    this.ownTimers.disarm('ready');
    this.counters.stopUptime(this.timers.now());
    if (old !== null) {
      this.counters.noteEndedSocket(old.lastMessageAt);
      this.retiring.add(old);
      void old.closed.then(() => this.retiring.delete(old));
      old.close('replaced');
    }
    this.completeReplacement(reason);
  }

  private completeReplacement(reason: string): void {
    this.counters.seamlessReconnects++;
    this.rotationAttempt = 0;
    this.beginServing();
    this.emit({ type: 'seamless-reconnect', connectionId: this.connectionId, phase: 'completed', reason, atMs: this.timers.now() });
  }

  /** The primary socket starts serving: uptime clock, stable timer, age-limit rotation. */
  private beginServing(): void {
    this.counters.startUptime(this.timers.now());
    this.ownTimers.arm('stable', this.settings.stableAfterMs, () => this.policy.stable());
    const maxAge = this.protocol.maxConnectionAgeMs;
    if (maxAge !== null) {
      const delay = Math.max(0, maxAge - this.settings.rotateBeforeAgeLimitMs);
      this.ownTimers.arm('rotate', delay, () => this.startReplacement('connection age limit'));
    }
  }

  private transition(to: WsConnectionState, reason: string): void {
    const from = this.current;
    this.current = to;
    this.counters.countTransition(from, to);
    this.emit({ type: 'state', connectionId: this.connectionId, from, to, reason, atMs: this.timers.now() });
  }
}
