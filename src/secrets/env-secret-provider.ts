// EnvSecretProvider: venue keys from environment variables; a pair suffixed with the api env wins over the plain pair.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { ApiEnv, CredentialNames, SecretProvider, SecretVenue } from '../ports/secret-provider.js';
import { Credentials } from './credentials.js';

/** The two variable pairs consulted for a venue's base names and apiEnv, in precedence order: `<KEY>_PROD` before `<KEY>`. */
export function envVariableCandidates(base: CredentialNames, apiEnv: ApiEnv): ReadonlyArray<{ apiKey: string; apiSecret: string }> {
  const suffix = `_${apiEnv.toUpperCase()}`;
  return [{ apiKey: base.apiKey + suffix, apiSecret: base.apiSecret + suffix }, base];
}

/**
 * Selection rule: for `--api-env E`, the pair `<KEY>_<E>`/`<SECRET>_<E>` (E upper-cased) if either is set,
 * otherwise the plain pair, which therefore serves every api env. A half-set pair is an error naming the missing
 * variable; empty values count as unset. The environment is injected (pass `process.env`) so tests need no globals.
 */
export class EnvSecretProvider implements SecretProvider {
  /** `names`: each signing venue's base variable names (its module's `credentials`). */
  constructor(
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly names: ReadonlyMap<SecretVenue, CredentialNames>,
  ) {}

  getCredentials(venue: SecretVenue, apiEnv: ApiEnv): Credentials | null {
    const base = this.names.get(venue);
    if (base === undefined) return null;
    for (const names of envVariableCandidates(base, apiEnv)) {
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
