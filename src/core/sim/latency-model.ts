// LatencyModel port and its constant strategy: one-way delay (virtual ms) from sending a request to the venue acting on it.

export interface LatencyModel {
  readonly name: string;
  entryDelayMs(): number;
  cancelDelayMs(): number;
  describe(): Record<string, string>;
}

export class ConstantLatencyModel implements LatencyModel {
  readonly name = 'constant';
  constructor(private readonly ms: number) {}

  entryDelayMs(): number {
    return this.ms;
  }

  cancelDelayMs(): number {
    return this.ms;
  }

  describe(): Record<string, string> {
    return { name: this.name, entry_ms: String(this.ms), cancel_ms: String(this.ms) };
  }
}
