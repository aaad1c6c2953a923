// Dry-run settings of a venue API gate (keys, recvWindow, journal) and the report section that describes them, the same for every venue.
import type { JsonValue } from '../../core/report/canonical-json.js';
import type { RequestJournal } from '../../ports/request-journal.js';
import type { VenueCredentials } from '../../ports/secret-provider.js';
import { maskKey } from '../../secrets/mask-key.js';

/** Present in --mode dryrun: every request is rendered, signed and journaled. */
export interface DryRunSettings {
  readonly credentials: VenueCredentials;
  readonly recvWindowMs: number;
  /** null: requests are rendered, signed and counted but not written anywhere. */
  readonly journal: RequestJournal | null;
}

/** The report's `venue_api.dry_run`: null outside a dry run; the key appears masked, the secret never. */
export function dryRunSection(dryRun: DryRunSettings | null, renderedRequests: number): JsonValue {
  if (dryRun === null) return null;
  const { credentials } = dryRun;
  return {
    rendered_requests: renderedRequests,
    journaled: dryRun.journal !== null,
    recv_window_ms: dryRun.recvWindowMs,
    credentials: { source: credentials.source, api_env: credentials.apiEnv, api_key: maskKey(credentials.apiKey) },
  };
}
