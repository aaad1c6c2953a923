// resolveCredentials: the key pair a run signs with — configured keys, else the placeholder pair when allowed and no --secrets file was named, else E_SECRETS.
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import type { ApiEnv, CredentialNames, SecretProvider, SecretVenue, VenueCredentials } from '../ports/secret-provider.js';
import { envVariableCandidates } from './env-secret-provider.js';
import type { FileSecretProvider } from './file-secret-provider.js';
import { placeholderCredentials } from './placeholder-credentials.js';

export interface ResolveOptions {
  /** Dry runs: without configured keys, sign with the placeholder pair (which the caller must announce). */
  readonly allowPlaceholder: boolean;
  /**
   * The --secrets file the user passed, if any. Naming a file says "sign with these keys": when neither it nor the
   * environment has the requested api env, that is an error even where placeholders are allowed.
   */
  readonly secretsFile?: Pick<FileSecretProvider, 'path' | 'apiEnvsOf'> | null;
  /** Appended to the "no credentials" message, e.g. how to try the command without keys. */
  readonly missingHint?: string;
  /** The venue's base variable names, for the "no credentials" message. */
  readonly names: CredentialNames;
}

/**
 * The key pair to sign with: the providers' (file, then environment), else the placeholder pair when allowed and
 * no --secrets file was named, else E_SECRETS naming the variables, the file's api envs and the --secrets option.
 */
export function resolveCredentials(provider: SecretProvider, venue: SecretVenue, apiEnv: ApiEnv, options: ResolveOptions): VenueCredentials {
  const found = provider.getCredentials(venue, apiEnv);
  if (found !== null) return found;
  const [suffixed, plain] = envVariableCandidates(options.names, apiEnv);
  const variables = `${suffixed!.apiKey}/${suffixed!.apiSecret} (or ${plain!.apiKey}/${plain!.apiSecret})`;
  const entry = `{"${venue}":{"${apiEnv}":{"apiKey":"…","apiSecret":"…"}}}`;
  const file = options.secretsFile ?? null;
  if (file !== null) {
    const held = file.apiEnvsOf(venue);
    throw new ShadowExecError(
      'E_SECRETS',
      `--secrets ${file.path} has no ${venue} keys for api env ${apiEnv} (${held.length === 0 ? `no ${venue} keys at all` : `it has: ${held.join(', ')}`}) ` +
        `and ${variables} are not set: add ${entry} to the file, or pick one of its api envs with --api-env`,
    );
  }
  if (options.allowPlaceholder) return placeholderCredentials(venue, apiEnv);
  throw new ShadowExecError(
    'E_SECRETS',
    `no ${venue} credentials for api env ${apiEnv}: set ${suffixed!.apiKey} and ${suffixed!.apiSecret} ` +
      `(or ${plain!.apiKey} and ${plain!.apiSecret}), or pass --secrets FILE with ${entry}${options.missingHint ?? ''}`,
  );
}
