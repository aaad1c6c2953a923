// UnfreezePolicy: whether a freeze ends only by hand, or automatically a fixed time after its condition cleared.
import { ShadowExecError } from '../errors/shadow-exec-error.js';

/** `manual`: only unfreeze(source) ends a freeze. `auto`: also evaluateUnfreeze, afterMs after the condition cleared. */
export type UnfreezePolicy = { readonly kind: 'manual' } | { readonly kind: 'auto'; readonly afterMs: number };

export const MANUAL_UNFREEZE: UnfreezePolicy = { kind: 'manual' };

/** Longest auto-unfreeze delay accepted, ms (one day). */
export const MAX_AUTO_UNFREEZE_MS = 86_400_000;

/** "manual" | "auto:<ms>" (a whole number of ms, 0 to one day) → the policy; E_CONFIG otherwise. */
export function parseUnfreezePolicy(text: string): UnfreezePolicy {
  const trimmed = text.trim();
  if (trimmed === 'manual') return MANUAL_UNFREEZE;
  const match = /^auto:(\d+)$/.exec(trimmed);
  const afterMs = match === null ? NaN : Number(match[1]);
  if (!Number.isSafeInteger(afterMs) || afterMs > MAX_AUTO_UNFREEZE_MS) {
    throw new ShadowExecError('E_CONFIG', `unfreeze policy '${text}' is not allowed: expected manual or auto:<ms> (a whole number of ms from 0 to ${MAX_AUTO_UNFREEZE_MS}, e.g. auto:5000)`);
  }
  return { kind: 'auto', afterMs };
}

/** The policy as the CLI spells it. */
export function formatUnfreezePolicy(policy: UnfreezePolicy): string {
  return policy.kind === 'manual' ? 'manual' : `auto:${policy.afterMs}`;
}
