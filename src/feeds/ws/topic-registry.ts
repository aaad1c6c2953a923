// TopicRegistry: the topics a connection wants (restored after every reconnect) and the ones refused, within venue limits.
import type { WsSubscriptionFailure } from './ws-connection-events.js';
import type { WsVenueProtocol } from '../../ports/ws-venue-protocol.js';

export interface TopicAddResult {
  /** Newly wanted topics, in call order. */
  readonly added: readonly string[];
  /** Topics refused locally (bad syntax, connection limits), in call order. */
  readonly refused: readonly WsSubscriptionFailure[];
}

export class TopicRegistry {
  /** Wanted and not refused; insertion-ordered. */
  private readonly active = new Set<string>();
  /** Sum of active topic lengths (Bybit bounds the args of one public connection by characters). */
  private chars = 0;
  private readonly failures = new Map<string, WsSubscriptionFailure>();

  constructor(private readonly protocol: WsVenueProtocol) {}

  add(topics: readonly string[], atMs: number): TopicAddResult {
    const { maxTopicsPerConnection, maxTopicCharsPerConnection } = this.protocol.limits;
    const added: string[] = [];
    const refused: WsSubscriptionFailure[] = [];
    for (const topic of topics) {
      if (this.active.has(topic)) continue;
      const invalid = this.protocol.validateTopic(topic);
      let failure: WsSubscriptionFailure | null = null;
      if (invalid !== null) failure = { topic, code: 'INVALID_TOPIC', message: invalid, atMs };
      else if (maxTopicsPerConnection !== null && this.active.size >= maxTopicsPerConnection) {
        failure = { topic, code: 'TOPIC_LIMIT', message: `${this.protocol.venue} allows at most ${maxTopicsPerConnection} topics per connection`, atMs };
      } else if (maxTopicCharsPerConnection !== null && this.chars + topic.length > maxTopicCharsPerConnection) {
        failure = {
          topic,
          code: 'TOPIC_CHARS_LIMIT',
          message: `${this.protocol.venue} allows at most ${maxTopicCharsPerConnection} characters of topics per connection`,
          atMs,
        };
      }
      if (failure !== null) {
        this.failures.set(topic, failure);
        refused.push(failure);
        continue;
      }
      this.active.add(topic);
      this.chars += topic.length;
      this.failures.delete(topic);
      added.push(topic);
    }
    return { added, refused };
  }

  /** Stops wanting `topics` (and forgets their refusals); returns the ones that were active. */
  remove(topics: readonly string[]): string[] {
    const removed: string[] = [];
    for (const topic of topics) {
      this.failures.delete(topic);
      if (this.active.delete(topic)) {
        this.chars -= topic.length;
        removed.push(topic);
      }
    }
    return removed;
  }

  /** Records the venue's refusal; false when the topic is no longer wanted or already refused. */
  refuse(failure: WsSubscriptionFailure): boolean {
    if (!this.active.delete(failure.topic)) return false;
    this.chars -= failure.topic.length;
    this.failures.set(failure.topic, failure);
    return true;
  }

  /** Active topics in subscription order. */
  topics(): string[] {
    return [...this.active];
  }

  sortedTopics(): string[] {
    return [...this.active].sort();
  }

  sortedFailures(): WsSubscriptionFailure[] {
    return [...this.failures.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  }
}
