// LatencyModel port and its constant strategy: one-way delay (virtual ms) from sending a request to the venue acting on it.

export interface LatencyModel {
  readonly name: string;
  entryDelayMs(): number;
  cancelDelayMs(): number;
  describe(): Record<string, string>;
}

/** A latency model a rehearsal can spike: `extraMs` more one-way delay for requests sent before `untilMs`. */
export class SpikeableLatencyModel implements LatencyModel {
  readonly name: string;
  private extraMs = 0;
  private untilMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly base: LatencyModel,
    private readonly nowMs: () => number,
  ) {
    this.name = base.name;
  }

  spike(extraMs: number, untilMs: number): void {
    this.extraMs = extraMs;
    this.untilMs = untilMs;
  }

  private extra(): number {
    return this.nowMs() < this.untilMs ? this.extraMs : 0;
  }

  entryDelayMs(): number {
    return this.base.entryDelayMs() + this.extra();
  }

  cancelDelayMs(): number {
    return this.base.cancelDelayMs() + this.extra();
  }

  describe(): Record<string, string> {
    return this.base.describe();
  }
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
