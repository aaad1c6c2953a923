// Converts a capture's receive time written as decimal epoch seconds ("1633998512.0633569") to integer ms, exactly and deterministically.
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';

const SECONDS = /^(\d+)(?:\.(\d+))?$/;

/**
 * Truncates toward zero on the decimal digits (no float arithmetic): "1633998512.0633569" → 1633998512063.
 * Truncation keeps the ms value at or before the true instant and keeps the order of the inputs.
 * Throws E_REPLAY_FORMAT for anything but plain non-negative decimal seconds within safe-integer ms.
 */
export function epochSecondsTextToMs(text: string): number {
  const match = SECONDS.exec(text);
  if (match === null) throw new ShadowExecError('E_REPLAY_FORMAT', `'${text}' is not a plain decimal number of epoch seconds`);
  const ms = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0').slice(0, 3));
  if (!Number.isSafeInteger(ms)) throw new ShadowExecError('E_REPLAY_FORMAT', `'${text}' seconds is out of range`);
  return ms;
}
