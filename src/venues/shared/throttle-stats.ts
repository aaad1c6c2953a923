// ThrottleStats: how long a venue client held requests to stay within rate limits (count, total and longest wait), for the report.

export class ThrottleStats {
  /** Requests held at all, and the sum and maximum of their holds, virtual ms. */
  held = 0;
  totalWaitMs = 0;
  maxWaitMs = 0;

  record(waitMs: number): void {
    if (waitMs <= 0) return;
    this.held++;
    this.totalWaitMs += waitMs;
    if (waitMs > this.maxWaitMs) this.maxWaitMs = waitMs;
  }

  report(): { throttled_requests: number; total_wait_ms: number; max_wait_ms: number } {
    return { throttled_requests: this.held, total_wait_ms: this.totalWaitMs, max_wait_ms: this.maxWaitMs };
  }
}
