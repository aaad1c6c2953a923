// `shadow-exec sign`: signs one Bybit V5 or Binance REST request with the configured keys and prints signature and headers as JSON, for checking by hand.
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { canonicalJson } from '../../core/report/canonical-json.js';
import { API_ENVS, type ApiEnv, type SecretVenue, type VenueCredentials } from '../../ports/secret-provider.js';
import { signBinanceRequest } from '../../venues/binance/binance-signing.js';
import { ChainedSecretProvider } from '../../secrets/chained-secret-provider.js';
import { EnvSecretProvider } from '../../secrets/env-secret-provider.js';
import { FileSecretProvider } from '../../secrets/file-secret-provider.js';
import { maskKey } from '../../secrets/mask-key.js';
import { placeholderCredentials } from '../../secrets/placeholder-credentials.js';
import { resolveCredentials } from '../../secrets/resolve-credentials.js';
import { BYBIT_DEFAULT_RECV_WINDOW_MS, signBybitRest } from '../../venues/bybit/bybit-signing.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { notOnVenue, venueFlags } from '../../app/config/venue-flag.js';

interface SignFlags {
  readonly exchange: string;
  readonly method: string;
  readonly path?: string;
  readonly body?: string;
  readonly query?: string;
  readonly timestamp?: string;
  readonly recvWindow: string;
  readonly secrets?: string;
  readonly apiEnv: string;
  readonly placeholder?: boolean;
}

function wholeMs(flag: string, raw: string, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${flag} '${raw}' is not allowed: expected whole milliseconds from 0 to ${max}`);
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n > max) throw new UsageError(`${flag} '${raw}' is not allowed: expected whole milliseconds from 0 to ${max}`);
  return n;
}

export function signCommand(ctx: CliContext): Command {
  return new Command('sign')
    .description('Sign one REST request with your keys (never sent anywhere) and print what was signed, the signature and the headers as JSON: Bybit V5 (X-BAPI-*) or Binance (signature parameter, X-MBX-APIKEY).')
    .option('--exchange <name>', 'venue whose signing rule to apply: bybit or binance', 'bybit')
    .option('--method <m>', 'bybit: GET (signs --query) or POST (signs --body)', 'POST')
    .option('--path <path>', 'request path, e.g. /v5/order/create (printed, not signed: Bybit signs only timestamp, key, recv window and payload)')
    .option('--body <text>', "bybit POST: the JSON body exactly as sent; binance: the request body (signed after the query string)")
    .option('--query <qs>', "bybit GET, or binance: the query string exactly as sent, without the leading '?' (binance: with timestamp and recvWindow)")
    .option('--timestamp <ms>', 'X-BAPI-TIMESTAMP, UTC ms (default: now)')
    .option('--recv-window <ms>', 'X-BAPI-RECV-WINDOW, ms', String(BYBIT_DEFAULT_RECV_WINDOW_MS))
    .option('--secrets <file>', 'JSON key file {"bybit"|"binance":{"<api-env>":{"apiKey":…,"apiSecret":…}}}, mode 600; else BYBIT_API_KEY/BYBIT_API_SECRET or BINANCE_API_KEY/BINANCE_SECRET_KEY')
    .option('--api-env <env>', `which key set: ${API_ENVS.join(', ')}`, 'dev')
    .option('--placeholder', 'sign with the built-in placeholder pair instead of your keys (for trying the command on a machine without keys)')
    .addHelpText(
      'after',
      `
The API key is masked in the output (abc…***) and the secret is never printed.

Without keys (and without --placeholder) it exits 2 naming the variables to set.

Examples:
  $ shadow-exec sign --placeholder --path /v5/order/create --body '{"category":"linear"}' --timestamp 1735689600000
  $ BYBIT_API_KEY=… BYBIT_API_SECRET=… shadow-exec sign --path /v5/order/create \\
      --body '{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"90000"}' \\
      --timestamp 1735689600000
  $ BINANCE_API_KEY=… BINANCE_SECRET_KEY=… shadow-exec sign --exchange binance \\
      --query 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559'`,
    )
    .action((flags: SignFlags, command: Command) => {
      ctx.setExitCode(executeSign(flags, ctx, (name) => command.getOptionValueSource(name) !== 'default'));
    });
}

