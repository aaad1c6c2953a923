// One dry-run request journal line, the same shape for every venue: when it left, what it was for, and the request exactly as signed.
import { canonicalJsonLine, type JsonValue } from '../../core/report/canonical-json.js';
import { isoUtc } from '../../core/report/units.js';
import type { GateRequest } from '../../ports/request-gate.js';

export interface RenderedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string as sent (signature included where the venue puts it there); omitted from the line when absent. */
  readonly query?: string;
  /** The body as sent, byte for byte ('' for none). */
  readonly body: string;
  /** Headers with every key already masked. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Canonical JSON line: seq, send time, kind, order id (null for cancel-all), symbol, method, path, [query], headers, body. */
export function requestJournalLine(seq: number, sendMs: number, gateRequest: GateRequest, request: RenderedRequest): string {
  const line: Record<string, JsonValue> = {
    seq,
    send_ms: sendMs,
    send_utc: isoUtc(sendMs),
    kind: gateRequest.kind,
    order_id: gateRequest.order?.id ?? null,
    symbol: gateRequest.symbol,
    method: request.method,
    path: request.path,
    headers: { ...request.headers },
    body: request.body,
  };
  if (request.query !== undefined) line['query'] = request.query;
  return canonicalJsonLine(line);
}
