// ChainedSecretProvider: asks several providers in order and returns the first key pair found.
import type { ApiEnv, SecretProvider, SecretVenue, VenueCredentials } from '../ports/secret-provider.js';

/** Typical chain: `--secrets FILE` first, then the environment. Errors from a provider propagate. */
export class ChainedSecretProvider implements SecretProvider {
  constructor(private readonly providers: readonly SecretProvider[]) {}

  getCredentials(venue: SecretVenue, apiEnv: ApiEnv): VenueCredentials | null {
    for (const provider of this.providers) {
      const found = provider.getCredentials(venue, apiEnv);
      if (found !== null) return found;
    }
    return null;
  }
}
