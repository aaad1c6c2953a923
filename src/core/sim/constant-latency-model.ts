// ConstantLatencyModel: every request takes the same one-way delay (virtual ms).
import type { JsonValue } from '../report/canonical-json.js';
import type { LatencyModel } from '../../ports/latency-model.js';

/** Every order entry, cancel and amend takes `ms` one way. */
export class ConstantLatencyModel implements LatencyModel {
  readonly name = 'constant';
  constructor(private readonly ms: number) {}

  entryDelayMs(): number {
    return this.ms;
  }

  cancelDelayMs(): number {
    return this.ms;
  }

  amendDelayMs(): number {
    return this.ms;
  }

  describe(): Record<string, JsonValue> {
    return { name: this.name, entry_ms: String(this.ms), cancel_ms: String(this.ms), amend_ms: String(this.ms) };
  }
}
