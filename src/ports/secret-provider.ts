// SecretProvider port: where a venue's API key and secret come from, per venue and --api-env.

/** A venue that signs requests, by its registry name (the venue modules with a signer). */
export type SecretVenue = string;

/** Names of the environment variables holding one venue's key pair (a wallet venue: account address and private key). */
export interface CredentialNames {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** `--api-env` values: which key set to use. */
export const API_ENVS = ['dev', 'shadow', 'soak', 'prod'] as const;
export type ApiEnv = (typeof API_ENVS)[number];

/** Where credentials came from; `placeholder` means built-in fake keys for dry runs without keys. */
export type CredentialsSource = 'env' | 'file' | 'placeholder';

/**
 * An API key pair. Implementations must never serialise `apiSecret`: JSON, string conversion and
 * util.inspect show a masked form only (see src/secrets/credentials.ts).
 */
export interface VenueCredentials {
  readonly venue: SecretVenue;
  readonly apiEnv: ApiEnv;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly source: CredentialsSource;
}

export interface SecretProvider {
  /** The key pair for `venue` in `apiEnv`, or null when this provider has none. Throws E_SECRETS when its source is broken. */
  getCredentials(venue: SecretVenue, apiEnv: ApiEnv): VenueCredentials | null;
}
