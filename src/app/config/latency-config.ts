// The latency part of a run config: one-way latency of order entry, cancel and amend on the virtual clock.

export interface LatencyConfig {
  /** --latency-ms: one-way latency of each request, virtual ms, 0..600000. @default 50 */
  readonly ms: number;
  /** --latency-jitter-ms: plus a seeded uniform 0..jitterMs per request, 0..600000 (0: constant). @default 0 */
  readonly jitterMs: number;
}
