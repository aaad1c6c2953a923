// What a feed that delivered nothing in its time saw, in words: the last connection error, a connection that stayed silent, or no connection at all.

/**
 * `lastLoss`: the latest reason a connection was lost or gave up (null: none was lost); `connected`: a socket
 * opened at some point; `frames`: data frames read (when some came but none was usable, say so).
 */
export function noDataCause(lastLoss: string | null, connected: boolean, frames: { readonly count: number; readonly usableFor: string } | null = null): string {
  if (lastLoss !== null) return `last connection error: ${lastLoss}`;
  if (frames !== null && frames.count > 0) return `${frames.count} frames read, none a market update of ${frames.usableFor}`;
  return connected ? 'connected, but no data frame arrived' : 'no connection opened';
}
