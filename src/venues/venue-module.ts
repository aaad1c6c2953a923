// VenueModule: everything the rest of the program needs of one venue, exported by each src/venues/<name>/ folder as one object and listed by the venue registry.
//
// A venue is one folder and one registry line (src/app/venue-registry.ts). Code outside src/venues/ reads a
// venue only through this interface: it never names a venue, never branches on one and never imports a venue
// folder's files (test/architecture/venue-names.test.ts enforces it). What a venue lacks is `undefined` (the fake
// venue has no API, no live endpoint and no replay kit), never a special case elsewhere. docs/adding-a-venue.md
// walks through the fake venue as the example of a complete module.
import type { ImportSource } from '../feeds/import/import-source.js';
import type { TardisExchange } from '../feeds/import/tardis-exchange.js';
import type { InstrumentSpec } from '../core/model/instrument.js';
import type { OrderOptions } from '../core/model/order.js';
import type { SymbolGridLookup } from '../core/market/symbol-grid.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import type { FeeSchedule } from '../core/sim/fee-schedule.js';
import type { RequestGate } from '../ports/request-gate.js';
import type { VenueRules } from '../ports/venue-rules.js';
import type { Instrument } from '../core/model/instrument.js';
import type { DepthSyncWatch } from '../feeds/live/depth-sync-watch.js';
import type { ReplayVenueKit } from '../ports/replay-venue-kit.js';
import type { WsVenueProtocol } from '../ports/ws-venue-protocol.js';
import type { CredentialNames, VenueCredentials } from '../ports/secret-provider.js';
import type { DryRunSettings } from './shared/dry-run.js';
import type { InstrumentCatalog, InstrumentFile, VenueInstrument } from './shared/venue-instrument.js';
import type { NormalizedRecord } from '../feeds/replay/normalized-record.js';
import type { Clock } from '../ports/clock.js';

/** Default fee rates of one market, bps of notional as decimal strings (negative maker = rebate). */
export interface DefaultFees {
  readonly makerBps: string;
  readonly takerBps: string;
}

/** The markets (Bybit: categories) a venue simulates, and the CLI flag that chooses one. */
export interface VenueMarkets {
  /**
   * The run flag that chooses the market ("--category", "--market"); null when the venue has one market only,
   * named `default` (the fake venue). A flag is owned by the venues that name it; given to another venue it is
   * refused naming its owner.
   */
  readonly flag: string | null;
  /** Market names in the order help and errors list them, lower case ("linear", "spot"). */
  readonly names: readonly string[];
  /** The market a run trades when the flag is not given; one of `names`. */
  readonly default: string;
  /** How messages name each market ("spot", "USD-M"); "" for the one market of a venue without a flag. */
  readonly labels: Readonly<Record<string, string>>;
  /** What a market is, where its name does not say it, for --help ("USDT perpetuals"); absent for the others. */
  readonly notes: Readonly<Record<string, string>>;
  /** Default fees per market name (overridden by --maker-fee-bps / --taker-fee-bps). */
  readonly fees: Readonly<Record<string, DefaultFees>>;
}

/** The venue's instrument catalog: bundled specs, or those of a saved response of the venue's instruments endpoint. */
export interface VenueCatalog {
  /**
   * The request whose saved response `--instruments FILE` reads for `market`, for messages
   * ("GET /api/v3/exchangeInfo"); null: the venue has one built-in catalog and takes no file (the fake venue).
   */
  sourceRequest(market: string): string | null;
  /** Why --instruments does not apply (when `sourceRequest` is null for every market); null otherwise. */
  readonly noFileReason: string | null;
  /**
   * The catalog of `market`: the bundled one when `file` is null, else the one parsed from `file` (already
   * JSON-parsed). Throws ShadowExecError E_CONFIG naming the file's problem.
   */
  load(market: string, file: InstrumentFile | null): InstrumentCatalog;
  /**
   * Default fees the resolved instruments carry themselves (a ccxt market's maker/taker), used instead of
   * `markets.fees[market]` (still overridden by --maker-fee-bps / --taker-fee-bps); absent or null: the market's.
   */
  instrumentFees?(market: string, instruments: readonly VenueInstrument[]): DefaultFees | null;
  /**
   * Fetches the instruments from the venue now and returns the text of a file `--instruments` reads (`shadow-exec
   * markets`); absent when the venue's catalog is bundled. UsageError/E_FEED_FAILED naming the network failure.
   */
  download?(): Promise<string>;
}

