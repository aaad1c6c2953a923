// Venue WebSocket doc examples from test/fixtures/venues, loaded once, for the loopback server and protocol tests.
import { readFileSync } from 'node:fs';

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/venues/${name}`, import.meta.url), 'utf8')) as unknown;
}

type Json = Record<string, unknown>;

interface BinanceDocs {
  readonly error_messages_table_verbatim: readonly (readonly [string, string])[];
  readonly examples: readonly { readonly heading: string; readonly label: string; readonly payload: unknown }[];
}

const binanceDocs = load('binance_spot_ws_docs_examples.json') as BinanceDocs;

/** The payload of the Binance doc example under `heading` whose label contains `label`. */
export function binanceDocExample(heading: string, label = ''): Json {
  const hit = binanceDocs.examples.find((e) => e.heading === heading && e.label.includes(label));
  if (hit === undefined) throw new Error(`no Binance doc example '${heading}' / '${label}'`);
  return structuredClone(hit.payload) as Json;
}

/** The Binance docs' error-message table, first column as printed (some rows are templates with %s). */
export const binanceDocErrorMessages: readonly string[] = binanceDocs.error_messages_table_verbatim.map((row) => row[0]);

/** bybit_v5_ws_control_docs_examples.json as parsed. */
export const bybitControlDocs = load('bybit_v5_ws_control_docs_examples.json') as Record<string, Json>;

export const bybitOrderbookDeltaDoc = load('bybit_v5_ws_orderbook50_delta_docs.json') as Json;
export const bybitPublicTradeDoc = load('bybit_v5_ws_publicTrade_docs.json') as Json;
export const bybitKlineDoc = load('bybit_v5_ws_kline_docs.json') as Json;
export const bybitTardisMessages = (load('bybit_v5_ws_tardis_derivatives_samples.json') as { messages: Json[] }).messages;
