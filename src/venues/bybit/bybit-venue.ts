// Bybit's module (V5 API, spot and linear): categories, bundled or saved instruments, order options, rules and API gate, signer, live endpoints and replay kit.
import { BYBIT_TARDIS_EXCHANGES } from './bybit-data-vendors.js';
import { basename } from 'node:path';
import type { VenueModule } from '../venue-module.js';
import { catalogOf, withMarketDefaults } from '../shared/venue-instrument.js';
import { BybitApiGate } from './bybit-api-gate.js';
import { BYBIT_BUNDLED_INSTRUMENTS } from './bybit-bundled-instruments.js';
import { BYBIT_CATEGORIES, BYBIT_DEFAULT_FEES, type BybitCategory } from './bybit-category.js';
import { parseBybitInstrumentsInfo, type BybitInstrument } from './bybit-instruments.js';
import { bybitReplay } from './bybit-replay-kit.js';
import { checkBybitOptions } from './bybit-requests.js';
import { bybitSigner } from './bybit-signer.js';
import { BybitVenueRules } from './bybit-venue-rules.js';
import { bybitLive } from './ws/bybit-live.js';

const TIME_IN_FORCE = 'timeInForce=GTC|IOC|FOK';
const category = (market: string): BybitCategory => market as BybitCategory;

const RULES =
  'checked in this order on arrival: tick grid, price band, qty step, min qty, max qty (post-only: its own maximum), min order value; a post-only order that would take is cancelled (EC_PostOnlyWillTakeLiquidity); a reduce-only order must face the position and not exceed it (else 110017); IOC/FOK take at the touch up to its displayed size and cancel the rest';

export const bybitVenue: VenueModule = {
  name: 'bybit',
  label: 'Bybit',
  summary: 'bybit (Bybit V5)',
  rateLimitAnswer: 'retCode 10006',
  markets: { flag: '--category', names: BYBIT_CATEGORIES, default: 'linear', labels: { linear: 'linear', spot: 'spot' }, notes: { linear: 'USDT perpetuals' }, fees: BYBIT_DEFAULT_FEES },
  catalog: {
    sourceRequest: () => '/v5/market/instruments-info',
    noFileReason: null,
    load(market, file) {
      const c = category(market);
      if (file !== null) {
        const provenance = `--instruments ${basename(file.path)}`;
        const list = parseBybitInstrumentsInfo(file.json, c, file.path).map((b) => withMarketDefaults(b, provenance, b));
        return catalogOf(`Bybit ${c} instruments from ${file.path}`, list);
      }
      const list = BYBIT_BUNDLED_INSTRUMENTS[c].flatMap((bundle) =>
        parseBybitInstrumentsInfo(bundle.response, c, 'bundled Bybit instruments').map((b) => withMarketDefaults(b, bundle.provenance, b)),
      );
      return catalogOf(`Bybit ${c} (bundled)`, list);
    },
  },
  orderOptions: {
    supported: (market) => (market === 'spot' ? ['postOnly', TIME_IN_FORCE] : ['postOnly', 'reduceOnly', TIME_IN_FORCE]),
    refusal: (name, market) => (name === 'reduceOnly' && market === 'spot' ? 'reduceOnly is valid for category linear only' : null),
    check: (market, options) => checkBybitOptions(category(market), 'Limit', options),
    amendsPrice: () => ({ price: true, note: '' }),
    exitOcoRefusal: () => ({ why: 'it needs OCO order lists, which Bybit V5 has none of', instead: 'venue' }),
  },
  wire(input) {
    const c = category(input.market);
    const details = new Map<string, BybitInstrument>(input.instruments.map((v) => [v.spec.symbol, v.details as BybitInstrument]));
    return {
      rules: new BybitVenueRules(c, input.fees, details),
      gate: new BybitApiGate({ category: c, instruments: input.built, throttle: input.throttle, linkIdPrefix: input.clientIdPrefix, dryRun: input.dryRun }),
      model: { category: c, rules: RULES },
      bindVenue: () => {},
    };
  },
  describeInstrument(instrument) {
    const b = instrument.details as BybitInstrument;
    return { min_price: b.minPrice, max_price: b.maxPrice, post_only_max_qty: b.postOnlyMaxQty };
  },
  signer: bybitSigner,
  credentials: { apiKey: 'BYBIT_API_KEY', apiSecret: 'BYBIT_API_SECRET' },
  noApi: null,
  live: bybitLive,
  replay: bybitReplay,
  historicalData: { tardisExchanges: BYBIT_TARDIS_EXCHANGES, importSources: [] },
  examples: {
    program: ['$ shadow-exec run --exchange bybit --mode dryrun --journal requests.jsonl'],
    run: [
      '$ shadow-exec run --exchange bybit --category linear --order-options postOnly',
      '$ shadow-exec run --exchange bybit --mode dryrun --journal requests.jsonl',
      '$ shadow-exec run --exchange bybit --latency-ms 0 --requote-bps 0 --no-throttle   # rate-limit storm',
    ],
  },
};
