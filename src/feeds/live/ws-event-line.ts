// One human-readable line per notable WebSocket connection event (connected, lost, subscribed, refused, circuit open …), for live runs' and recordings' stderr.
import type { WsConnectionEvent } from '../ws/ws-connection-events.js';

/** "ws-1 connected to …", "ws-1 lost: …"; null for events not worth a line (frames skipped, socket errors, …). */
export function wsEventLine(event: WsConnectionEvent, url: string): string | null {
  const id = event.connectionId;
  switch (event.type) {
    case 'state':
      if (event.to === 'CONNECTED') return `${id} connected to ${url}`;
      if (event.to === 'RECONNECTING') return `${id} lost: ${event.reason}`;
      if (event.to === 'DISCONNECTED' && event.from !== 'CLOSING') return `${id} gave up: ${event.reason}`;
      return null;
    case 'reconnect-scheduled':
      return `${id} reconnect attempt ${event.attempt} in ${event.delayMs} ms`;
    case 'subscribed':
      return `${id} subscribed ${event.topics.join(',')}`;
    case 'subscription-failed':
      return `${id} subscription to ${event.topic} refused (${event.code}: ${event.message})`;
    case 'circuit-open':
      return `${id} circuit breaker open after ${event.consecutiveFailures} consecutive failed connection attempts`;
    case 'stale':
      return `${id} stale: no message for ${event.silentMs} ms`;
    case 'server-shutdown':
      return `${id} server announced shutdown: switching to a new connection`;
    default:
      return null;
  }
}

/** True when the event says the connection gave up for good (circuit open, attempts exhausted), not because it was stopped. */
export function gaveUp(event: WsConnectionEvent): event is Extract<WsConnectionEvent, { type: 'state' }> {
  return event.type === 'state' && event.to === 'DISCONNECTED' && event.from !== 'CLOSING';
}
