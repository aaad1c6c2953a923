// Bybit's public market-data hosts: what --ws-url is compared with (another host gets a warning).
import { BYBIT_PUBLIC_URLS } from './ws/bybit-ws-protocol.js';

/** The host of every "WebSocket public stream — Mainnet" URL (wss-authentication.mdx): stream.bybit.com. */
export const BYBIT_PUBLIC_HOSTS: readonly string[] = [...new Set(Object.values(BYBIT_PUBLIC_URLS).map((url) => new URL(url).hostname))];
