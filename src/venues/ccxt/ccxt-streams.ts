// `record` on a ccxt venue: watchOrderBook / watchTrades / watchTicker loops, one per symbol and kind, turned into normalized records (books as deltas against the previous book) on a queue the recorder drains.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { NormalizedRecord } from '../../feeds/replay/normalized-record.js';
import type { NormalizedStream, StreamOpenInput, VenueStreams } from '../venue-module.js';
import { CcxtBookDiff } from './ccxt-book-diff.js';
import { GridCheck } from './ccxt-grid-check.js';
import { ccxtInstrument } from './ccxt-instruments.js';
import { newCcxtExchange, type CcxtExchange } from './ccxt-library.js';
import { readCcxtMarketsFile } from './ccxt-markets-file.js';
import { isOfType } from './ccxt-market-type.js';
import { CcxtStreamStats } from './ccxt-stream-stats.js';

const KINDS = ['book', 'trades', 'ticker'] as const;
type Kind = (typeof KINDS)[number];
/** A ccxt timestamp (ms, possibly fractional or missing) as integer µs; `fallback` (the receive time) when it is not a usable time. */
function exchangeUs(ms: unknown, fallback: number): number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.floor(ms * 1000) : fallback;
}

/** Failed watch calls in a row (per symbol and kind) retried before the recording ends. */
const MAX_RETRIES = 5;
/** The stream kind whose loop writes each record type. */
const KIND_OF: Readonly<Record<NormalizedRecord['type'], Kind>> = { book_snapshot: 'book', book_update: 'book', trade: 'trades', quote: 'ticker', derivative: 'ticker' };
const METHOD: Readonly<Record<Kind, 'watchOrderBook' | 'watchTrades' | 'watchTicker'>> = { book: 'watchOrderBook', trades: 'watchTrades', ticker: 'watchTicker' };

/** Every string of a ccxt `urls.api.ws` tree replaced by `url` (the tree keeps its shape: ccxt picks entries by market). */
function replaceUrls(tree: unknown, url: string): unknown {
  if (typeof tree === 'string') return url;
  if (typeof tree !== 'object' || tree === null) return tree;
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, replaceUrls(v, url)]));
}

