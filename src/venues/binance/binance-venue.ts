// Binance's module (spot and USD-M futures): markets, bundled or saved exchangeInfo, order options, rules and API gate, signer, live endpoints and replay kit.
import { BINANCE_TARDIS_EXCHANGES } from './binance-data-vendors.js';
import { binanceVisionSource } from './import/binance-vision-source.js';
import { basename } from 'node:path';
import type { VenueModule } from '../venue-module.js';
import { catalogOf, withMarketDefaults } from '../shared/venue-instrument.js';
import { BinanceApiGate } from './binance-api-gate.js';
import { BINANCE_BUNDLED_INSTRUMENTS } from './binance-bundled-instruments.js';
import { parseBinanceExchangeInfo, type BinanceInstrument } from './binance-instruments.js';
import { BINANCE_DEFAULT_FEES, BINANCE_MARKETS, type BinanceMarket } from './binance-market.js';
import { binanceReplay } from './binance-replay-kit.js';
import { binanceAmendSupport, checkBinanceOptions } from './binance-requests.js';
import { binanceSigner } from './binance-signer.js';
import { BinanceVenueRules } from './binance-venue-rules.js';
import { binanceLive } from './ws/binance-live.js';

const TIME_IN_FORCE = 'timeInForce=GTC|IOC|FOK';
const marketOf = (market: string): BinanceMarket => market as BinanceMarket;

const RULES: Readonly<Record<BinanceMarket, string>> = {
  spot: 'checked on arrival: PRICE_FILTER, LOT_SIZE, NOTIONAL, ICEBERG_PARTS, MAX_NUM_ORDERS (-1013 "Filter failure: …"), then iceberg checks (-2010); LIMIT_MAKER that would take: -2010 "Order would immediately match and take."; IOC/FOK remainder: EXPIRED; OCO: each leg\'s filters, then LIMIT_MAKER price > last > stop (SELL) or < last < stop (BUY), the mid standing in for the last price',
  usdm: 'checked on arrival: PRICE_FILTER (-4014/-4013/-4002), LOT_SIZE (-4023/-4004/-4005), MIN_NOTIONAL (-4164, not for reduce-only), open orders (-2025); GTX that would take: -5022; reduceOnly that would grow: -2022; IOC remainder EXPIRED; FOK that cannot fill: -5021',
};

export const binanceVenue: VenueModule = {
  name: 'binance',
  label: 'Binance',
  summary: 'binance (spot or USD-M futures)',
  rateLimitAnswer: 'HTTP 429, then 418 bans',
  markets: { flag: '--market', names: BINANCE_MARKETS, default: 'spot', labels: { spot: 'spot', usdm: 'USD-M' }, notes: { usdm: 'USD-M futures' }, fees: BINANCE_DEFAULT_FEES },
  catalog: {
    sourceRequest: (market) => (market === 'spot' ? 'GET /api/v3/exchangeInfo' : 'GET /fapi/v1/exchangeInfo'),
    noFileReason: null,
    load(market, file) {
      const m = marketOf(market);
      const label = m === 'spot' ? 'spot' : 'USD-M';
      if (file !== null) {
        const provenance = `--instruments ${basename(file.path)}`;
        const list = parseBinanceExchangeInfo(file.json, m, file.path).map((b) => withMarketDefaults(b, provenance, b));
        return catalogOf(`Binance ${label} instruments from ${file.path}`, list);
      }
      const list = BINANCE_BUNDLED_INSTRUMENTS[m].flatMap((bundle) =>
        parseBinanceExchangeInfo(bundle.response, m, 'bundled Binance instruments').map((b) => withMarketDefaults(b, bundle.provenance, b)),
      );
      return catalogOf(`Binance ${label} (bundled)`, list);
    },
  },
  orderOptions: {
    supported: (market) => (market === 'spot' ? ['postOnly', TIME_IN_FORCE, 'icebergQty=QTY'] : ['postOnly', 'reduceOnly', TIME_IN_FORCE]),
    refusal(name, market) {
      if (name === 'reduceOnly' && market === 'spot') return 'reduceOnly is valid on Binance USD-M futures only';
      if (name === 'icebergQty' && market === 'usdm') return 'icebergQty is valid on Binance spot only';
      return null;
    },
    check: (market, options) => checkBinanceOptions(marketOf(market), { ...options, icebergQty: options.icebergQty ?? null }),
    amendsPrice: (market) => binanceAmendSupport(marketOf(market)),
    exitOcoRefusal: (market) => (market === 'usdm' ? { why: 'it needs OCO order lists, which Binance USD-M futures have none of', instead: 'market' } : null),
  },
  wire(input) {
    const market = marketOf(input.market);
    let venue: { openOrderCount(symbol: string): number } | null = null;
    const details = new Map<string, BinanceInstrument>(input.instruments.map((v) => [v.spec.symbol, v.details as BinanceInstrument]));
    const rules = new BinanceVenueRules(market, input.fees, details, {
      openOrders: (symbol) => venue?.openOrderCount(symbol) ?? 0,
      icebergQty: (request) => request.options?.icebergQty ?? null,
    });
    return {
      rules,
      gate: new BinanceApiGate({ market, instruments: input.built, throttle: input.throttle, latencyMs: input.latencyMs, clientIdPrefix: input.clientIdPrefix, dryRun: input.dryRun }),
      model: { market, rules: RULES[market] },
      bindVenue: (v) => {
        venue = v;
      },
    };
  },
  describeInstrument(instrument) {
    const b = instrument.details as BinanceInstrument;
    return {
      min_price: b.priceFilter.minPrice,
      max_price: b.priceFilter.maxPrice,
      notional_filter: b.notional?.filter ?? null,
      max_notional: b.notional?.max ?? null,
      iceberg_parts: b.icebergParts,
      max_num_orders: b.maxNumOrders,
    };
  },
  signer: binanceSigner,
  credentials: { apiKey: 'BINANCE_API_KEY', apiSecret: 'BINANCE_SECRET_KEY' },
  noApi: null,
  live: binanceLive,
  replay: binanceReplay,
  historicalData: { tardisExchanges: BINANCE_TARDIS_EXCHANGES, importSources: [binanceVisionSource()] },
  examples: {
    program: [
      '$ shadow-exec record --exchange binance --symbols BTCUSDT --duration 1m --out btc.jsonl',
      '$ shadow-exec run --exchange binance --feed replay:btc.jsonl      replay what was just recorded',
      "$ shadow-exec run --exchange binance --feed live --duration 5m   the venue's live public market data",
    ],
    run: [
      '$ shadow-exec run --exchange binance --market spot --spread-bps 40 --exit-oco 20:30 --order-options icebergQty=0.001',
      '$ shadow-exec run --exchange binance --market usdm --mode dryrun --journal usdm.jsonl',
      `$ shadow-exec run --exchange binance --instruments test/fixtures/replay/binance-spot-nknusdt-exchange-info.json \\
      --symbols NKNUSDT --feed replay:test/fixtures/replay/binance-spot-2021-10-11.jsonl --duration 10s`,
      '$ shadow-exec run --exchange binance --spread-bps 40 --feed live --duration 10m --ws-connections 2',
    ],
  },
};