/** The --order-options a venue takes per market, and its own checks of a combination. */
export interface VenueOrderOptions {
  /** The options `market` accepts, in the words --order-options uses ("postOnly", "timeInForce=GTC|IOC|FOK"). */
  supported(market: string): readonly string[];
  /**
   * Why option `name` (not supported on `market`) is refused, e.g. "reduceOnly is valid for category linear only";
   * null: the option is another venue's ("icebergQty is a Binance spot option", said by the caller).
   */
  refusal(name: string, market: string): string | null;
  /** The venue's own check of a parsed combination; throws ShadowExecError with the venue's reason. */
  check(market: string, options: OrderOptions): void;
  /** Whether an amend can move an order's price on `market`; the reason when it cannot (--requote-mode amend). */
  amendsPrice(market: string): { readonly price: boolean; readonly note: string };
  /**
   * Why --exit-oco (OCO order lists) does not apply to `market`; null when it does. The caller adds what to use
   * instead: another market of this venue (`instead: 'market'`), or the other venues' markets that have OCO lists.
   */
  exitOcoRefusal(market: string): { readonly why: string; readonly instead: 'market' | 'venue' } | null;
}

/** What `wire` gets from the composition root. */
export interface VenueWireInput {
  readonly market: string;
  /** The traded instruments as the run resolved them (with `details`, the venue's own instrument records). */
  readonly instruments: readonly VenueInstrument[];
  /** The built instruments, by symbol. */
  readonly built: ReadonlyMap<string, Instrument>;
  readonly fees: FeeSchedule;
  /** Keys and journal of a --mode dryrun run; null otherwise (and always null on a venue without `gate`). */
  readonly dryRun: DryRunSettings | null;
  /** --no-throttle: false. */
  readonly throttle: boolean;
  /** --latency-ms, for the rate-limit windows of venues that count by arrival. */
  readonly latencyMs: number;
  /** Client order id prefix ("se<seed>-"). */
  readonly clientIdPrefix: string;
  /** --requote-mode: how moved quotes move (a venue may say in `simplifications` what its amend stands for). @default 'replace' */
  readonly requoteMode?: 'replace' | 'amend';
}

/** The rules and API gate a venue puts in front of the matching engine, and their description for the report. */
export interface VenueWiring {
  readonly rules: VenueRules;
  /** undefined: no API in front of the matching engine (the venue answers in-process, e.g. the fake venue). */
  readonly gate: RequestGate | undefined;
  /** The report's `model.venue` keys beside `instruments` and `order_options` (e.g. `category`, `rules`). */
  readonly model: Readonly<Record<string, JsonValue>>;
  /** Rules that ask the venue about its open orders learn the venue here, once it exists. */
  bindVenue(venue: { openOrderCount(symbol: string): number }): void;
  /** What the report's `simplifications` add for this venue (after the common ones); absent: nothing. */
  readonly simplifications?: readonly string[];
}

/** The request flags of `shadow-exec sign` a signer may read. */
export type SignFlagName = 'method' | 'path' | 'body' | 'query' | 'timestamp' | 'recvWindow' | 'action' | 'nonce';

