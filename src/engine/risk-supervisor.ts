// RiskSupervisor: runs the full risk monitor and the venue circuit breaker on the loop's clock — stale data, drawdown, circuit, manual control, auto-unfreeze.
import type { CircuitBreaker } from '../core/risk/circuit-breaker.js';
import type { ControlSource, FreezeEvent, FreezeReason, UnfreezeEvent } from '../core/risk/risk-decision.js';
import type { RiskMonitor } from '../core/risk/risk-monitor.js';
import type { SymbolIndex } from '../core/model/symbol-table.js';
import type { Ledger } from '../core/portfolio/ledger.js';
import { LoopPnlTotal } from './loop-pnl-total.js';
import type { EventScheduler } from '../core/scheduler/event-scheduler.js';
import type { Clock } from '../ports/clock.js';

/** Venue answers that count as failures of the venue itself (not of the order): outages, timeouts, server errors. */
export function isVenueFailure(code: string): boolean {
  return code === 'TIMEOUT' || HTTP_5XX.test(code);
}

/** Compiled once (a literal in the function would build a RegExp on every venue refusal). */
const HTTP_5XX = /^HTTP_5\d\d$/;

export interface SupervisorHooks {
  /** Freeze everything: cancel every order, place nothing (the loop's freezeAll). */
  readonly freeze: (event: FreezeEvent) => void;
  /** True while the run still expects market data (the periodic check stops with the feed, so a run can end). */
  readonly running: () => boolean;
}

/**
 * Rules: the checks run on every quote and, while the run is live, every `checkEveryMs` of virtual time (stale data
 * needs a clock tick when no data comes). The circuit breaker counts venue failures (HTTP 5xx, timeouts) on every
 * answer and successes on every accepted order; when it opens, everything freezes (VENUE_CIRCUIT_OPEN). That
 * freeze's condition counts as cleared once the breaker is HALF_OPEN or CLOSED: after an auto-unfreeze the next order
 * is the single half-open probe, which closes the breaker or opens it (and freezes) again.
 */
export class RiskSupervisor {
  private ticking = false;
  /** The total PnL the drawdown rule reads, made at its first check (it then hears of every book change). */
  private pnl: LoopPnlTotal | null = null;
  readonly manualActions: { readonly action: 'freeze' | 'unfreeze'; readonly source: ControlSource; readonly atMs: number; readonly applied: boolean }[] = [];

  constructor(
    private readonly deps: {
      readonly clock: Clock;
      readonly scheduler: EventScheduler;
      readonly risk: RiskMonitor;
      readonly ledger: Ledger;
      readonly breaker: CircuitBreaker;
      readonly checkEveryMs: number;
      readonly hooks: SupervisorHooks;
    },
  ) {}

  /** Starts the periodic check (idempotent). */
  start(symbols: readonly string[]): void {
    this.deps.risk.watchMarketData(symbols, this.deps.clock.now());
    if (this.ticking) return;
    this.ticking = true;
    this.schedule();
  }

  private schedule(): void {
    this.deps.scheduler.schedule(this.deps.clock.now() + this.deps.checkEveryMs, () => {
      if (!this.deps.hooks.running()) {
        this.ticking = false;
        return;
      }
      this.check();
      this.schedule();
    });
  }

  /** Market data for symbol index `symbol` at ts (virtual ms). */
  onMarketData(symbol: SymbolIndex, ts: number): void {
    this.deps.risk.onMarketData(symbol, ts);
  }

  /** Every check in order: stale data, drawdown (and its softer REDUCING limit), then the unfreeze policy; each only when configured. */
  check(): void {
    const limits = this.deps.risk.limits;
    const drawdown = limits.maxDrawdownPico != null || limits.reduceAtDrawdownPico != null;
    // Runs on every quote: with nothing configured and nothing frozen there is nothing to ask (not even the time).
    if (limits.staleMs == null && !drawdown && !this.deps.risk.frozen) return;
    const now = this.deps.clock.now();
    if (limits.staleMs != null) this.apply(this.deps.risk.checkStale(now));
    if (drawdown) {
      this.pnl ??= new LoopPnlTotal(this.deps.ledger, this.deps.ledger.symbols.length);
      this.apply(this.deps.risk.checkDrawdown(this.pnl.totalPico(), now));
    }
    if (this.deps.risk.frozen) this.deps.risk.evaluateUnfreeze(now, (reason) => this.conditionCleared(reason, now));
  }

  /** The periodic check is needed only when something can change without market data: stale data, or an auto-unfreeze. */
  get needsClock(): boolean {
    return this.deps.risk.limits.staleMs != null || this.deps.risk.unfreezePolicy.kind === 'auto';
  }

  private conditionCleared(reason: FreezeReason, now: number): boolean {
    if (reason === 'VENUE_CIRCUIT_OPEN') return this.deps.breaker.state(now) !== 'OPEN';
    return this.deps.risk.ownConditionCleared(reason, now) ?? false;
  }

  /** A venue answer: failures feed the breaker (opening it freezes everything), an accepted order is a success. */
  onVenueAnswer(code: string | null): void {
    const now = this.deps.clock.now();
    if (code === null) {
      this.deps.breaker.onSuccess(now);
      return;
    }
    if (!isVenueFailure(code)) return;
    this.deps.breaker.onFailure(now);
    if (this.deps.breaker.state(now) === 'OPEN') this.apply(this.deps.risk.onCircuitOpen(now));
  }

  /** Whether the breaker lets an order through now (HALF_OPEN: exactly one probe). */
  mayPlaceOrder(): boolean {
    const now = this.deps.clock.now();
    const state = this.deps.breaker.state(now);
    if (state === 'CLOSED') return true;
    return state === 'HALF_OPEN' && this.deps.breaker.tryAcquire(now);
  }

  manualFreeze(source: ControlSource): FreezeEvent | null {
    const event = this.deps.risk.manualFreeze(source, this.deps.clock.now());
    this.manualActions.push({ action: 'freeze', source, atMs: this.deps.clock.now(), applied: event !== null });
    this.apply(event);
    return event;
  }

  manualUnfreeze(source: ControlSource): UnfreezeEvent | null {
    const event = this.deps.risk.unfreeze(source, this.deps.clock.now());
    this.manualActions.push({ action: 'unfreeze', source, atMs: this.deps.clock.now(), applied: event !== null });
    return event;
  }

  private apply(event: FreezeEvent | null): void {
    if (event !== null) this.deps.hooks.freeze(event);
  }
}
