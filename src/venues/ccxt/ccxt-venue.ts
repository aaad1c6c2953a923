// The ccxt venue module factory: `--exchange ccxt:<id>` as a generic venue built from ccxt's unified market structure (precision, limits, fees, contract size) and the exchange class's `features`.
//
// Faithful: the grid (tick, lot), the limits (amount, price, cost), the default fees and the order options ccxt knows for
// the market. Generic: rejections are ccxt's unified error classes, not the venue's own codes and messages; no rate
// limits, no request signing, no venue-specific order rules (price bands, open-order caps). The report says so.
import { ShadowExecError, UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { DefaultFees, VenueModule } from '../venue-module.js';
import type { CcxtInstrumentDetails } from './ccxt-instruments.js';
import { ccxtCatalog, ccxtInstrumentFees } from './ccxt-instruments.js';
import { newCcxtExchange, type CcxtExchange } from './ccxt-library.js';
import { encodeCcxtMarketsFile, readCcxtMarketsFile } from './ccxt-markets-file.js';
import { CCXT_MARKETS } from './ccxt-market-type.js';
import { ccxtDecimal } from './ccxt-number.js';
import { PRECISION_MODES, precisionModeRefusal } from './ccxt-precision.js';
import { checkOrderOptions, orderSupport, supportedWords } from './ccxt-order-options.js';
import { CcxtVenueRules } from './ccxt-venue-rules.js';
import { ccxtStreams } from './ccxt-streams.js';

/** The prefix of a ccxt venue's --exchange value ("ccxt:okx"). */
export const CCXT_PREFIX = 'ccxt';

/** What the report's simplifications add for a ccxt venue. */
export const CCXT_SIMPLIFICATIONS: readonly string[] = [
  'ccxt venue: rejections use ccxt’s unified error classes (ccxt.InvalidOrder, ccxt.OrderNotFound, ccxt.OrderImmediatelyFillable, ccxt.InvalidNonce); the venue’s own error codes and messages, rate limits and venue-specific order rules are not modelled',
];

/** What the report's simplifications add for a ccxt venue whose quotes move by amend (--requote-mode amend). */
export const CCXT_AMEND_SIMPLIFICATION =
  'ccxt venue, --requote-mode amend: an amend stands for ccxt’s unified editOrder (allowed where the class’s has.editOrder is true, a native edit); it is the simulator’s generic amend (a new price or a larger amount goes to the back of the queue, a smaller amount keeps its place); the venue’s own amend rules (whether it keeps priority, amend limits and codes) are not modelled, and classes whose editOrder is emulated (cancel + create) or missing are refused amend: their quotes move by cancel + new order (--requote-mode replace)';

/** Whether ccxt's class edits orders natively (has.editOrder true), and the refusal of --requote-mode amend otherwise. */
function editOrderSupport(exchange: CcxtExchange, name: string): { readonly price: boolean; readonly note: string } {
  const has = exchange.has['editOrder'];
  if (has === true) return { price: true, note: '' };
  const what = has === 'emulated' ? "ccxt emulates its editOrder (cancel + create)" : `ccxt's class has no editOrder (has.editOrder ${String(has)})`;
  return { price: false, note: `${what} for ${name}: use --requote-mode replace (cancel + new order)` };
}

/** The class's default trading fee (a fraction of notional) in bps, or "0" when it declares none. */
function classFeeBps(exchange: CcxtExchange, key: 'maker' | 'taker'): string {
  const rate = ccxtDecimal(exchange.fees.trading?.[key]);
  return rate === null ? '0' : rate.times(10000).toFixed();
}

/** The module of `ccxt:<id>`; UsageError when ccxt has no such exchange. Loads ccxt (only ever for a ccxt venue). */
export async function ccxtVenue(id: string): Promise<VenueModule> {
  const { exchange, pro, version } = await newCcxtExchange(id);
  const name = `${CCXT_PREFIX}:${id}`;
  const label = `ccxt:${id}`;
  const classFees: DefaultFees = { makerBps: classFeeBps(exchange, 'maker'), takerBps: classFeeBps(exchange, 'taker') };
  const support = { spot: orderSupport(exchange.features, 'spot'), swap: orderSupport(exchange.features, 'swap') };
  const supportOf = (market: string): ReturnType<typeof orderSupport> => (market === 'swap' ? support.swap : support.spot);
  const amend = editOrderSupport(exchange, name);
  return {
    name,
    label,
    summary: `${name} (any ccxt exchange: generic rules from its markets)`,
    rateLimitAnswer: null,
    markets: {
      flag: '--market',
      names: [...CCXT_MARKETS],
      default: 'spot',
      labels: { spot: 'spot', swap: 'swap' },
      notes: { swap: 'perpetual swaps (linear)' },
      fees: { spot: classFees, swap: classFees },
    },
    catalog: {
      sourceRequest: () => `loadMarkets() (shadow-exec markets ${name} --out FILE)`,
      noFileReason: null,
      load(market, file) {
        if (file === null) {
          // No catalog without a saved file (ccxt ships no market data): help lists none, a run is refused at its first symbol.
          const why = `--exchange ${name} needs --instruments FILE: a saved loadMarkets() (shadow-exec markets ${name} --out FILE) — ccxt ships no market data`;
          return {
            description: `${name} without --instruments`,
            symbols: [],
            find: () => {
              throw new UsageError(why);
            },
          };
        }
        const saved = readCcxtMarketsFile(file.json, id, file.path);
        const mode = saved.precisionMode ?? exchange.precisionMode;
        const refusal = precisionModeRefusal(mode, id);
        if (refusal !== null) throw new UsageError(`--exchange ${name}: ${refusal}`);
        const provenance = `${file.path.split(/[\\/]/).pop()} (ccxt ${saved.ccxt ?? 'unknown version'} loadMarkets(), ${PRECISION_MODES[mode]})${saved.source === null ? '' : `: ${saved.source}`}`;
        return ccxtCatalog(saved, mode, market, provenance);
      },
      instrumentFees: (_market, instruments) => ccxtInstrumentFees(instruments),
      async download() {
        let markets: Record<string, unknown>;
        try {
          markets = await exchange.loadMarkets();
        } catch (error) {
          const what = error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error);
          throw new ShadowExecError('E_FEED_FAILED', `${name}: loadMarkets() failed (${what}); without the network, build the file from a saved response instead (docs: README "Any venue via ccxt")`, { retryable: true, advice: 'check the network, then retry' });
        }
        return encodeCcxtMarketsFile({
          exchange: id,
          ccxt: version,
          precisionMode: exchange.precisionMode,
          takenAt: new Date().toISOString(),
          source: `shadow-exec markets ${name}: ccxt ${version} loadMarkets()`,
          markets: JSON.parse(JSON.stringify(markets)) as Record<string, Record<string, unknown>>,
        });
      },
    },
    orderOptions: {
      supported: (market) => supportedWords(supportOf(market)),
      refusal: (option, market) =>
        option === 'reduceOnly' ? `reduceOnly is a ccxt contract-market param (${name} --market swap)` : option === 'postOnly' ? `${supportOf(market).source} does not mark PO (post-only) as supported` : null,
      check: (market, options) => checkOrderOptions(supportOf(market), `${name} ${market}`, options),
      amendsPrice: () => amend,
      exitOcoRefusal: () => ({ why: 'ccxt has no unified OCO order list', instead: 'venue' }),
    },
    wire(input) {
      const details = new Map(input.instruments.map((v) => [v.spec.symbol, v.details as CcxtInstrumentDetails]));
      return {
        rules: new CcxtVenueRules(name, input.fees, details),
        gate: undefined,
        model: {
          market: input.market,
          ccxt: version,
          precision_mode: PRECISION_MODES[exchange.precisionMode] ?? String(exchange.precisionMode),
          order_options_source: supportOf(input.market).source,
          rules: 'generic: precision (tick, lot) and limits (amount, price, cost) of the saved ccxt markets as integer filters; rejections are ccxt unified error classes',
        },
        bindVenue: () => {},
        // The amend line only on amend runs: reports of cancel + replace runs keep their exact bytes.
        simplifications: input.requoteMode === 'amend' ? [...CCXT_SIMPLIFICATIONS, CCXT_AMEND_SIMPLIFICATION] : CCXT_SIMPLIFICATIONS,
      };
    },
    describeInstrument(instrument) {
      const d = instrument.details as CcxtInstrumentDetails;
      const out: Record<string, JsonValue> = {
        ccxt_id: d.id,
        settlement: d.settlement,
        contract_size: d.contractSize,
        venue_amount_step: d.venueLot,
        min_price: d.minPrice,
        max_price: d.maxPrice,
        max_cost: d.maxCost,
        maker_fee_bps: d.maker === null ? null : new Decimal(d.maker).times(10000).toFixed(),
        taker_fee_bps: d.taker === null ? null : new Decimal(d.taker).times(10000).toFixed(),
        off_grid_limits: [...d.offGrid],
      };
      return out;
    },
    signer: undefined,
    credentials: undefined,
    noApi: {
      signing: `${name} signs no requests (shadow-exec never sends a ccxt order)`,
      dryrun: `${name} has no wire format here to render or sign`,
      journal: `${name} renders and signs no requests`,
    },
    live: undefined,
    streams: pro ? ccxtStreams(id, name) : undefined,
    replay: {
      markets: [...CCXT_MARKETS],
      kit: () => {
        throw new UsageError(`${name} recordings hold normalized records (replay format version 2): a frame replay of a ccxt venue does not exist`);
      },
    },
    examples: { program: [], run: [] },
  };
}
