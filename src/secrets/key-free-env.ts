// keyFreeEnv: a copy of an environment without any venue key variable (plain or suffixed with any api env), for runs that must sign with placeholders only.
import { ENV_VARIABLES } from './env-secret-provider.js';

/** Every base name a venue key or secret is read from (`BYBIT_API_KEY`, …); suffixed forms are `<base>_<ENV>`. */
const BASES: readonly string[] = Object.values(ENV_VARIABLES).flatMap((names) => [names.apiKey, names.apiSecret]);

/** True for `<base>` and `<base>_<anything>`: the plain pair and every api env's pair (`_DEV`, `_SHADOW`, `_SOAK`, `_PROD`, …). */
export function isKeyVariable(name: string): boolean {
  return BASES.some((base) => name === base || name.startsWith(`${base}_`));
}

/** `env` without its key variables: a dry run started with it finds no keys for any venue or api env and signs with the placeholder pair. */
export function keyFreeEnv(env: Readonly<NodeJS.ProcessEnv>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isKeyVariable(name)));
}
