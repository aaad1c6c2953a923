// FaultGate: wraps a venue's RequestGate to inject rehearsal faults on arrival — 5xx, timeouts, order rejects with a code, clock skew either way — and rate-limit storms.
import type { GateRequest, RequestGate } from '../ports/request-gate.js';
import type { VenueReject } from '../ports/venue-rules.js';
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
 * The venue's timing check of a signed request: stamped `timestampMs` by the client, arriving at `serverMs`
 * (VenueRules.timestampRejected).
 */
export type TimestampCheck = (timestampMs: number, serverMs: number, recvWindowMs: number) => VenueReject | null;

/**
 * Faults answer a request on arrival, before the venue's own limits: a 5xx (HTTP 503) or timeout fails every request
 * kind; the venue's timing check fails every signed request whose timestamp (its send time on the client's clock, which
 * runs `skewMs` off the venue's, so latency adds to a behind skew) falls outside the venue's window, behind or ahead; `order_rejects` fails new orders only
 * with the given code. A rate-limit storm turns the client's throttling off for its window (the venue then answers with
 * its own limit codes). Every injected answer is counted by code, timestamp refusals also by side (`timestamp_rejects`).
 */
export class FaultGate implements RequestGate {
  private outage: (Window & { readonly kind: '5xx' | 'timeout' }) | null = null;
  private rejects: (Window & { readonly code: string }) | null = null;
  private stormWindow: Window | null = null;
  private skewMs = 0;
  private readonly injected = new Map<string, number>();
  /** Requests the venue's timing check refused, by side: stamped ahead of its clock, or behind it. */
  private readonly timestampRejects = { ahead: 0, behind: 0 };
  /** Each request's timestamp as the client signed it when it left: send time plus the skew at that moment. */
  private readonly stamped = new WeakMap<GateRequest, number>();

  constructor(
    private readonly inner: RequestGate,
    private readonly recvWindowMs: number,
    private readonly timestampCheck: TimestampCheck,
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
    this.stamped.set(request, sendMs + this.skewMs);
    this.inner.onSend(request, sendMs, heldMs);
  }

  venueAdmit(request: GateRequest, arrivalMs: number): VenueReject | null {
    const timestampMs = this.stamped.get(request) ?? arrivalMs + this.skewMs;
    this.stamped.delete(request);
    const fault = this.fault(request.kind, timestampMs, arrivalMs);
    if (fault !== null) {
      this.injected.set(fault.code, (this.injected.get(fault.code) ?? 0) + 1);
      return fault;
    }
    return this.inner.venueAdmit(request, arrivalMs);
  }

  private fault(kind: GateRequest['kind'], timestampMs: number, t: number): VenueReject | null {
    if (inside(this.outage, t)) {
      return this.outage!.kind === '5xx'
        ? { code: 'HTTP_503', message: 'Service Unavailable', detail: 'injected venue outage' }
        : { code: 'TIMEOUT', message: 'no answer within the client timeout', detail: 'injected venue outage' };
    }
    const stale = this.timestampCheck(timestampMs, t, this.recvWindowMs);
    if (stale !== null) {
      this.timestampRejects[timestampMs > t ? 'ahead' : 'behind']++;
      return stale;
    }
    if ((kind === 'create' || kind === 'oco') && inside(this.rejects, t)) return { code: this.rejects!.code, message: 'injected order reject', detail: 'scenario order_rejects' };
    return null;
  }

  report(): Record<string, unknown> {
    const injected: Record<string, JsonValue> = {};
    for (const code of [...this.injected.keys()].sort()) injected[code] = this.injected.get(code)!;
    const inner = this.inner.report();
    if (Object.keys(injected).length === 0) return inner;
    const { ahead, behind } = this.timestampRejects;
    return ahead + behind === 0 ? { ...inner, injected_faults: injected } : { ...inner, injected_faults: injected, timestamp_rejects: { ahead, behind } };
  }
}
