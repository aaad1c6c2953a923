// LatencyModel port: one-way delay (virtual ms) from sending a request to the venue acting on it; strategies in src/core/sim/*-latency-model.ts.
import type { JsonValue } from '../core/report/canonical-json.js';

export interface LatencyModel {
  readonly name: string;
  entryDelayMs(): number;
  cancelDelayMs(): number;
  amendDelayMs(): number;
  describe(): Record<string, JsonValue>;
}
