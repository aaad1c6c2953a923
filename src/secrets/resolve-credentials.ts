// resolveCredentials: the key pair a run signs with — configured keys, else the placeholder pair when allowed, else E_SECRETS.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { ApiEnv, SecretProvider, SecretVenue, VenueCredentials } from '../ports/secret-provider.js';
import { envVariableCandidates } from './env-secret-provider.js';
import { placeholderCredentials } from './placeholder-credentials.js';

/**
 * `allowPlaceholder` is for dry runs: without keys they sign with the placeholder pair (source 'placeholder'),
 * which the caller must announce. Without it (e.g. the `sign` command) missing keys are an E_SECRETS error that
 * names the variables and the --secrets option.
 */
export function resolveCredentials(
  provider: SecretProvider,
  venue: SecretVenue,
  apiEnv: ApiEnv,
  options: { allowPlaceholder: boolean },
): VenueCredentials {
  const found = provider.getCredentials(venue, apiEnv);
  if (found !== null) return found;
  if (options.allowPlaceholder) return placeholderCredentials(venue, apiEnv);
  const [suffixed, plain] = envVariableCandidates(venue, apiEnv);
  throw new ShadowExecError(
    'E_SECRETS',
    `no ${venue} credentials for api env ${apiEnv}: set ${suffixed!.apiKey} and ${suffixed!.apiSecret} ` +
      `(or ${plain!.apiKey} and ${plain!.apiSecret}), or pass --secrets FILE with {"${venue}":{"${apiEnv}":{"apiKey":"…","apiSecret":"…"}}}`,
  );
}