/** The flags `shadow-exec sign` was given, as typed (the signer validates and reads what it needs). */
export interface SignFlags {
  readonly method: string;
  readonly path?: string;
  readonly body?: string;
  readonly query?: string;
  readonly timestamp?: string;
  readonly recvWindow: string;
  /** A wallet venue's action to sign (JSON) and its nonce (ms), for signers that name them so (`help.flags`). */
  readonly action?: string;
  readonly nonce?: string;
  /** True when the user gave `--<name>` (not its default). */
  given(name: 'method' | 'recvWindow' | 'timestamp'): boolean;
}

/** One request, checked and ready to sign once the keys are known. */
export interface PreparedSignature {
  /** The JSON `sign` prints: what was signed, the signature and the headers, the key masked by `mask`. */
  sign(credentials: VenueCredentials, mask: (apiKey: string) => string): JsonValue;
}

/**
 * How a venue signs requests. HMAC venues sign with an API key and secret; a wallet venue (Hyperliquid: a secp256k1
 * private key signing an EIP-712 action) reads its key pair as (account address, private key) from the same
 * credential store and signs in `prepare(...).sign`. The dry-run gate signs through the venue's own request code.
 */
export interface VenueSigner {
  /** What the secret of the pair is: an HMAC secret, or a wallet's private key. */
  readonly keyKind: 'hmac-secret' | 'wallet-private-key';
  /** Help line of `sign`: what this venue signs ("Bybit V5 (X-BAPI-*)"). */
  readonly summary: string;
  /** `sign --help`: this venue's part of each flag's description ("bybit: GET (signs --query) or POST (signs --body)"), and its examples. */
  readonly help: { readonly flags: Readonly<Partial<Record<SignFlagName, string>>>; readonly examples: readonly string[] };
  /**
   * Checks the flags (UsageError naming the flag) and returns the request to sign; `nowMs` is the wall clock for a
   * default timestamp. A flag this signer does not read is refused through `refuse(flag, why)`, which words it like every
   * venue refusal and adds the venues whose signers read it (`help.flags`).
   */
  prepare(flags: SignFlags, nowMs: number, refuse: (flag: string, why: string) => Error): PreparedSignature;
}

/** Names of the environment variables holding a venue's key pair (an `_<API-ENV>` suffixed pair wins; a wallet venue: address and private key). */
export type VenueCredentialNames = CredentialNames;

/** A venue's public market data endpoint, overrides applied. */
export interface LiveEndpoint {
  readonly venue: string;
  readonly market: string;
  /** WebSocket URL dialled by every connection. */
  readonly wsUrl: string;
  /** REST base of depth snapshots (no trailing slash); null when book snapshots arrive on the socket. */
  readonly restUrl: string | null;
}

/** A venue's public market data: endpoints, WebSocket protocol, topics and book snapshots. */
export interface VenueLive {
  /** The public endpoint of `market` with the --ws-url / --rest-url overrides (ShadowExecError E_CONFIG when malformed or not applicable). */
  endpoint(market: string, wsUrl: string | null, restUrl: string | null): LiveEndpoint;
  /** Why --rest-url does not apply (book snapshots arrive on the socket); null when the venue takes one. */
  readonly restUrlRefusal: string | null;
  /** The WebSocket protocol hooks for an endpoint (ping, subscribe, limits, frame classes). */
  protocol(endpoint: LiveEndpoint): WsVenueProtocol;
  /** Stream kinds subscribed per symbol by default ("depth@100ms"). */
  readonly defaultStreams: readonly string[];
  /** Topics for `symbols` × `kinds`, symbol-major, in the venue's spelling. */
  topics(symbols: readonly string[], kinds: readonly string[]): string[];
  /** Hosts of the venue's public endpoints (a --ws-url elsewhere is warned about). */
  readonly publicHosts: readonly string[];
  /** REST depth snapshots the live book sync fetches; undefined when book snapshots arrive on the socket. */
  readonly snapshots:
    | {
        /** "GET /api/v3/depth?symbol=BTCUSDT&limit=1000": the request line fetched and stored in a replay `rest` record. */
        requestLine(market: string, symbol: string): string;
        /** The watch a recording uses to decide when a symbol needs a snapshot. */
        watch(market: string, symbols: readonly string[]): DepthSyncWatch;
      }
    | undefined;
  /** The topic re-subscribed to get a fresh book snapshot of `symbol` (venues whose snapshots arrive on the socket); undefined otherwise. */
  bookTopic?(symbol: string): string;
  /** The report's `model.market.gaps`: what an unsynced book does. */
  readonly gapsRule: string;
  /** `record --help` examples ("$ shadow-exec record --exchange …"), each a line or a continued line. */
  readonly examples: readonly string[];
}

