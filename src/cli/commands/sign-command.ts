// `shadow-exec sign`: signs one REST request with the configured keys by the chosen venue's signer and prints signature and headers as JSON, for checking by hand.
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { canonicalJson } from '../../core/report/canonical-json.js';
import { orList } from '../../core/text/or-list.js';
import { API_ENVS, type ApiEnv, type CredentialNames, type VenueCredentials } from '../../ports/secret-provider.js';
import { credentialNames, loadedVenues, venueModule } from '../../app/venue-registry.js';
import { ChainedSecretProvider } from '../../secrets/chained-secret-provider.js';
import { EnvSecretProvider } from '../../secrets/env-secret-provider.js';
import { FileSecretProvider } from '../../secrets/file-secret-provider.js';
import { maskKey } from '../../secrets/mask-key.js';
import { placeholderCredentials } from '../../secrets/placeholder-credentials.js';
import { resolveCredentials } from '../../secrets/resolve-credentials.js';
import type { SignFlagName, VenueModule, VenueSigner } from '../../venues/venue-module.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { notOnVenue, venueFlags } from '../../app/config/venue-flag.js';

interface SignFlags {
  readonly exchange: string;
  readonly method: string;
  readonly path?: string;
  readonly body?: string;
  readonly query?: string;
  readonly timestamp?: string;
  readonly recvWindow: string;
  readonly action?: string;
  readonly nonce?: string;
  readonly secrets?: string;
  readonly apiEnv: string;
  readonly placeholder?: boolean;
}

type SigningVenue = VenueModule & { readonly signer: VenueSigner; readonly credentials: CredentialNames };

/** The request flags by their command-line spelling. */
const FLAG_NAMES: Readonly<Record<string, SignFlagName>> = { '--method': 'method', '--path': 'path', '--body': 'body', '--query': 'query', '--timestamp': 'timestamp', '--recv-window': 'recvWindow', '--action': 'action', '--nonce': 'nonce' };

/** The loaded venues that sign requests, in registry order (`sign` loads every venue). */
function signingVenues(): SigningVenue[] {
  return loadedVenues().filter((v): v is SigningVenue => v.signer !== undefined && v.credentials !== undefined);
}

/** The signers' parts of one flag's description, joined. */
function flagHelp(flag: SignFlagName, before = ''): string {
  return before + signingVenues().flatMap((v) => v.signer.help.flags[flag] ?? []).join('; ');
}

export function signCommand(ctx: CliContext): Command {
  const venues = signingVenues();
  const names = venues.map((v) => v.name);
  return new Command('sign')
    .description(`Sign one REST request with your keys (never sent anywhere) and print what was signed, the signature and the headers as JSON: ${orList(venues.map((v) => v.signer.summary))}.`)
    .option('--exchange <name>', `venue whose signing rule to apply: ${orList(names)}`, names[0])
    .option('--method <m>', flagHelp('method'), 'POST')
    .option('--path <path>', `request path (${flagHelp('path')})`)
    .option('--body <text>', flagHelp('body'))
    .option('--query <qs>', flagHelp('query'))
    .option('--timestamp <ms>', flagHelp('timestamp'))
    .option('--recv-window <ms>', flagHelp('recvWindow'), '5000')
    .option('--action <json>', flagHelp('action'))
    .option('--nonce <ms>', flagHelp('nonce'))
    .option(
      '--secrets <file>',
      `JSON key file {${names.map((n) => `"${n}"`).join('|')}:{"<api-env>":{"apiKey":…,"apiSecret":…}}}, mode 600; else ${orList(venues.map((v) => `${v.credentials.apiKey}/${v.credentials.apiSecret}`))}`,
    )
    .option('--api-env <env>', `which key set: ${API_ENVS.join(', ')}`, 'dev')
    .option('--placeholder', 'sign with the built-in placeholder pair instead of your keys (for trying the command on a machine without keys)')
    .addHelpText(
      'after',
      `
The API key is masked in the output (abc…***) and the secret is never printed.

Without keys (and without --placeholder) it exits 2 naming the variables to set.

Examples:
${venues.flatMap((v) => v.signer.help.examples.map((line) => `  ${line}`)).join('\n')}`,
    )
    .action((flags: SignFlags, command: Command) => {
      ctx.setExitCode(executeSign(flags, ctx, (name) => command.getOptionValueSource(name) !== 'default'));
    });
}

function apiEnvOf(flags: SignFlags): ApiEnv {
  const apiEnv = flags.apiEnv.trim().toLowerCase();
  if (!(API_ENVS as readonly string[]).includes(apiEnv)) throw new UsageError(`--api-env '${flags.apiEnv}' is not allowed: expected ${API_ENVS.join(', ')}`);
  return apiEnv as ApiEnv;
}

function executeSign(flags: SignFlags, ctx: CliContext, given: (option: keyof SignFlags) => boolean): number {
  const exchange = flags.exchange.trim().toLowerCase();
  const venue = signingVenues().find((v) => v.name === exchange);
  if (venue === undefined) throw new UsageError(`--exchange '${flags.exchange}' is not allowed: expected ${orList(signingVenues().map((v) => v.name))}`);
  const refuse = (flag: string, why: string): Error => {
    const name = FLAG_NAMES[flag];
    const owners = signingVenues().filter((v) => name !== undefined && v.signer.help.flags[name] !== undefined).map((v) => v.name);
    return notOnVenue(flag, venueFlags(exchange), `${why} (${flag} is a ${owners.join('/')} flag)`);
  };
  // --action and --nonce belong to the signers that describe them; the others are refused here, not by each signer.
  for (const flag of ['--action', '--nonce'] as const) {
    const name = FLAG_NAMES[flag]!;
    if (flags[name as 'action' | 'nonce'] !== undefined && venue.signer.help.flags[name] === undefined) throw refuse(flag, `${venue.label} signs no ${name === 'action' ? 'action' : 'nonce'}`);
  }
  const prepared = venue.signer.prepare({ ...flags, given: (name) => given(name) }, Date.now(), refuse);
  const apiEnv = apiEnvOf(flags);
  const credentials = signingKeys(flags, ctx, venue, apiEnv);
  ctx.stdout.write(canonicalJson(prepared.sign(credentials, maskKey)));
  if (credentials.source === 'placeholder') ctx.stderr.write('signed with the built-in placeholder pair: the signature is not valid for any account\n');
  return EXIT.ok;
}

/** The configured keys (--secrets file, then the environment), or the placeholder pair with --placeholder. */
function signingKeys(flags: SignFlags, ctx: CliContext, venue: SigningVenue, apiEnv: ApiEnv): VenueCredentials {
  if (flags.placeholder) return placeholderCredentials(venue.name, apiEnv);
  const names = credentialNames();
  const file = flags.secrets === undefined ? null : FileSecretProvider.load(flags.secrets, [...names.keys()]);
  const providers = [...(file === null ? [] : [file]), new EnvSecretProvider(ctx.env, names)];
  return resolveCredentials(new ChainedSecretProvider(providers), venue.name, apiEnv, {
    allowPlaceholder: false,
    secretsFile: file,
    names: venueModule(venue.name).credentials!,
    missingHint: '; or add --placeholder to try the command with the built-in placeholder pair (its signatures are valid for no account)',
  });
}
