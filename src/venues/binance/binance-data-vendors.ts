// Binance's ids at market-data vendors: the tardis.dev exchange ids whose CSVs replay as Binance spot and USD-M.
// tardis.dev ids (https://api.tardis.dev/v1/exchanges; docs.tardis.dev "Historical data details": Binance Spot = binance, Binance USDT Futures = binance-futures).
import type { TardisExchange } from '../../feeds/import/tardis-exchange.js';

export const BINANCE_TARDIS_EXCHANGES: readonly TardisExchange[] = [
  { id: 'binance', venue: 'binance', market: 'spot' },
  { id: 'binance-futures', venue: 'binance', market: 'usdm' },
];