function executeSign(flags: SignFlags, ctx: CliContext, given: (option: keyof SignFlags) => boolean): number {
  const exchange = flags.exchange.trim().toLowerCase();
  if (exchange === 'binance') {
    if (given('method')) throw notOnVenue('--method', venueFlags(exchange), 'Binance signs --query and --body whatever the method (--method is a bybit flag)');
    if (given('recvWindow')) throw notOnVenue('--recv-window', venueFlags(exchange), 'on binance recvWindow is a parameter inside --query (--recv-window is a bybit flag)');
    if (flags.timestamp !== undefined) throw notOnVenue('--timestamp', venueFlags(exchange), 'on binance timestamp is a parameter inside --query (--timestamp is a bybit flag)');
    return signBinance(flags, ctx);
  }
  if (exchange !== 'bybit') throw new UsageError(`--exchange '${flags.exchange}' is not allowed: expected bybit or binance`);
  const method = flags.method.trim().toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new UsageError(`--method '${flags.method}' is not allowed: expected GET or POST`);
  if (method === 'POST' && flags.query !== undefined) throw new UsageError('--query is for GET; a POST signs its --body');
  if (method === 'GET' && flags.body !== undefined) throw new UsageError('--body is for POST; a GET signs its --query');
  if (method === 'POST' && flags.body === undefined) throw new UsageError('POST needs --body: the JSON body exactly as it will be sent');
  const apiEnv = flags.apiEnv.trim().toLowerCase();
  if (!(API_ENVS as readonly string[]).includes(apiEnv)) throw new UsageError(`--api-env '${flags.apiEnv}' is not allowed: expected ${API_ENVS.join(', ')}`);
  const timestampMs = flags.timestamp === undefined ? Date.now() : wholeMs('--timestamp', flags.timestamp, Number.MAX_SAFE_INTEGER);
  const recvWindowMs = wholeMs('--recv-window', flags.recvWindow, 60_000);

  const credentials = signingKeys(flags, ctx, 'bybit', apiEnv as ApiEnv);
  const signed = signBybitRest({
    method,
    apiKey: credentials.apiKey,
    apiSecret: credentials.apiSecret,
    timestampMs,
    recvWindowMs,
    ...(method === 'GET' ? { queryString: flags.query ?? '' } : { jsonBody: flags.body! }),
  });
  const masked = maskKey(credentials.apiKey);
  ctx.stdout.write(
    canonicalJson({
      exchange: 'bybit',
      method,
      path: flags.path ?? null,
      timestamp: String(timestampMs),
      recv_window: String(recvWindowMs),
      payload: method === 'GET' ? (flags.query ?? '') : flags.body!,
      string_to_sign_masked: `${timestampMs}${masked}${recvWindowMs}${method === 'GET' ? (flags.query ?? '') : flags.body!}`,
      signature: signed.signature,
      headers: { ...signed.headers, 'X-BAPI-API-KEY': masked },
      credentials: { source: credentials.source, api_env: apiEnv, api_key: masked },
    }),
  );
  if (credentials.source === 'placeholder') ctx.stderr.write('signed with the built-in placeholder pair: the signature is not valid for any account\n');
  return EXIT.ok;
}

function apiEnvOf(flags: SignFlags): ApiEnv {
  const apiEnv = flags.apiEnv.trim().toLowerCase();
  if (!(API_ENVS as readonly string[]).includes(apiEnv)) throw new UsageError(`--api-env '${flags.apiEnv}' is not allowed: expected ${API_ENVS.join(', ')}`);
  return apiEnv as ApiEnv;
}

/** The configured keys (--secrets file, then the environment), or the placeholder pair with --placeholder. */
function signingKeys(flags: SignFlags, ctx: CliContext, venue: SecretVenue, apiEnv: ApiEnv): VenueCredentials {
  if (flags.placeholder) return placeholderCredentials(venue, apiEnv);
  const file = flags.secrets === undefined ? null : FileSecretProvider.load(flags.secrets);
  const providers = [...(file === null ? [] : [file]), new EnvSecretProvider(ctx.env)];
  return resolveCredentials(new ChainedSecretProvider(providers), venue, apiEnv, {
    allowPlaceholder: false,
    secretsFile: file,
    missingHint: '; or add --placeholder to try the command with the built-in placeholder pair (its signatures are valid for no account)',
  });
}

/** Binance: HMAC-SHA256 of query string + body (non-ASCII percent-encoded first); the signature goes last in the body, else the query. */
function signBinance(flags: SignFlags, ctx: CliContext): number {
  if (flags.query === undefined && flags.body === undefined) throw new UsageError('binance needs --query and/or --body: the parameters exactly as sent, timestamp included');
  const apiEnv = apiEnvOf(flags);
  const credentials = signingKeys(flags, ctx, 'binance', apiEnv);
  const signed = signBinanceRequest({ apiKey: credentials.apiKey, apiSecret: credentials.apiSecret, queryString: flags.query ?? '', requestBody: flags.body ?? '' });
  const masked = maskKey(credentials.apiKey);
  ctx.stdout.write(
    canonicalJson({
      exchange: 'binance',
      path: flags.path ?? null,
      payload: signed.payload,
      signature: signed.signature,
      query_string: signed.queryString,
      body: signed.requestBody,
      headers: { ...signed.headers, 'X-MBX-APIKEY': masked },
      credentials: { source: credentials.source, api_env: apiEnv, api_key: masked },
    }),
  );
  if (credentials.source === 'placeholder') ctx.stderr.write('signed with the built-in placeholder pair: the signature is not valid for any account\n');
  return EXIT.ok;
}
