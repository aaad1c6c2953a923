// The --help texts of the run options that depend on the venues, written from the loaded venue modules (help loads every venue), so no venue is named here.
import { orList } from '../../core/text/or-list.js';
import type { VenueModule } from '../../venues/venue-module.js';
import { loadedVenues, VENUE_FAMILIES } from '../venue-registry.js';

const venues = (has: (v: VenueModule) => boolean = () => true): VenueModule[] => loadedVenues().filter(has);
const withApi = (v: VenueModule): boolean => v.noApi === null;

/** Each venue's `summary`, listed: "venue to simulate: <a>, <b> or <c>: …". */
export function exchangeHelp(): string {
  // A parameterised venue loaded by this run (ccxt:okx) is described by its family's line instead.
  const fixed = venues().filter((v) => !v.name.includes(':')).map((v) => v.summary);
  return `venue to simulate: ${orList([...fixed, ...VENUE_FAMILIES.map((f) => f.summary)])}: rules, codes and rate limits of each`;
}

/** "<venue> only: <market> (<note>) or <market> (default: <market>)" for the venues whose market flag is `flag`. */
export function marketFlagHelp(flag: string): string {
  return venues((v) => v.markets.flag === flag)
    .map((v) => `${v.name} only: ${orList(v.markets.names.map((m) => (v.markets.notes[m] === undefined ? m : `${m} (${v.markets.notes[m]})`)))} (default: ${v.markets.default})`)
    .join('; ');
}

/** The saved instruments response each venue reads. */
export function instrumentsHelp(): string {
  const sources = venues((v) => v.catalog.noFileReason === null).map((v) => `${v.name} ${[...new Set(v.markets.names.map((m) => v.catalog.sourceRequest(m)))].join(' or ')}`);
  return `a saved instruments response instead of the bundled specs: ${sources.join(', ')}`;
}

/** The order options and, where not every venue market takes one, the venue markets that do. */
export function orderOptionsHelp(): string {
  const pairs = venues().flatMap((v) => v.markets.names.map((m) => ({ name: v.markets.flag === null ? v.name : `${v.name} ${m}`, supported: v.orderOptions.supported(m) })));
  const spellings: string[] = [];
  for (const { supported } of pairs) for (const s of supported) if (!spellings.includes(s)) spellings.push(s);
  const parts = spellings.map((s) => {
    const takers = pairs.filter((p) => p.supported.includes(s)).map((p) => p.name);
    return takers.length === pairs.length ? s : `${s} (${takers.join(', ')})`;
  });
  return `sent with every order: ${parts.join(', ')}`;
}

/** --journal: the venues that render requests. */
export function journalHelp(): string {
  return `dryrun on ${venues(withApi).map((v) => v.name).join('/')}: write each rendered request (method, path, query, headers with the key masked, signed body) as a JSON line (checked writable before the run)`;
}

/** --secrets: the key file's venues and each venue's variables. */
export function secretsHelp(): string {
  const signing = venues((v) => v.credentials !== undefined);
  const names = signing.map((v) => `${v.credentials!.apiKey}/${v.credentials!.apiSecret}`);
  return `JSON key file {${signing.map((v) => `"${v.name}"`).join('|')}:{"<api-env>":{"apiKey":…,"apiSecret":…}}}, mode 600, then ${orList(names)}; without either a dry run signs with placeholders, but a named file that lacks the --api-env is an error`;
}

/** --no-throttle: how each venue answers over its limits. */
export function throttleHelp(): string {
  const answers = venues((v) => v.rateLimitAnswer !== null).map((v) => `${v.name} ${v.rateLimitAnswer}`);
  return `send even over the rate limits; the simulated venue then answers as the venue does (${answers.join('; ')}). Default: the client queues each request until the limits have room, and a quote cancelled while queued is never sent (orders.held_by_throttle, orders.dropped_before_send)`;
}

/** --symbols: each venue's built-in or bundled symbols (default market), venues with the same list named together. */
export function symbolsHelp(): string {
  const groups: { names: string[]; bundled: boolean; symbols: string }[] = [];
  for (const v of venues()) {
    const symbols = v.catalog.load(v.markets.default, null).symbols.join(', ');
    const bundled = v.catalog.noFileReason === null;
    const group = groups.find((g) => g.symbols === symbols && g.bundled === bundled);
    if (group === undefined) groups.push({ names: [v.name], bundled, symbols });
    else group.names.push(v.name);
  }
  return `comma-separated symbols; ${groups.map((g) => `${g.names.join(' and ')}${g.bundled ? ' (bundled)' : ''}: ${g.symbols}`).join('; ')}`;
}

/** --feed: the venues with a live feed. */
export function feedHelp(): string {
  return `market data: synthetic (seeded random walks), replay:FILE (a recording in the shadow-exec replay format, JSONL or its binary encoding — see shadow-exec convert and docs/replay-format.md), SOURCE:DIR_OR_GLOB (historical data files read directly, as shadow-exec import SOURCE reads them: tardis:DIR_OR_GLOB for tardis.dev CSVs, or a venue's public-data source; a directory means all its files, a glob may use * and ? in its last part; venue and market from the files), or live (the venue's public WebSocket; ${orList([...venues((v) => v.live !== undefined).map((v) => v.name), ...VENUE_FAMILIES.flatMap((f) => (f.liveFeed === undefined ? [] : [f.liveFeed]))])}; bounded by --duration or Ctrl-C)`;
}

/** --rest-url: the venues whose book snapshots come over REST. */
export function restUrlHelp(): string {
  return `--feed live on ${orList(venues((v) => v.live?.snapshots !== undefined).map((v) => v.name))}: REST base of the depth snapshots instead of the public one (same rules as --ws-url)`;
}

/** "(default: <venue> <fee>, <venue> <market> <fee>, <market> <fee>, …)": each venue market's default fee. */
export function feeDefaultsHelp(what: 'makerBps' | 'takerBps'): string {
  const parts = venues().map((v) => `${v.name} ${v.markets.names.map((m) => `${v.markets.flag === null ? '' : `${m} `}${v.markets.fees[m]![what]}`).join(', ')}`);
  return `(default: ${parts.join(', ')})`;
}

/** --exit-oco: the venue markets with OCO order lists. */
export function exitOcoHelp(): string {
  const takers = venues().flatMap((v) => v.markets.names.filter((m) => v.orderOptions.exitOcoRefusal(m) === null).map((m) => `${v.label} ${v.markets.labels[m] ?? m}`.trim()));
  return `keep an OCO closing each open position: take profit TP bps above/below the mid, stop SL bps the other way (${takers.join('; ')})`;
}

/** The run examples of every venue, in registry order. */
export function runExamples(): string[] {
  return venues().flatMap((v) => v.examples.run);
}

/** "<spread> on <venue market> and <venue market>, …": each default spread and the venue markets that get it. */
export function spreadDefaultsHelp(spreadOf: (makerBps: string) => string): string {
  const groups = new Map<string, string[]>();
  for (const v of venues()) {
    for (const m of v.markets.names) {
      const spread = spreadOf(v.markets.fees[m]!.makerBps);
      groups.set(spread, [...(groups.get(spread) ?? []), v.markets.flag === null ? v.name : `${v.name} ${m}`]);
    }
  }
  return [...groups].map(([spread, names]) => `${spread} on ${orList(names).replace(/ or /g, ' and ')}`).join(', ');
}
