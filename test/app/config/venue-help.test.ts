// Covers the venue-dependent --help texts: written from the loaded venue modules with the same words the options had when they named the venues by hand.
import '../../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import * as help from '../../../src/app/config/venue-help.js';

describe('venue help', () => {
  it('lists the venues, their market flags and the default fees of each market', () => {
    expect(help.exchangeHelp()).toBe('venue to simulate: fake, bybit (Bybit V5), binance (spot or USD-M futures), hyperliquid (Hyperliquid perpetuals, wallet-signed) or ccxt:<id> (any ccxt exchange, e.g. ccxt:okx, ccxt:kraken: generic rules from a saved loadMarkets(), --instruments FILE; --market spot|swap): rules, codes and rate limits of each');
    expect(help.marketFlagHelp('--category')).toBe('bybit only: linear (USDT perpetuals) or spot (default: linear)');
    expect(help.marketFlagHelp('--market')).toBe('binance only: spot or usdm (USD-M futures) (default: spot)');
    expect(help.feeDefaultsHelp('makerBps')).toBe('(default: fake 2, bybit linear 2, spot 10, binance spot 10, usdm 2, hyperliquid 1.5)');
    expect(help.feeDefaultsHelp('takerBps')).toBe('(default: fake 5.5, bybit linear 5.5, spot 10, binance spot 10, usdm 5, hyperliquid 4.5)');
  });

  it('names the venues that render requests, read keys, answer rate limits, stream live data and take a REST base', () => {
    expect(help.journalHelp()).toMatch(/^dryrun on bybit\/binance\/hyperliquid: /);
    expect(help.secretsHelp()).toMatch(/^JSON key file \{"bybit"\|"binance"\|"hyperliquid":\{"<api-env>":\{"apiKey":…,"apiSecret":…\}\}\}, mode 600, then BYBIT_API_KEY\/BYBIT_API_SECRET, BINANCE_API_KEY\/BINANCE_SECRET_KEY or HYPERLIQUID_ACCOUNT_ADDRESS\/HYPERLIQUID_PRIVATE_KEY; /);
    expect(help.throttleHelp()).toContain('(bybit retCode 10006; binance HTTP 429, then 418 bans; hyperliquid HTTP 429 per IP, "Too many cumulative requests sent" per address)');
    expect(help.feedHelp()).toMatch(/\(the venue's public WebSocket; bybit, binance, hyperliquid or ccxt:<id> \(ccxt's watchOrderBook and watchTrades, read as a normalized replay is\); bounded by --duration or Ctrl-C\)$/);
    expect(help.restUrlHelp()).toMatch(/^--feed live on binance: /);
  });

  it('groups venues with the same symbols, and venue markets with the same default spread', () => {
    expect(help.symbolsHelp()).toBe(
      'comma-separated symbols; fake: BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT, XRPUSDT, DOGEUSDT, ADAUSDT, LINKUSDT, LTCUSDT, AVAXUSDT; bybit and binance (bundled): BTCUSDT, ETHUSDT, SOLUSDT; hyperliquid (bundled): BTC, ETH, SOL',
    );
    expect(help.spreadDefaultsHelp((maker) => (maker === '10' ? '36' : '20'))).toBe('20 on fake, bybit linear, binance usdm and hyperliquid, 36 on bybit spot and binance spot');
  });
});
