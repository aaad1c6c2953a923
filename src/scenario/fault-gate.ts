// FaultGate: wraps a venue's RequestGate to inject rehearsal faults on arrival — 5xx, timeouts, order rejects with a code, clock skew — and rate-limit storms.
import type { Order } from '../core/model/order.js';
import type { GateRequest, RequestGate } from '../core/sim/request-gate.js';
import type { VenueReject } from '../core/sim/venue-rules.js';
import type { JsonValue } from '../core/report/canonical-json.js';

/** A window of virtual time, [fromMs, untilMs). */
interface Window {
  readonly fromMs: number;
  readonly untilMs: number;
}

function inside(w: Window | null, t: number): boolean {
  return w !== null && t >= w.fromMs && t < w.untilMs;
}

/**
 * Faults answer a request on arrival, before the venue's own limits: a 5xx (HTTP 503) or timeout fails every request
 * kind; `order_rejects` fails new orders only with the given code; clock skew beyond the venue's recvWindow fails
 * every signed request with the venue's answer for a stale timestamp. A rate-limit storm turns the client's throttling
 * off for its window (the venue then answers with its own limit codes). Every injected answer is counted by code.
 */
export class FaultGate implements RequestGate {
  private outage: (Window & { readonly kind: '5xx' | 'timeout' }) | null = null;
  private rejects: (Window & { readonly code: string }) | null = null;
  private stormWindow: Window | null = null;
  private skewMs = 0;
  private readonly injected = new Map<string, number>();

  constructor(
    private readonly inner: RequestGate,
    private readonly recvWindowMs: number,
    /** The venue's answer to a request whose timestamp is outside the recvWindow (Bybit 10002, Binance -1021). */
    private readonly skewReject: VenueReject,
    /** Turns the inner gate's client throttling on or off (storms); null when the venue has no throttling. */
    private readonly setThrottle: ((on: boolean) => void) | null,
  ) {}

  venueOutage(kind: '5xx' | 'timeout', fromMs: number, untilMs: number): void {
    this.outage = { kind, fromMs, untilMs };
  }

  orderRejects(code: string, fromMs: number, untilMs: number): void {
    this.rejects = { code, fromMs, untilMs };
  }

  rateLimitStorm(fromMs: number, untilMs: number): void {
    this.stormWindow = { fromMs, untilMs };
    this.setThrottle?.(false);
  }

  clockSkew(ms: number): void {
    this.skewMs = ms;
  }

  get laneCount(): number {
    return this.inner.laneCount;
  }

  laneOf(request: GateRequest): number {
    return this.inner.laneOf(request);
  }

  sendableAtMs(request: GateRequest, nowMs: number): number {
    if (this.stormWindow !== null && nowMs >= this.stormWindow.untilMs) {
      this.stormWindow = null;
      this.setThrottle?.(true);
    }
    return this.inner.sendableAtMs(request, nowMs);
  }

  onSend(request: GateRequest, sendMs: number, heldMs: number): void {
    this.inner.onSend(request, sendMs, heldMs);
  }

  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null {
    const fault = this.fault(request.kind, request.order, arrivalMs);
    if (fault !== null) {
      this.injected.set(fault.code, (this.injected.get(fault.code) ?? 0) + 1);
      return fault;
    }
    return this.inner.venueAdmit(request, arrivalMs);
  }

  private fault(kind: GateRequest['kind'], _order: Order | null, t: number): VenueReject | null {
    if (inside(this.outage, t)) {
      return this.outage!.kind === '5xx'
        ? { code: 'HTTP_503', message: 'Service Unavailable (injected venue outage)' }
        : { code: 'TIMEOUT', message: 'no answer within the client timeout (injected venue outage)' };
    }
    if (Math.abs(this.skewMs) > this.recvWindowMs) return this.skewReject;
    if ((kind === 'create' || kind === 'oco') && inside(this.rejects, t)) return { code: this.rejects!.code, message: 'injected order reject' };
    return null;
  }

  report(): Record<string, unknown> {
    const injected: Record<string, JsonValue> = {};
    for (const code of [...this.injected.keys()].sort()) injected[code] = this.injected.get(code)!;
    const inner = this.inner.report();
    return Object.keys(injected).length === 0 ? inner : { ...inner, injected_faults: injected };
  }
}
