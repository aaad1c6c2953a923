// SocketSubscriptions: one socket's subscription bookkeeping — queued topics, requests in flight, what the socket will carry.
import type { WsRequestOp } from '../../ports/ws-venue-protocol.js';

export interface SubscriptionRequest {
  readonly op: WsRequestOp;
  readonly topics: readonly string[];
}

/** How a venue answer resolved a request: the topics that succeeded and the ones that failed. */
export interface SettledRequest extends SubscriptionRequest {
  readonly succeeded: readonly string[];
  readonly failed: readonly string[];
}

/**
 * Queues are insertion-ordered sets and a topic is never in both: subscribing a topic whose
 * unsubscribe is still queued cancels the unsubscribe (and vice versa), so a burst of calls
 * sends only its net effect. `onSocket` is what the socket carries once everything sent is processed.
 */
export class SocketSubscriptions {
  private readonly pendingSub = new Set<string>();
  private readonly pendingUnsub = new Set<string>();
  private readonly onSocket = new Set<string>();
  private readonly inFlight = new Map<string, SubscriptionRequest>();

  want(topics: Iterable<string>): void {
    for (const t of topics) {
      if (this.pendingUnsub.delete(t)) continue;
      if (!this.onSocket.has(t)) this.pendingSub.add(t);
    }
  }

  drop(topics: Iterable<string>): void {
    for (const t of topics) {
      if (this.pendingSub.delete(t)) continue;
      if (this.onSocket.has(t)) this.pendingUnsub.add(t);
    }
  }

  get hasQueued(): boolean {
    return this.pendingSub.size > 0 || this.pendingUnsub.size > 0;
  }

  /** Nothing queued to subscribe and no subscribe awaiting its answer. */
  get subscribesSettled(): boolean {
    if (this.pendingSub.size > 0) return false;
    for (const r of this.inFlight.values()) if (r.op === 'subscribe') return false;
    return true;
  }

  /** Dequeues the next request (unsubscribes first) of at most `maxTopics` topics, recorded as in flight under `requestKey`. */
  take(maxTopics: number, requestKey: string): SubscriptionRequest | null {
    const op: WsRequestOp | null = this.pendingUnsub.size > 0 ? 'unsubscribe' : this.pendingSub.size > 0 ? 'subscribe' : null;
    if (op === null) return null;
    const source = op === 'unsubscribe' ? this.pendingUnsub : this.pendingSub;
    const topics: string[] = [];
    for (const t of source) {
      if (topics.length >= maxTopics) break;
      topics.push(t);
    }
    for (const t of topics) {
      source.delete(t);
      if (op === 'subscribe') this.onSocket.add(t);
      else this.onSocket.delete(t);
    }
    const request = { op, topics };
    this.inFlight.set(requestKey, request);
    return request;
  }

  /**
   * Resolves the request with `requestKey`, or the oldest in flight when the venue echoed no id;
   * null when none matches. `failed` null: an ack. Otherwise the named topics failed, or every
   * topic of the request when `failed` is empty.
   */
  settle(requestKey: string | null, failed: readonly string[] | null): SettledRequest | null {
    const key = requestKey === null ? this.inFlight.keys().next().value : this.inFlight.has(requestKey) ? requestKey : undefined;
    const request = key === undefined ? undefined : this.inFlight.get(key);
    if (key === undefined || request === undefined) return null;
    this.inFlight.delete(key);
    const failedSet = new Set(failed === null ? [] : failed.length === 0 ? request.topics : failed);
    if (request.op === 'subscribe') for (const t of failedSet) this.onSocket.delete(t);
    return { ...request, succeeded: request.topics.filter((t) => !failedSet.has(t)), failed: [...failedSet] };
  }
}
