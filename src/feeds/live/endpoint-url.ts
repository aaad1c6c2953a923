// Endpoint URL rules for --ws-url and --rest-url: absolute, of the right scheme, and nothing a public market-data endpoint never needs (credentials, query, fragment).
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

/**
 * `raw` parsed as an absolute URL of one of `schemes` ("wss:"), without user:password@, query or fragment;
 * otherwise an E_CONFIG error. A public market-data endpoint takes no credentials (they would be sent to
 * whoever runs the host) and the streams are subscribed after connecting, so a query or fragment is a
 * mistake or a smuggled token. Messages never repeat the credentials, the query or the fragment.
 */
export function checkEndpointUrl(raw: string, what: 'WebSocket' | 'REST', schemes: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ShadowExecError('E_CONFIG', `${what} URL '${raw}' is not a valid URL`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new ShadowExecError('E_CONFIG', `${what} URL '${raw}' must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
  }
  const where = `${what} URL of host '${url.host}'`;
  if (url.username !== '' || url.password !== '') {
    throw new ShadowExecError('E_CONFIG', `${where} carries credentials (user:password@): a public market-data endpoint takes none, and they would be sent to the host`);
  }
  if (url.search !== '' || raw.includes('?')) {
    throw new ShadowExecError('E_CONFIG', `${where} carries a query (?…): give the endpoint without one (streams are subscribed after connecting)`);
  }
  if (url.hash !== '' || raw.includes('#')) throw new ShadowExecError('E_CONFIG', `${where} carries a fragment (#…): give the endpoint without one`);
  return url;
}
