// keyFreeEnv: a copy of an environment without any venue key variable (plain or suffixed with any api env), for runs that must sign with placeholders only.
import type { CredentialNames } from '../ports/secret-provider.js';

/**
 * True for `<base>` and `<base>_<anything>` of any of `names` (every signing venue's base variable names): the plain
 * pair and every api env's pair (`_DEV`, `_SHADOW`, `_SOAK`, `_PROD`, …).
 */
export function isKeyVariable(name: string, names: Iterable<CredentialNames>): boolean {
  for (const pair of names) {
    for (const base of [pair.apiKey, pair.apiSecret]) if (name === base || name.startsWith(`${base}_`)) return true;
  }
  return false;
}

/** `env` without its key variables: a dry run started with it finds no keys for any venue or api env and signs with the placeholder pair. */
export function keyFreeEnv(env: Readonly<NodeJS.ProcessEnv>, names: Iterable<CredentialNames>): NodeJS.ProcessEnv {
  const all = [...names];
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isKeyVariable(name, all)));
}
