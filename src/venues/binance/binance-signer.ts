// Binance's `sign` signer: HMAC-SHA256 of query string + body (non-ASCII percent-encoded first); the signature goes last in the body, else the query.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import type { VenueSigner } from '../venue-module.js';
import { signBinanceRequest } from './binance-signing.js';

export const binanceSigner: VenueSigner = {
  keyKind: 'hmac-secret',
  summary: 'Binance (signature parameter, X-MBX-APIKEY)',
  help: {
    flags: {
      body: 'binance: the request body (signed after the query string)',
      query: "binance: the query string exactly as sent, without the leading '?', with timestamp and recvWindow",
    },
    examples: [
      `$ BINANCE_API_KEY=… BINANCE_SECRET_KEY=… shadow-exec sign --exchange binance \\
      --query 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559'`,
    ],
  },
  prepare(flags, _nowMs, refuse) {
    if (flags.given('method')) throw refuse('--method', 'Binance signs --query and --body whatever the method');
    if (flags.given('recvWindow')) throw refuse('--recv-window', 'on binance recvWindow is a parameter inside --query');
    if (flags.timestamp !== undefined) throw refuse('--timestamp', 'on binance timestamp is a parameter inside --query');
    if (flags.query === undefined && flags.body === undefined) throw new UsageError('binance needs --query and/or --body: the parameters exactly as sent, timestamp included');
    return {
      sign(credentials, mask) {
        const signed = signBinanceRequest({ apiKey: credentials.apiKey, apiSecret: credentials.apiSecret, queryString: flags.query ?? '', requestBody: flags.body ?? '' });
        const masked = mask(credentials.apiKey);
        return {
          exchange: 'binance',
          path: flags.path ?? null,
          payload: signed.payload,
          signature: signed.signature,
          query_string: signed.queryString,
          body: signed.requestBody,
          headers: { ...signed.headers, 'X-MBX-APIKEY': masked },
          credentials: { source: credentials.source, api_env: credentials.apiEnv, api_key: masked },
        };
      },
    };
  },
};