/** What `record` opens on a venue whose own client library streams its public data (ccxt's watch* methods). */
export interface StreamOpenInput {
  readonly market: string;
  readonly symbols: readonly string[];
  /** Stream kinds, each one of `VenueStreams.kinds`. */
  readonly kinds: readonly string[];
  /** --ws-url: every WebSocket URL of the venue replaced by this one (a mirror, a loopback test server); null: the public ones. */
  readonly wsUrl: string | null;
  /** The saved markets (--instruments FILE, already JSON-parsed) the library needs before it subscribes; null: fetched live. */
  readonly markets: InstrumentFile | null;
  /** Receive times. */
  readonly clock: Clock;
  /** Library hooks a test may replace (ccxt: `fetch` answering REST calls in-process). */
  readonly hooks?: Readonly<Record<string, unknown>>;
  /** One line of what the streams do (a first update, an error and its retry), without "\n"; absent: silent. */
  readonly log?: (line: string) => void;
}

/** A running set of streams: normalized records in receive order. */
export interface NormalizedStream {
  /** The records received since the last call, in receive order (non-decreasing local_us); waits for at least one, [] once closed. */
  next(): Promise<readonly NormalizedRecord[]>;
  /** Stops every stream and closes the connections; idempotent. */
  close(): Promise<void>;
  /** Counters for the recording's summary (records by type, values off the grid, reconnects, errors). */
  health(): JsonValue;
  /** The first connection error, once one happened (the stream then ends); null otherwise. */
  failure(): string | null;
  /** The latest error of any stream, retried or not (for a run that ended without data); null when none. */
  lastError(): string | null;
}

/** Public market data delivered as normalized records by the venue's own client library (instead of `live`'s raw frames). */
export interface VenueStreams {
  /** Stream kinds a symbol can have, in help order ("book", "trades", "ticker"). */
  readonly kinds: readonly string[];
  /** Kinds recorded when --streams is not given. */
  readonly defaultKinds: readonly string[];
  /** Opens the streams; UsageError for a symbol or kind the venue does not have. */
  open(input: StreamOpenInput): Promise<NormalizedStream>;
  /** What a live run on these streams says in the report's `model.market` (`--feed live`). */
  readonly liveRules: {
    /** How the library keeps its books and what a lost connection does to them. */
    readonly books: string;
    /** How reconnects are seen and counted. */
    readonly reconnects: string;
  };
  /** How the start line and report name the source when --ws-url is not given ("ccxt okx's public WebSocket URLs"). */
  readonly defaultUrl: string;
  /** `record --help` examples. */
  readonly examples: readonly string[];
}

/** How a replay file recorded on this venue is read. */
export interface VenueReplay {
  /** Markets a replay header may name for this venue, in the order errors list them. */
  readonly markets: readonly string[];
  /** The recorded venue's parser, book sync and REST decoding for a header of this venue. */
  kit(header: { readonly market: string; readonly url?: string }, grids: SymbolGridLookup): ReplayVenueKit;
}

export interface VenueHistoricalData {
  readonly tardisExchanges: readonly TardisExchange[];
  readonly importSources: readonly ImportSource[];
}

