// HyperliquidAnswers: the venue's answers a run received, by order status name, each with the first answer as the /exchange endpoint writes it.
//
// An order the venue refuses still comes back HTTP 200 with "status": "ok"; the reason is in statuses[i].error
// (exchange endpoint docs, "Place an order", 200: OK Error Response): {"status":"ok","response":{"type":"order","data":
// {"statuses":[{"error":"<text>"}]}}}. A partly filled Ioc answers statuses[i].filled and its rest ends "canceled".
// The report counts rejections by the order status names (orders.rejects_by_code); this log shows what each looked like.
import type { VenueReject } from '../../ports/venue-rules.js';

/** One status name's answers: how many, and the first one (its body; for a partly filled Ioc, what the body holds). */
export interface HyperliquidAnswer {
  count: number;
  readonly httpStatus: number;
  readonly body: string;
}

/** The /exchange answer body of one order refused with `message` (statuses[0].error). */
export function orderErrorBody(message: string): string {
  return JSON.stringify({ status: 'ok', response: { type: 'order', data: { statuses: [{ error: message }] } } });
}

/** The whole-request error answer ({"status":"err","response":"<text>"}), as for a nonce or an address over its budget. */
export function requestErrorBody(message: string): string {
  return JSON.stringify({ status: 'err', response: message });
}

export class HyperliquidAnswers {
  private readonly byStatus = new Map<string, HyperliquidAnswer>();

  /** An order answered with statuses[i].error: counted under its status name (`reject.code`). */
  orderError(reject: VenueReject): void {
    this.add(reject.code, 200, orderErrorBody(reject.message));
  }

  /** A whole request refused (status "err"), counted under `name`. */
  requestError(name: string, message: string): void {
    this.add(name, 200, requestErrorBody(message));
  }

  /** An Ioc that filled in part: its answer is statuses[i].filled, its rest is cancelled ("canceled"). */
  iocPartlyFilled(): void {
    this.add('canceled', 200, 'statuses[0].filled {totalSz, avgPx, oid} of the part that filled; the rest canceled');
  }

  private add(name: string, httpStatus: number, body: string): void {
    const seen = this.byStatus.get(name);
    if (seen === undefined) this.byStatus.set(name, { count: 1, httpStatus, body });
    else seen.count++;
  }

  /** The report's `venue_api.answers`: by status name (sorted), count, HTTP status and first answer. */
  report(): Record<string, { count: number; http_status: number; first_answer: string }> {
    const out: Record<string, { count: number; http_status: number; first_answer: string }> = {};
    for (const name of [...this.byStatus.keys()].sort()) {
      const a = this.byStatus.get(name)!;
      out[name] = { count: a.count, http_status: a.httpStatus, first_answer: a.body };
    }
    return out;
  }
}
