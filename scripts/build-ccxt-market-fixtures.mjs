// Builds test/fixtures/ccxt/<id>-markets.json offline: ccxt's own loadMarkets() of each exchange class, its HTTP `fetch` answered from the documented raw responses in test/fixtures/ccxt/raw/<id>.json (no network). Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ccxt from 'ccxt';
import { encodeCcxtMarketsFile } from '../dist/src/venues/ccxt/ccxt-markets-file.js';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Per exchange: the ccxt options that keep loadMarkets() to the documented endpoints. */
const OPTIONS = {
  binance: { fetchMarkets: { types: ['spot', 'linear'] }, fetchCurrencies: false },
  okx: { fetchMarkets: { types: ['spot', 'swap'] }, fetchCurrencies: false },
  kraken: { fetchCurrencies: false },
};

for (const id of Object.keys(OPTIONS)) {
  const raw = JSON.parse(readFileSync(`${root}test/fixtures/ccxt/raw/${id}.json`, 'utf8'));
  const exchange = new ccxt[id]({ options: OPTIONS[id] });
  const asked = [];
  exchange.fetch = async (url) => {
    const { pathname, search } = new URL(url);
    const key = Object.keys(raw.responses).find((k) => k === pathname + search || k === pathname);
    asked.push(pathname + search);
    if (key === undefined) throw new Error(`${id}: no documented response for ${url}`);
    return raw.responses[key];
  };
  const markets = await exchange.loadMarkets();
  const text = encodeCcxtMarketsFile({
    exchange: id,
    ccxt: ccxt.version,
    precisionMode: exchange.precisionMode,
    takenAt: null,
    source: `scripts/build-ccxt-market-fixtures.mjs: ccxt ${ccxt.version} ${id}.loadMarkets() offline, answering ${[...new Set(asked)].join(', ')} from test/fixtures/ccxt/raw/${id}.json (${raw.source})`,
    markets: JSON.parse(JSON.stringify(markets)),
  });
  writeFileSync(`${root}test/fixtures/ccxt/${id}-markets.json`, text);
  console.log(`${id}: ${Object.keys(markets).join(', ')} (asked ${[...new Set(asked)].join(', ')})`);
}
