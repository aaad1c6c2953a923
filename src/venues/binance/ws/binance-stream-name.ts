// Binance stream names: telling a partial-depth stream ("<symbol>@depth<levels>…") from a diff-depth one ("<symbol>@depth…").

/** "<symbol>@depth<levels>[@<speed>]" (partial) as opposed to "<symbol>@depth[@<speed>]" (diff). */
export function isPartialDepthStream(stream: string): boolean {
  const at = stream.indexOf('@depth');
  if (at < 0) return false;
  const next = stream.charCodeAt(at + 6);
  return next >= 48 && next <= 57;
}
