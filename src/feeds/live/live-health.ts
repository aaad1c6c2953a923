// The live feed's WebSocket health as report JSON: per connection and summed traffic by message type, uptime, reconnects, last-message age.
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { RedundantWsFeedHealth } from '../ws/redundant-ws-feed.js';
import type { WsConnectionHealth, WsTraffic } from '../ws/ws-health.js';

function trafficJson(table: Readonly<Record<string, WsTraffic>>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(table).sort()) out[key] = { messages: table[key]!.messages, bytes: table[key]!.bytes };
  return out;
}

function sumTraffic(tables: readonly Readonly<Record<string, WsTraffic>>[]): Record<string, JsonValue> {
  const sum: Record<string, WsTraffic> = {};
  for (const table of tables) {
    for (const [key, t] of Object.entries(table)) {
      const s = (sum[key] ??= { messages: 0, bytes: 0 });
      s.messages += t.messages;
      s.bytes += t.bytes;
    }
  }
  return trafficJson(sum);
}

/** One connection, snake_case; times in ms of the system clock. */
export function connectionHealthJson(h: WsConnectionHealth): JsonValue {
  return {
    id: h.connectionId,
    state: h.state,
    close_reason: h.closeReason,
    uptime_ms: h.uptimeMs,
    total_uptime_ms: h.totalUptimeMs,
    connects: h.connects,
    reconnects: h.reconnects,
    seamless_reconnects: h.seamlessReconnects,
    failed_attempts: h.failedAttempts,
    consecutive_failures: h.consecutiveFailures,
    circuit_breaker: h.circuitBreaker,
    received: trafficJson(h.received),
    sent: trafficJson(h.sent),
    duplicates_dropped: h.duplicatesDropped,
    last_message_age_ms: h.lastMessageAgeMs,
    stale_events: h.staleEvents,
    pong_timeouts: h.pongTimeouts,
    server_shutdowns: h.serverShutdowns,
    consumer_errors: h.consumerErrors,
    subscription_failures: h.subscriptionFailures,
    failed_topics: h.failedTopics.map((f) => ({ topic: f.topic, code: f.code, message: f.message })),
    active_topics: [...h.activeTopics],
    transitions: { ...h.transitions },
  };
}

/**
 * The redundant feed: totals over its connections (reconnects, traffic by type), then each connection. Frames that
 * were not JSON are `received.invalid` here and counted once more, with samples, as market_data's
 * `frames_by_class.invalid-json` and `problems` (the websocket section has no parse_errors of its own that could disagree).
 */
export function websocketHealthJson(h: RedundantWsFeedHealth): JsonValue {
  const c = h.connections;
  const ages = c.map((x) => x.lastMessageAgeMs).filter((a): a is number => a !== null);
  return {
    connections_configured: c.length,
    connected: h.connected,
    frames_delivered: h.delivered,
    duplicates_dropped: h.duplicatesDropped,
    reconnects: c.reduce((n, x) => n + x.reconnects, 0),
    seamless_reconnects: c.reduce((n, x) => n + x.seamlessReconnects, 0),
    failed_attempts: c.reduce((n, x) => n + x.failedAttempts, 0),
    circuits_open: c.filter((x) => x.circuitBreaker === 'open').length,
    last_message_age_ms: ages.length === 0 ? null : Math.min(...ages),
    received: sumTraffic(c.map((x) => x.received)),
    sent: sumTraffic(c.map((x) => x.sent)),
    by_connection: c.map(connectionHealthJson),
  };
}
