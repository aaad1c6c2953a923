// The ccxt package behind a dynamic import (loaded on first use only: ~2 s and 64 MB no other venue pays for) and the few members of an exchange object shadow-exec reads; the one file that imports ccxt.
import { UsageError } from '../../core/errors/shadow-exec-error.js';

/**
 * The members of a ccxt Exchange this folder uses, typed here instead of importing ccxt's own declarations (a
 * 3 MB .d.ts tsc would read on every build; ccxt's objects are `any`-typed inside anyway). Numbers are ccxt's floats.
 */
export interface CcxtExchange {
  readonly id: string;
  readonly version?: string;
  /** 2 DECIMAL_PLACES, 3 SIGNIFICANT_DIGITS, 4 TICK_SIZE (ccxt/js/src/base/functions/number.js). */
  readonly precisionMode: number;
  readonly has: Readonly<Record<string, boolean | string | undefined>>;
  readonly features: unknown;
  readonly fees: { readonly trading?: { readonly maker?: number; readonly taker?: number } };
  urls: { api: Record<string, unknown>; [key: string]: unknown };
  options: Record<string, unknown>;
  hostname?: string;
  markets: Record<string, unknown> | undefined;
  loadMarkets(reload?: boolean): Promise<Record<string, unknown>>;
  setMarkets(markets: Record<string, unknown> | unknown[]): unknown;
  watchOrderBook?(symbol: string, limit?: number): Promise<CcxtOrderBook>;
  watchTrades?(symbol: string): Promise<CcxtTrade[]>;
  watchTicker?(symbol: string): Promise<CcxtTicker>;
  close?(): Promise<unknown>;
  fetch?(url: string, method?: string, headers?: unknown, body?: unknown): Promise<unknown>;
  loadHttpProxyAgent?(): Promise<unknown>;
  wsProxy?: unknown;
  clients?: Record<string, unknown>;
}

/** ccxt's unified order book: levels [price, amount] (floats), best first; nonce when the venue sends update ids. */
export interface CcxtOrderBook {
  readonly bids: ReadonlyArray<readonly [number, number, ...unknown[]]>;
  readonly asks: ReadonlyArray<readonly [number, number, ...unknown[]]>;
  readonly timestamp?: number;
  readonly nonce?: number;
  readonly symbol?: string;
}

export interface CcxtTrade {
  readonly id?: string;
  readonly timestamp?: number;
  readonly symbol?: string;
  readonly side?: string;
  readonly price?: number;
  readonly amount?: number;
}

export interface CcxtTicker {
  readonly symbol?: string;
  readonly timestamp?: number;
  readonly bid?: number;
  readonly bidVolume?: number;
  readonly ask?: number;
  readonly askVolume?: number;
}

type ExchangeClass = new (config?: Record<string, unknown>) => CcxtExchange;

interface CcxtLibrary {
  readonly version: string;
  readonly exchanges: readonly string[];
  readonly classes: Readonly<Record<string, ExchangeClass>>;
  readonly pro: Readonly<Record<string, ExchangeClass>>;
}

let library: Promise<CcxtLibrary> | null = null;

/** The ccxt package (imported once, on first call). */
export function loadCcxt(): Promise<CcxtLibrary> {
  library ??= import('ccxt').then((m: Record<string, unknown>) => {
    const root = (m['default'] ?? m) as Record<string, unknown>;
    return {
      version: String(root['version']),
      exchanges: root['exchanges'] as string[],
      classes: root as unknown as Record<string, ExchangeClass>,
      pro: root['pro'] as Record<string, ExchangeClass>,
    };
  });
  return library;
}

/** Exchange ids are ccxt's: lower-case letters and digits ("okx", "binanceusdm"). */
const EXCHANGE_ID = /^[a-z][a-z0-9]*$/;

/**
 * A new ccxt exchange object for `id` (the pro class, with WebSocket methods, when ccxt has one); UsageError when ccxt
 * has no such exchange. `config` is ccxt's constructor config (no keys: nothing here ever signs).
 */
export async function newCcxtExchange(id: string, config: Record<string, unknown> = {}): Promise<{ exchange: CcxtExchange; pro: boolean; version: string }> {
  if (!EXCHANGE_ID.test(id)) throw new UsageError(`--exchange 'ccxt:${id}' is not allowed: a ccxt exchange id is lower-case letters and digits (ccxt:okx, ccxt:kraken)`);
  const ccxt = await loadCcxt();
  if (!ccxt.exchanges.includes(id)) {
    throw new UsageError(`--exchange 'ccxt:${id}' is not allowed: ccxt ${ccxt.version} has no exchange '${id}' (its ids: node -e "import('ccxt').then(c=>console.log(c.default.exchanges.join(' ')))")`);
  }
  const proClass = ccxt.pro[id];
  const Class = proClass ?? ccxt.classes[id]!;
  return { exchange: new Class({ enableRateLimit: true, ...config }), pro: proClass !== undefined, version: ccxt.version };
}
