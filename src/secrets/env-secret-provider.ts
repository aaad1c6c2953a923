// EnvSecretProvider: venue keys from environment variables; a pair suffixed with the api env wins over the plain pair.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { ApiEnv, SecretProvider, SecretVenue } from '../ports/secret-provider.js';
import { Credentials } from './credentials.js';

/** Base variable names per venue (issues #3 and #4). */
export const ENV_VARIABLES: Readonly<Record<SecretVenue, { readonly apiKey: string; readonly apiSecret: string }>> = {
  bybit: { apiKey: 'BYBIT_API_KEY', apiSecret: 'BYBIT_API_SECRET' },
  binance: { apiKey: 'BINANCE_API_KEY', apiSecret: 'BINANCE_SECRET_KEY' },
};

/** The two variable pairs consulted for venue/apiEnv, in precedence order: `BYBIT_API_KEY_PROD` before `BYBIT_API_KEY`. */
export function envVariableCandidates(venue: SecretVenue, apiEnv: ApiEnv): ReadonlyArray<{ apiKey: string; apiSecret: string }> {
  const base = ENV_VARIABLES[venue];
  const suffix = `_${apiEnv.toUpperCase()}`;
  return [{ apiKey: base.apiKey + suffix, apiSecret: base.apiSecret + suffix }, base];
}

/**
 * Selection rule: for `--api-env E`, the pair `<KEY>_<E>`/`<SECRET>_<E>` (E upper-cased) if either is set,
 * otherwise the plain pair, which therefore serves every api env. A half-set pair is an error naming the missing
 * variable; empty values count as unset. The environment is injected (pass `process.env`) so tests need no globals.
 */
export class EnvSecretProvider implements SecretProvider {
  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  getCredentials(venue: SecretVenue, apiEnv: ApiEnv): Credentials | null {
    for (const names of envVariableCandidates(venue, apiEnv)) {
      const apiKey = this.value(names.apiKey);
      const apiSecret = this.value(names.apiSecret);
      if (apiKey === undefined && apiSecret === undefined) continue;
      if (apiKey === undefined) throw new ShadowExecError('E_SECRETS', `${names.apiSecret} is set but ${names.apiKey} is not; set both or neither`);
      if (apiSecret === undefined) throw new ShadowExecError('E_SECRETS', `${names.apiKey} is set but ${names.apiSecret} is not; set both or neither`);
      return new Credentials(venue, apiEnv, apiKey, apiSecret, 'env');
    }
    return null;
  }

  private value(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v === '' ? undefined : v;
  }
}
