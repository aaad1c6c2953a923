// validateWsUrl(): a WebSocket endpoint given by flag, config or venue module checked before it is dialled.
import { checkEndpointUrl } from '../live/endpoint-url.js';

/** Returns `url` when it is an absolute ws:// or wss:// URL without credentials, query or fragment; otherwise an E_CONFIG error (checkEndpointUrl). */
export function validateWsUrl(url: string): string {
  checkEndpointUrl(url, 'WebSocket', ['ws:', 'wss:']);
  return url;
}