/** Help about a family of parameterised venues (`<prefix>:<id>`), known without loading any of them. */
export interface VenueFamilyHelp {
  /** The --exchange choice as help writes it ("ccxt:<id>"). */
  readonly choice: string;
  /** `--exchange` help. */
  readonly summary: string;
  /** `record --help` paragraph lines. */
  readonly record: readonly string[];
  /** `record --help` example lines. */
  readonly recordExamples: readonly string[];
  /** `markets --help` example lines. */
  readonly marketsExamples: readonly string[];
  /** How `--feed live` help and refusals name the family's live data ("ccxt:<id> (watchOrderBook/watchTrades)"); absent: none. */
  readonly liveFeed?: string;
}

/** One venue: one object per src/venues/<name>/ folder (e.g. `fakeVenue` in src/venues/fake/fake-venue.ts). */
export interface VenueModule {
  /** The --exchange value and registry key: lower case, no spaces ("bybit"). */
  readonly name: string;
  /** How messages name the venue ("Bybit", "the fake venue"). */
  readonly label: string;
  /** `--exchange` help: "bybit (Bybit V5)". */
  readonly summary: string;
  /** `--no-throttle` help: how the venue answers a request over its rate limits ("retCode 10006"); null when it has none. */
  readonly rateLimitAnswer: string | null;
  /** Its markets (Bybit: categories), the flag that chooses one, default fees per market. */
  readonly markets: VenueMarkets;
  /**
   * The symbols a run trades when --symbols is not given, in the venue's spelling (["BTC", "ETH"]); absent: the
   * option's default (BTCUSDT).
   */
  readonly defaultSymbols?: readonly string[];
  /** Its instruments: bundled, or from a saved response of its instruments endpoint (--instruments FILE). */
  readonly catalog: VenueCatalog;
  /** The --order-options each market takes and the venue's checks; amend and OCO support. */
  readonly orderOptions: VenueOrderOptions;
  /** The rules and API gate of a run on `input.market`, and their description in the report. */
  wire(input: VenueWireInput): VenueWiring;
  /** The report's `model.venue.instruments.<symbol>` keys beyond the common spec (price band, filters); {} when none. */
  describeInstrument(instrument: VenueInstrument): Readonly<Record<string, JsonValue>>;
  /** How it signs requests (`sign`, the dry-run journal's keys); undefined when it renders and signs none. */
  readonly signer: VenueSigner | undefined;
  /** Environment variable names of the key pair; undefined when the venue signs nothing. */
  readonly credentials: VenueCredentialNames | undefined;
  /**
   * Why the venue takes no signing flags (`signing`), no --mode dryrun (`dryrun`) and no --journal (`journal`), each
   * completed by the venues that do; null when it has an API (`signer`, a `gate` from `wire`).
   */
  readonly noApi: { readonly signing: string; readonly dryrun: string; readonly journal: string } | null;
  /** Public market data (--feed live, record); undefined when the venue has none. */
  readonly live: VenueLive | undefined;
  /** Public data streamed as normalized records by the venue's client library (record writes a normalized replay); absent for venues read through `live`. */
  readonly streams?: VenueStreams;
  /** Replay of recorded files; undefined when nothing can be recorded on the venue. */
  readonly replay: VenueReplay | undefined;
  /**
   * Historical data of the venue (`shadow-exec import`): the tardis.dev exchange ids of its markets and its own
   * public-data sources; absent when there is none.
   */
  readonly historicalData?: VenueHistoricalData;
  /**
   * Help examples ("$ shadow-exec run --exchange …", a continued line ends in " \\" and goes on indented): `program`
   * in the top-level help, `run` in `run --help`, in registry order. An example reads only files that exist or that an
   * earlier example writes (test/cli/help-text.test.ts).
   */
  readonly examples: { readonly program: readonly string[]; readonly run: readonly string[] };
}

export type { InstrumentCatalog, InstrumentFile, InstrumentSpec, VenueInstrument };