/** The streams of ccxt exchange `id` (a pro class). */
export function ccxtStreams(id: string, name: string): VenueStreams {
  return {
    kinds: [...KINDS],
    defaultKinds: ['book', 'trades'],
    liveRules: {
      books:
        `${name}'s client library keeps each book itself (watchOrderBook: its own snapshot and update sync) and hands out the whole book; each one becomes the levels that changed against the previous (book_update), the first (and the first after an error) the whole book (book_snapshot), then the normalized records go the way a normalized replay's do`,
      reconnects:
        'ccxt reconnects inside its watch* calls and reports no reconnect of its own: a watch call that throws is counted as an error, the call made again as a retry (a reconnect), and after 5 failures in a row of one stream the feed has failed',
    },
    defaultUrl: `${name}'s public WebSocket URLs (ccxt's)`,
    examples: [`$ shadow-exec record --exchange ccxt:${id} --market spot --symbols BTC/USDT --instruments ${id}-markets.json --duration 30s --out ${id}.jsonl`],
    async open(input) {
      for (const kind of input.kinds) if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--streams '${kind}' is not a ${name} stream: expected ${KINDS.join(', ')}`);
      const { exchange } = await newCcxtExchange(id, { newUpdates: true });
      if (input.wsUrl !== null) {
        const api = exchange.urls.api;
        api['ws'] = replaceUrls(api['ws'], input.wsUrl);
        // Node's WebSocket client needs ccxt's proxy agent module loaded for plain ws:// URLs.
        if (input.wsUrl.startsWith('ws://')) await exchange.loadHttpProxyAgent?.();
      }
      const fetchHook = input.hooks?.['fetch'];
      if (typeof fetchHook === 'function') exchange.fetch = fetchHook as CcxtExchange['fetch'];
      if (input.markets !== null) {
        const file = readCcxtMarketsFile(input.markets.json, id, input.markets.path);
        exchange.setMarkets(Object.values(file.markets));
      } else {
        try {
          await exchange.loadMarkets();
        } catch (error) {
          throw new UsageError(`${name}: loadMarkets() failed (${error instanceof Error ? error.constructor.name : 'error'}): pass --instruments FILE (a saved loadMarkets(), shadow-exec markets ${name} --out FILE)`);
        }
      }
      const markets = exchange.markets ?? {};
      const grids = new Map<string, GridCheck>();
      for (const symbol of input.symbols) {
        const market = markets[symbol] as Record<string, unknown> | undefined;
        if (market === undefined || !isOfType(market, input.market)) throw new UsageError(`--symbols '${symbol}' is not a ${name} ${input.market} market`);
        const instrument = ccxtInstrument({ exchange: id, ccxt: null, precisionMode: exchange.precisionMode, takenAt: null, source: null, markets: {} }, exchange.precisionMode, market, '');
        const cs = new Decimal(instrument.spec.lotSize).div(new Decimal((instrument.details as { venueLot: string }).venueLot));
        grids.set(symbol, new GridCheck(new Decimal(instrument.spec.tickSize), new Decimal(instrument.spec.lotSize), cs));
      }
      for (const kind of input.kinds) {
        if (exchange.has[METHOD[kind as Kind]] !== true) throw new UsageError(`--streams ${kind}: ${name} has no ${METHOD[kind as Kind]} (ccxt has.${METHOD[kind as Kind]})`);
      }
      return new CcxtNormalizedStream(exchange, input, grids);
    },
  };
}

class CcxtNormalizedStream implements NormalizedStream {
  private queue: NormalizedRecord[] = [];
  private waiter: (() => void) | null = null;
  private closed = false;
  private firstFailure: string | null = null;
  private latestError: string | null = null;
  private readonly counts = new Map<string, number>();
  /** Per watch loop, keyed "<symbol> <kind>", in symbol-major open order. */
  private readonly stats = new Map<string, CcxtStreamStats>();
  private lastUs = 0;

  constructor(
    private readonly exchange: CcxtExchange,
    private readonly input: StreamOpenInput,
    private readonly grids: ReadonlyMap<string, GridCheck>,
  ) {
    const openedMs = input.clock.now();
    for (const symbol of input.symbols) for (const kind of input.kinds) this.stats.set(`${symbol} ${kind}`, new CcxtStreamStats(METHOD[kind as Kind], openedMs));
    for (const symbol of input.symbols) for (const kind of input.kinds) void this.loop(symbol, kind as Kind);
  }

  /** local_us of a record received now: the clock's ms in µs, never before the previous record's. */
  private receivedUs(): number {
    this.lastUs = Math.max(this.lastUs, this.input.clock.now() * 1000);
    return this.lastUs;
  }

  private push(record: NormalizedRecord): void {
    this.queue.push(record);
    this.stats.get(`${record.symbol} ${KIND_OF[record.type]}`)!.records++;
    this.counts.set(record.type, (this.counts.get(record.type) ?? 0) + 1);
    this.waiter?.();
  }

  private async loop(symbol: string, kind: Kind): Promise<void> {
    const grid = this.grids.get(symbol)!;
    const book = new CcxtBookDiff(grid);
    const stats = this.stats.get(`${symbol} ${kind}`)!;
    let failuresInRow = 0;
    while (!this.closed) {
      try {
        if (kind === 'book') {
          const ob = await this.exchange.watchOrderBook!(symbol);
          if (this.closed) return;
          const diff = book.next(ob);
          if (diff !== null) {
            const local = this.receivedUs();
            const venueUs = exchangeUs(ob.timestamp, local);
            this.push(
              diff.snapshot
                ? { type: 'book_snapshot', symbol, exchange_us: venueUs, local_us: local, bids: diff.bids, asks: diff.asks }
                : { type: 'book_update', symbol, exchange_us: venueUs, local_us: local, is_snapshot: false, bids: diff.bids, asks: diff.asks },
            );
          }
        } else if (kind === 'trades') {
          const trades = await this.exchange.watchTrades!(symbol);
          if (this.closed) return;
          const local = this.receivedUs();
          for (const trade of trades) {
            const price = grid.price(trade.price);
            const size = grid.size(trade.amount);
            if (price === null || size === null) continue;
            const side = trade.side === 'buy' || trade.side === 'sell' ? trade.side : 'unknown';
            this.push({ type: 'trade', symbol, exchange_us: exchangeUs(trade.timestamp, local), local_us: local, id: String(trade.id ?? '').slice(0, 128), side, price, size });
          }
        } else {
          const t = await this.exchange.watchTicker!(symbol);
          if (this.closed) return;
          const local = this.receivedUs();
          const text = (v: unknown, f: (x: unknown) => string | null): string | null => (v === undefined || v === null ? null : f(v));
          this.push({
            type: 'quote',
            symbol,
            exchange_us: exchangeUs(t.timestamp, local),
            local_us: local,
            bid_price: text(t.bid, (x) => grid.price(x)),
            bid_size: text(t.bidVolume, (x) => grid.size(x)),
            ask_price: text(t.ask, (x) => grid.price(x)),
            ask_size: text(t.askVolume, (x) => grid.size(x)),
          });
        }
      } catch (error) {
        if (this.closed) return;
        stats.errors++;
        const why = `${error instanceof Error ? error.constructor.name : 'error'}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`;
        stats.lastError = why;
        this.latestError = why;
        // ccxt reconnects on the next watch call (and refetches the book: the next book record is a snapshot again).
        // MAX_RETRIES failures in a row without a delivery end the recording with the first one's reason.
        book.reset();
        failuresInRow++;
        if (failuresInRow > MAX_RETRIES) {
          this.input.log?.(`${symbol} ${kind}: ${METHOD[kind]} failed ${failuresInRow} times in a row (${why}); the streams end`);
          this.firstFailure ??= why;
          this.waiter?.();
          return;
        }
        stats.retries++;
        this.input.log?.(`${symbol} ${kind}: ${METHOD[kind]} failed (${why}); retrying (ccxt reconnects)`);
        continue;
      }
      if (stats.updates === 0) this.input.log?.(`${symbol} ${kind}: first update`);
      stats.update(this.input.clock.now());
      failuresInRow = 0;
    }
  }

  async next(): Promise<readonly NormalizedRecord[]> {
    while (this.queue.length === 0 && !this.closed && this.firstFailure === null) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiter = null;
    }
    const out = this.queue;
    this.queue = [];
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.waiter?.();
    await this.exchange.close?.();
  }

  failure(): string | null {
    return this.firstFailure;
  }

  lastError(): string | null {
    return this.latestError;
  }

  health(): JsonValue {
    const nowMs = this.input.clock.now();
    const grid: Record<string, JsonValue> = {};
    for (const [symbol, g] of this.grids) grid[symbol] = { off_tick_prices: g.counts.offTickPrices, off_lot_sizes: g.counts.offLotSizes, invalid_values: g.counts.invalid };
    const streams: Record<string, JsonValue> = {};
    const stale: Record<string, number | null> = {};
    let errors = 0;
    let retries = 0;
    for (const [key, s] of this.stats) {
      streams[key] = s.toJson(nowMs);
      errors += s.errors;
      retries += s.retries;
      const symbol = key.slice(0, key.lastIndexOf(' '));
      const age = s.lastUpdateMs === null ? null : nowMs - s.lastUpdateMs;
      const seen = stale[symbol];
      // A symbol is as fresh as its freshest stream.
      stale[symbol] = seen === undefined || seen === null ? age : age === null ? seen : Math.min(seen, age);
    }
    return {
      records: Object.fromEntries([...this.counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
      stream_errors: errors,
      /** Watch calls retried after an error (ccxt reconnects inside them; it reports no reconnect count of its own). */
      retries,
      grid,
      streams,
      /** Per symbol: ms since its freshest stream's last update (null before any), at the time of this report. */
      last_update_age_ms: stale,
    };
  }
}
