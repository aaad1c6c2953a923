// The Binance public-data import source: `shadow-exec import binance-vision FILE...` over data.binance.vision CSVs and their .zip archives.
import { UsageError } from '../../../core/errors/shadow-exec-error.js';
import type { ImportSource } from '../../../feeds/import/import-source.js';
import { BinanceVisionReader, binanceVisionFile, binanceVisionMarketOfPath, type BinanceVisionMarket } from './binance-vision-reader.js';

const VENUE = 'binance';

export function binanceVisionSource(): ImportSource {
  return {
    name: 'binance-vision',
    summary: 'Binance public-data files (data.binance.vision CSVs or their .zip archives) → a normalized replay file',
    help: [
      'Reads spot aggTrades and trades (no header row; µs timestamps from 2025-01-01, ms before) and USD-M aggTrades, trades and',
      'bookTicker (header row; ms), as github.com/binance/binance-public-data documents them, from <SYMBOL>-<type>-<date>.csv or .zip',
      '(the archive\'s one CSV is inflated as a stream). Trades become trade records (a buyer-maker trade was a taker sell), bookTicker',
      'rows quote records; rows are ordered by time, then update/trade id. Binance files carry no receive time: it is the venue time.',
      'The market comes from --market, else the path (…/spot/…, …/futures/um/…), else the columns (spot rows have isBestMatch).',
    ].join(' '),
    options: [{ flags: '--market <market>', description: 'spot or usdm (USD-M futures); default: from the path or the columns' }],
    readerFor(path, options) {
      const { symbol, kind } = binanceVisionFile(path);
      const given = options['market'];
      if (given !== undefined && given.toLowerCase() !== 'spot' && given.toLowerCase() !== 'usdm') throw new UsageError(`--market '${given}' is not allowed: expected spot or usdm`);
      const market = (given?.toLowerCase() as BinanceVisionMarket | undefined) ?? binanceVisionMarketOfPath(path);
      return (label) => new BinanceVisionReader(label, symbol, kind, market, VENUE);
    },
  };
}
