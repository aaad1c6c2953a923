// Binance's public market-data hosts: what --ws-url / --rest-url are compared with (another host gets a warning).

/**
 * Spot streams "wss://stream.binance.com:9443" (web-socket-streams.md); spot REST "https://api.binance.com" and
 * the clusters "api1/api2/api3.binance.com" (rest-api.md, "General API Information"); USD-M streams
 * "wss://fstream.binance.com" and REST "https://fapi.binance.com" (the endpoints in binance-public-endpoints.ts).
 * Hosts only: ports and paths are not compared.
 */
export const BINANCE_PUBLIC_HOSTS: readonly string[] = [
  'stream.binance.com',
  'fstream.binance.com',
  'api.binance.com',
  'api1.binance.com',
  'api2.binance.com',
  'api3.binance.com',
  'fapi.binance.com',
];
