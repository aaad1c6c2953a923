// Keys and journal of a `run --mode dryrun` on a real venue (loaded by the run command only when a run has keys to read).
import type { RunConfig } from '../app/config/run-config.js';
import type { VenueDryRun } from '../app/venue-wiring.js';
import { credentialNames, venueModule } from '../app/venue-registry.js';
import { FileRequestJournal } from '../output/file-request-journal.js';
import { ChainedSecretProvider } from '../secrets/chained-secret-provider.js';
import { EnvSecretProvider } from '../secrets/env-secret-provider.js';
import { FileSecretProvider } from '../secrets/file-secret-provider.js';
import { maskKey } from '../secrets/mask-key.js';
import { resolveCredentials } from '../secrets/resolve-credentials.js';
import type { CliContext } from './cli-context.js';

/** The run flags a dry run reads (a subset of run-command's RunFlags, declared here so this lazily loaded module does not import its loader). */
export interface DryRunFlags {
  /** --journal FILE, when given. */
  readonly journal?: string;
  /** --secrets FILE, when given. */
  readonly secrets?: string;
  /** --quiet: no stderr note. */
  readonly quiet?: boolean;
}

/** Keys and journal for a dry run on a real venue: placeholder keys when none are configured, said on stderr; null on other runs (after reading a named --secrets file, which must be valid on any run). */
export function prepareDryRun(config: RunConfig, flags: DryRunFlags, ctx: CliContext): VenueDryRun | null {
  const names = credentialNames();
  const file = flags.secrets === undefined ? null : FileSecretProvider.load(flags.secrets, [...names.keys()]);
  const providers = [...(file === null ? [] : [file]), new EnvSecretProvider(ctx.env, names)];
  const module = venueModule(config.venue.name);
  if (config.mode !== 'dryrun' || module.credentials === undefined) return null;
  const venue = module.name;
  // Placeholders only when no key file was named: an explicit --secrets without the --api-env's keys is a mistake.
  const credentials = resolveCredentials(new ChainedSecretProvider(providers), venue, config.apiEnv, { allowPlaceholder: true, secretsFile: file, names: module.credentials });
  const envNames = `${module.credentials.apiKey}/${module.credentials.apiSecret}`;
  if (!flags.quiet) {
    ctx.stderr.write(
      credentials.source === 'placeholder'
        ? `dry run: no ${venue} keys for api env ${config.apiEnv} (${envNames} or --secrets): signing with the built-in placeholder pair; signatures are not valid for any account\n`
        : `dry run: signing with ${venue} key ${maskKey(credentials.apiKey)} (${config.apiEnv}, from ${credentials.source}); nothing is sent\n`,
    );
  }
  return { credentials, recvWindowMs: config.recvWindowMs, journal: flags.journal === undefined ? null : new FileRequestJournal(flags.journal) };
}

