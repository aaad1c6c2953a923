// Credentials: a venue key pair whose secret never serialises — JSON, strings and util.inspect show masked values.
import type { ApiEnv, CredentialsSource, SecretVenue, VenueCredentials } from '../ports/secret-provider.js';
import { maskKey } from './mask-key.js';

/** What Credentials shows of itself anywhere it is printed or serialised. */
export interface MaskedCredentials {
  readonly venue: SecretVenue;
  readonly apiEnv: ApiEnv;
  readonly apiKey: string;
  readonly apiSecret: '***';
  readonly source: CredentialsSource;
}

/**
 * Key and secret live in private fields read through getters (on the prototype, so object spread, Object.keys,
 * structured logging and even `util.inspect(…, { customInspect: false })` do not copy them). Every printed form
 * masks the key with {@link maskKey} and shows the secret as `***`.
 */
export class Credentials implements VenueCredentials {
  readonly #apiKey: string;
  readonly #apiSecret: string;

  constructor(
    readonly venue: SecretVenue,
    readonly apiEnv: ApiEnv,
    apiKey: string,
    apiSecret: string,
    readonly source: CredentialsSource,
  ) {
    this.#apiKey = apiKey;
    this.#apiSecret = apiSecret;
  }

  /** The raw API key, for request headers; mask it (maskKey) anywhere a person may read it. */
  get apiKey(): string {
    return this.#apiKey;
  }

  /** The raw secret, for signing only. */
  get apiSecret(): string {
    return this.#apiSecret;
  }

  masked(): MaskedCredentials {
    return { venue: this.venue, apiEnv: this.apiEnv, apiKey: maskKey(this.apiKey), apiSecret: '***', source: this.source };
  }

  toJSON(): MaskedCredentials {
    return this.masked();
  }

  toString(): string {
    return `Credentials(${this.venue}/${this.apiEnv}, apiKey=${maskKey(this.apiKey)}, apiSecret=***, source=${this.source})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
