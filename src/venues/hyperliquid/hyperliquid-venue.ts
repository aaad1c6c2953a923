// Hyperliquid's module (perpetuals, wallet-signed L1 actions): bundled or saved meta, Alo/Ioc/Gtc and reduce-only, rules and /exchange gate, signer, live streams and replay kit.
import { basename } from 'node:path';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { VenueModule } from '../venue-module.js';
import { catalogOf, type VenueInstrument } from '../shared/venue-instrument.js';
import { HyperliquidAnswers } from './hyperliquid-answers.js';
import { HyperliquidApiGate } from './hyperliquid-api-gate.js';
import { HYPERLIQUID_BUNDLED_META_DATE, HYPERLIQUID_BUNDLED_META_JSON, HYPERLIQUID_BUNDLED_REFERENCE_PRICES } from './hyperliquid-bundled-meta.js';
import { HYPERLIQUID_CREDENTIAL_NAMES } from './hyperliquid-credentials.js';
import { HYPERLIQUID_PERP_FEES } from './hyperliquid-fees.js';
import { parseHyperliquidMeta, type HyperliquidInstrument } from './hyperliquid-instruments.js';
import { hyperliquidReplay } from './hyperliquid-replay-kit.js';
import { hyperliquidSigner } from './hyperliquid-signer.js';
import { HyperliquidVenueRules } from './hyperliquid-venue-rules.js';
import { hyperliquidLive } from './ws/hyperliquid-live.js';

const RULES =
  'checked in this order on arrival (tick-and-lot-size, error-responses docs): price at most 5 significant figures and 6 - szDecimals decimals (integers always valid; else tickRejected), size in szDecimals, order value at least $10 (minTradeNtlRejected); an Alo order that would take is rejected (badAloPxRejected); a reduce-only order that would open or grow the position is rejected (reduceOnlyRejected); an Ioc order takes at the touch and its rest is cancelled ("canceled"), or refused when nothing filled (iocCancelRejected); a refused order is still answered HTTP 200, status "ok", its reason in statuses[i].error (venue_api.answers)';

/** Synthetic-market defaults of the bundled coins: the project's start prices and σ of BTC, ETH and SOL. */
const MARKET_DEFAULTS: Readonly<Record<string, { readonly volatilityBps: string }>> = { BTC: { volatilityBps: '0.5' }, ETH: { volatilityBps: '0.7' }, SOL: { volatilityBps: '1' } };

function venueInstrument(coin: HyperliquidInstrument, provenance: string, takenAt: string | null): VenueInstrument {
  const start = coin.tickReferencePrice;
  return {
    spec: coin.spec,
    provenance,
    takenAt,
    details: coin,
    startPrice: start,
    volatilityBps: MARKET_DEFAULTS[coin.spec.symbol]?.volatilityBps ?? '1',
    spreadTicks: 1,
  };
}

export const hyperliquidVenue: VenueModule = {
  name: 'hyperliquid',
  label: 'Hyperliquid',
  summary: 'hyperliquid (Hyperliquid perpetuals, wallet-signed)',
  rateLimitAnswer: 'HTTP 429 per IP, "Too many cumulative requests sent" per address',
  defaultSymbols: ['BTC', 'ETH'],
  markets: { flag: null, names: ['default'], default: 'default', labels: { default: '' }, notes: { default: 'USDC perpetuals' }, fees: { default: HYPERLIQUID_PERP_FEES } },
  catalog: {
    sourceRequest: () => 'POST /info {"type":"meta"} or {"type":"metaAndAssetCtxs"}',
    noFileReason: null,
    load(_market, file) {
      if (file !== null) {
        const coins = parseHyperliquidMeta(file.json, file.path, HYPERLIQUID_BUNDLED_REFERENCE_PRICES);
        return catalogOf(`Hyperliquid perps from ${file.path}`, coins.map((c) => venueInstrument(c, `--instruments ${basename(file.path)}`, null)));
      }
      // The whole recorded universe is parsed (asset indexes are positions in it); the catalog keeps the coins with a
      // reference price (BTC, ETH, SOL): the others need --instruments with a newer response.
      const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled Hyperliquid meta', HYPERLIQUID_BUNDLED_REFERENCE_PRICES).filter(
        (c) => c.tickReferencePrice !== null,
      );
      const provenance = 'meta response recorded by the official python SDK test cassette (hyperliquid-python-sdk 7ee976d)';
      return catalogOf('Hyperliquid perps (bundled)', coins.map((c) => venueInstrument(c, provenance, HYPERLIQUID_BUNDLED_META_DATE)));
    },
  },
  orderOptions: {
    supported: () => ['postOnly', 'reduceOnly', 'timeInForce=GTC|IOC'],
    refusal: () => null,
    check(_market, options) {
      if (options.timeInForce === 'FOK') throw new UsageError('--order-options timeInForce=FOK is not allowed for hyperliquid: its time in force is Alo (postOnly), Ioc or Gtc');
      if (options.postOnly && options.timeInForce === 'IOC') throw new UsageError("--order-options postOnly,timeInForce=IOC is not allowed for hyperliquid: postOnly is the Alo time in force, so it cannot also be Ioc");
    },
    amendsPrice: () => ({ price: true, note: '' }),
    exitOcoRefusal: () => ({ why: 'it needs OCO order lists, which Hyperliquid has none of', instead: 'venue' }),
  },
  wire(input) {
    const coins = new Map<string, HyperliquidInstrument>(input.instruments.map((v) => [v.spec.symbol, v.details as HyperliquidInstrument]));
    // One log of the venue's answers: the rules write the order answers, the gate its own refusals, and reports them all.
    const answers = new HyperliquidAnswers();
    return {
      rules: new HyperliquidVenueRules(input.fees, coins, answers),
      gate: new HyperliquidApiGate({ instruments: input.built, coins, throttle: input.throttle, clientIdPrefix: input.clientIdPrefix, dryRun: input.dryRun, answers }),
      model: { market: 'perp', rules: RULES },
      bindVenue: () => {},
    };
  },
  describeInstrument(instrument) {
    const c = instrument.details as HyperliquidInstrument;
    return { asset: c.asset, sz_decimals: c.szDecimals, max_leverage: c.maxLeverage, tick_reference_price: c.tickReferencePrice };
  },
  signer: hyperliquidSigner,
  credentials: HYPERLIQUID_CREDENTIAL_NAMES,
  noApi: null,
  live: hyperliquidLive,
  replay: hyperliquidReplay,
  examples: {
    program: ['$ shadow-exec run --exchange hyperliquid --symbols BTC,ETH --mode dryrun --journal hl-requests.jsonl'],
    run: [
      '$ shadow-exec run --exchange hyperliquid --symbols BTC,ETH,SOL --order-options postOnly',
      '$ shadow-exec run --exchange hyperliquid --symbols BTC --mode dryrun --journal hl-requests.jsonl',
    ],
  },
};
