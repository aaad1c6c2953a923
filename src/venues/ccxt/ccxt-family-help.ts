// What help says about the ccxt:<id> venues before any is loaded (loading one loads ccxt): the --exchange choice, the record streams and examples, the markets command.
import type { VenueFamilyHelp } from '../venue-module.js';

export const CCXT_FAMILY_HELP: VenueFamilyHelp = {
  choice: 'ccxt:<id>',
  summary: 'ccxt:<id> (any ccxt exchange, e.g. ccxt:okx, ccxt:kraken: generic rules from a saved loadMarkets(), --instruments FILE; --market spot|swap)',
  record: [
    'ccxt:<id> (any ccxt exchange with WebSocket support): --streams book,trades,ticker (default book,trades) through',
    "ccxt's watchOrderBook / watchTrades / watchTicker, written as normalized records (replay format version 2): the",
    'first book whole, then the levels that changed; prices and sizes exact, values off the grid counted; --instruments',
    'FILE (a saved loadMarkets()) keeps ccxt from fetching markets over REST.',
  ],
  liveFeed: "ccxt:<id> (ccxt's watchOrderBook and watchTrades, read as a normalized replay is)",
  recordExamples: ['$ shadow-exec record --exchange ccxt:okx --market swap --symbols BTC/USDT:USDT \\', '    --instruments test/fixtures/ccxt/okx-markets.json --duration 60s --out okx-swap.jsonl'],
  marketsExamples: ['$ shadow-exec markets ccxt:okx --out okx-markets.json', '$ shadow-exec run --exchange ccxt:okx --market swap --instruments test/fixtures/ccxt/okx-markets.json --symbols BTC/USDT:USDT'],
};
