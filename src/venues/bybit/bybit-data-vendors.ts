// Bybit's ids at market-data vendors: the tardis.dev exchange ids whose CSVs replay as Bybit spot and linear.
// tardis.dev ids (https://api.tardis.dev/v1/exchanges; docs.tardis.dev "Historical data details": Bybit Spot = bybit-spot, Bybit Derivatives = bybit).
// tardis' `bybit` feed holds linear (USDT) and inverse contracts alike; this program runs linear ones (USDT-quoted symbols).
import type { TardisExchange } from '../../feeds/import/tardis-exchange.js';

export const BYBIT_TARDIS_EXCHANGES: readonly TardisExchange[] = [
  { id: 'bybit-spot', venue: 'bybit', market: 'spot' },
  { id: 'bybit', venue: 'bybit', market: 'linear' },
];
