// A short, safe sample of a bad frame for the report's market_data.problems: credential-like values masked, control characters escaped, truncated.

/** Longest sample, in characters (an ellipsis marks a cut). */
export const FRAME_SAMPLE_CHARS = 120;
/** Bad frames that keep a sample; the rest are only counted. */
export const MAX_FRAME_SAMPLES = 5;

/** `"apiKey":"…"`, `"signature": "…"`, `"X-BAPI-SIGN":"…"`, `"token":"…"`: the value is masked whatever the key's case, also when an earlier cut left it unterminated. */
const CREDENTIAL_VALUE = /("[^"]*(?:api[-_]?key|secret|sign(?:ature)?|token|passw(?:or)?d|passphrase|auth)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/gi;

/**
 * The first FRAME_SAMPLE_CHARS characters of `text` with the values of credential-like keys replaced by "***" (before
 * truncation, so a cut never leaves half a secret) and control characters shown as \uXXXX.
 */
export function frameSample(text: string): string {
  const masked = text.replace(CREDENTIAL_VALUE, '$1"***"');
  const visible = masked.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length <= FRAME_SAMPLE_CHARS ? visible : `${visible.slice(0, FRAME_SAMPLE_CHARS)}…`;
}
