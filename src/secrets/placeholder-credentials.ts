// placeholderCredentials: the clearly fake key pair dry runs sign with when no real keys are configured.
import type { ApiEnv, SecretVenue } from '../ports/secret-provider.js';
import { Credentials } from './credentials.js';

/** Fake key: any venue would reject it; its masked form is `PLA…***`. */
export const PLACEHOLDER_API_KEY = 'PLACEHOLDER-API-KEY-NOT-A-REAL-KEY';
/** Fake secret; public on purpose, so signatures made with it are reproducible and worthless. */
export const PLACEHOLDER_API_SECRET = 'PLACEHOLDER-API-SECRET-NOT-A-REAL-SECRET';

/** Placeholder pair flagged `source: 'placeholder'`; the report and stderr must say the run used it. */
export function placeholderCredentials(venue: SecretVenue, apiEnv: ApiEnv): Credentials {
  return new Credentials(venue, apiEnv, PLACEHOLDER_API_KEY, PLACEHOLDER_API_SECRET, 'placeholder');
}
