// RiskMonitor: blocks orders (inventory, total notional, order rate, REDUCING) and freezes on edge collapse, stale data, drawdown, an open venue circuit or by hand.
import { SlidingWindowLimiter } from '../limits/sliding-window-limiter.js';
import {
  ALLOW,
  BLOCK_REASONS,
  DENY,
  type BlockReason,
  type ControlSource,
  type FreezeEvent,
  type FreezeReason,
  type ReducingReason,
  type RiskActionSource,
  type RiskDecision,
  type RiskState,
  type RiskTransition,
  type RiskTransitionReason,
  type UnfreezeEvent,
} from './risk-decision.js';
import type { SymbolIndex } from '../model/symbol-table.js';
import { decideOrder, type ExposureView, type OrderIntent } from './order-gate.js';
import { resolveRiskOptions, type RiskLimits } from './risk-limits.js';
import { StaleDataWatch, type StaleSymbol } from './stale-data-watch.js';
import type { UnfreezePolicy } from './unfreeze-policy.js';

export type { RiskState } from './risk-decision.js';

/** A block reason's counter slot: its position in BLOCK_REASONS. */
function blockSlot(reason: BlockReason): number {
  switch (reason) {
    case 'FROZEN':
      return 0;
    case 'MAX_INVENTORY':
      return 1;
    case 'MAX_ORDER_RATE':
      return 2;
    case 'MAX_TOTAL_NOTIONAL':
      return 3;
    case 'REDUCING_ONLY':
      return 4;
  }
}
export type { ExposureView, OrderIntent } from './order-gate.js';
export type { RiskLimits } from './risk-limits.js';

/**
 * State is derived: FROZEN while a freeze is in force, else REDUCING while a reducing reason is set, else ACTIVE.
 * A freeze and REDUCING are independent: unfreezing returns to REDUCING when its reason still holds.
 *
 * REDUCING rule: entered when the drawdown is strictly more than `reduceAtDrawdownPico` (reason SOFT_DRAWDOWN), left
 * when a later checkDrawdown sees it at or below that again; or by hand with enterReducing/leaveReducing (MANUAL).
 * While REDUCING only orders that cannot grow or flip the position pass (REDUCING_ONLY; exact rule in decideOrder).
 *
 * One freeze is in force at a time: while FROZEN, rules do not freeze again (they return null), except that a manual
 * freeze over a rule's freeze replaces it (recorded as a new MANUAL event), so the system then waits for a hand.
 */
export class RiskMonitor {
  private activeFreeze: FreezeEvent | null = null;
  private reducing: ReducingReason | null = null;
  /** Blocks per reason, by the reason's position in BLOCK_REASONS (a string-keyed map cost a hash lookup per denial). */
  private readonly blocks = new Float64Array(BLOCK_REASONS.length);
  /** Σ of `blocks` (read once per --series sample: kept, not summed). */
  private blockCount = 0;
  private readonly freezes: FreezeEvent[] = [];
  private readonly unfreezes: UnfreezeEvent[] = [];
  private readonly stateLog: RiskTransition[] = [];
  private readonly staleWatch = new StaleDataWatch();
  private readonly orderRate: SlidingWindowLimiter | null;
  private readonly staleMs: number | null;
  private readonly maxDrawdownPico: bigint | null;
  private readonly reduceAtDrawdownPico: bigint | null;
  private peakPnlPico = 0n;
  private drawdown = 0n;
  /** Auto-unfreeze: first evaluation of the current unbroken run that saw the freeze's condition cleared. */
  private clearedSinceMs: number | null = null;
  readonly unfreezePolicy: UnfreezePolicy;

  constructor(readonly limits: RiskLimits) {
    const options = resolveRiskOptions(limits);
    this.staleMs = options.staleMs;
    this.maxDrawdownPico = options.maxDrawdownPico;
    this.reduceAtDrawdownPico = options.reduceAtDrawdownPico;
    this.unfreezePolicy = options.unfreeze;
    this.orderRate =
      options.maxOrdersPerSec === null ? null : new SlidingWindowLimiter({ name: 'max orders per second', limit: options.maxOrdersPerSec, windowMs: 1000 });
  }

  get state(): RiskState {
    return this.activeFreeze !== null ? 'FROZEN' : this.reducing !== null ? 'REDUCING' : 'ACTIVE';
  }

  get frozen(): boolean {
    return this.activeFreeze !== null;
  }

  /** Decides one order; a denial is counted under its reason. */
  checkOrder(order: OrderIntent, view: ExposureView): RiskDecision {
    const decision = this.decide(order, view);
    if (decision.kind === 'deny') this.count(decision.reason);
    return decision;
  }

  /**
   * The order-rate limit, asked right before an order is sent (after checkOrder allowed it): allows and counts the
   * order while fewer than maxOrdersPerSec were allowed in (now − 1000, now]; else MAX_ORDER_RATE. Blocked orders do not
   * count toward the rate. Always allows when the limit is off. Times must not go backwards.
   */
  checkOrderRate(nowMs: number): RiskDecision {
    if (this.orderRate === null) return ALLOW;
    if (this.orderRate.canTake(nowMs, 1)) {
      this.orderRate.take(nowMs, 1);
      return ALLOW;
    }
    this.count('MAX_ORDER_RATE');
    return DENY.MAX_ORDER_RATE;
  }

  /** checkOrder, then (only if it allowed) checkOrderRate: one decision, one count. */
  checkOrderAt(order: OrderIntent, view: ExposureView, nowMs: number): RiskDecision {
    const decision = this.checkOrder(order, view);
    return decision.kind === 'deny' ? decision : this.checkOrderRate(nowMs);
  }

  private count(reason: BlockReason): void {
    this.blocks[blockSlot(reason)]!++;
    this.blockCount++;
  }

  private decide(order: OrderIntent, view: ExposureView): RiskDecision {
    if (this.activeFreeze !== null) return DENY.FROZEN;
    return decideOrder(order, view, this.limits, this.reducing !== null);
  }

  /** Freezes when an ACTIVE system's net edge on `symbol` is below the threshold; returns the new event. */
  evaluateEdge(symbol: string, edgeBpsE4: number, nowMs: number): FreezeEvent | null {
    if (this.activeFreeze !== null || edgeBpsE4 >= this.limits.edgeThresholdBpsE4) return null;
    return this.freeze('EDGE_BELOW_THRESHOLD', symbol, nowMs, 'auto', edgeBpsE4, null, null);
  }

  // ── stale market data ─────────────────────────────────────────────────────────────

  /** Names the traded symbols (index i is symbols[i]) and starts the stale-data clock at sinceMs for those that have had no data yet (call at the run start). */
  watchMarketData(symbols: readonly string[], sinceMs: number): void {
    this.staleWatch.watch(symbols, sinceMs);
  }

  /** Market data for symbol index `symbol` at tsMs (virtual ms); an unwatched symbol becomes watched. */
  onMarketData(symbol: SymbolIndex, tsMs: number): void {
    this.staleWatch.onData(symbol, tsMs);
  }

  /** The stalest symbol whose data is more than staleMs old at nowMs, or null (always null when the rule is off). */
  staleSymbol(nowMs: number): StaleSymbol | null {
    return this.staleMs === null ? null : this.staleWatch.stalest(nowMs, this.staleMs);
  }

  /** Freezes STALE_MARKET_DATA on the stalest symbol older than staleMs; null when off, fresh or already frozen. */
  checkStale(nowMs: number): FreezeEvent | null {
    if (this.activeFreeze !== null) return null;
    const stale = this.staleSymbol(nowMs);
    return stale === null ? null : this.freeze('STALE_MARKET_DATA', stale.symbol, nowMs, 'auto', 0, stale.ageMs, null);
  }

  // ── drawdown and REDUCING ────────────────────────────────────────────────────────

  /** Peak total PnL seen so far, pico-quote; a run starts flat, so the peak starts at 0. */
  get peakPnl(): bigint {
    return this.peakPnlPico;
  }

  /** Peak − total PnL at the last checkDrawdown, pico-quote (≥ 0). */
  get drawdownPico(): bigint {
    return this.drawdown;
  }

  /**
   * Tracks the PnL peak; freezes MAX_DRAWDOWN when peak − pnl > maxDrawdownPico (unless already frozen), and sets or
   * clears the SOFT_DRAWDOWN reducing reason against reduceAtDrawdownPico (also while frozen, for after the unfreeze).
   */
  checkDrawdown(pnlTotalPico: bigint, nowMs: number): FreezeEvent | null {
    if (pnlTotalPico > this.peakPnlPico) this.peakPnlPico = pnlTotalPico;
    this.drawdown = this.peakPnlPico - pnlTotalPico;
    let event: FreezeEvent | null = null;
    if (this.maxDrawdownPico !== null && this.drawdown > this.maxDrawdownPico && this.activeFreeze === null) {
      event = this.freeze('MAX_DRAWDOWN', null, nowMs, 'auto', 0, null, this.drawdown);
    }
    if (this.reduceAtDrawdownPico !== null) {
      if (this.drawdown > this.reduceAtDrawdownPico) this.enterReducing('SOFT_DRAWDOWN', nowMs);
      else if (this.reducing === 'SOFT_DRAWDOWN') this.leaveReducing(nowMs);
    }
    return event;
  }

  /** Why the system is reducing-only (also while FROZEN on top of it), or null. */
  get reducingReason(): ReducingReason | null {
    return this.reducing;
  }

  /** Sets the reducing reason unless one is already set (the first reason stays); true when it was set. */
  enterReducing(reason: ReducingReason, nowMs: number, source: RiskActionSource = 'auto'): boolean {
    if (this.reducing !== null) return false;
    this.change(() => (this.reducing = reason), nowMs, reason, source);
    return true;
  }

  /** Clears the reducing reason, whichever it is; true when one was set. */
  leaveReducing(nowMs: number, source: RiskActionSource = 'auto'): boolean {
    if (this.reducing === null) return false;
    this.change(() => (this.reducing = null), nowMs, 'REDUCING_ENDED', source);
    return true;
  }

  // ── circuit breaker, manual control, unfreeze ───────────────────────────────────

  /** The venue circuit breaker opened: freeze VENUE_CIRCUIT_OPEN unless already frozen. */
  onCircuitOpen(nowMs: number): FreezeEvent | null {
    return this.activeFreeze !== null ? null : this.freeze('VENUE_CIRCUIT_OPEN', null, nowMs, 'auto', 0, null, null);
  }

  /** Freeze by hand (MANUAL); over a rule's freeze it replaces it; null when a MANUAL freeze is already in force. */
  manualFreeze(source: ControlSource, nowMs: number): FreezeEvent | null {
    if (this.activeFreeze?.reason === 'MANUAL') return null;
    return this.freeze('MANUAL', null, nowMs, source, 0, null, null);
  }

  /** Unfreeze by hand, whatever the freeze's reason (a rule whose condition still holds freezes again at its next check). */
  unfreeze(source: ControlSource, nowMs: number): UnfreezeEvent | null {
    return this.endFreeze(nowMs, source);
  }

  /**
   * Auto-unfreeze (policy auto:<ms> only, never a MANUAL freeze). conditionCleared(reason) is asked on every call while
   * frozen; c is the time of the first call of the current unbroken run of calls that all answered true (a false
   * answer, a new freeze or an unfreeze ends the run). The freeze ends at the first call at t with t − c ≥ ms, so with
   * auto:0 on the first call that sees the condition cleared. Returns the unfreeze, or null.
   */
  evaluateUnfreeze(nowMs: number, conditionCleared: (reason: FreezeReason) => boolean): UnfreezeEvent | null {
    const freeze = this.activeFreeze;
    if (freeze === null || this.unfreezePolicy.kind === 'manual' || freeze.reason === 'MANUAL') return null;
    if (!conditionCleared(freeze.reason)) {
      this.clearedSinceMs = null;
      return null;
    }
    if (this.clearedSinceMs === null) this.clearedSinceMs = nowMs;
    if (nowMs - this.clearedSinceMs < this.unfreezePolicy.afterMs) return null;
    return this.endFreeze(nowMs, 'auto');
  }

  /**
   * Whether the condition behind a freeze reason has cleared, for the reasons the monitor can judge itself:
   * STALE_MARKET_DATA (no symbol stale now) and MAX_DRAWDOWN (drawdown at or below the limit at the last check);
   * null for EDGE_BELOW_THRESHOLD, VENUE_CIRCUIT_OPEN and MANUAL, which the caller must judge.
   */
  ownConditionCleared(reason: FreezeReason, nowMs: number): boolean | null {
    if (reason === 'STALE_MARKET_DATA') return this.staleSymbol(nowMs) === null;
    if (reason === 'MAX_DRAWDOWN') return this.maxDrawdownPico === null || this.drawdown <= this.maxDrawdownPico;
    return null;
  }

  private endFreeze(nowMs: number, source: RiskActionSource): UnfreezeEvent | null {
    const freeze = this.activeFreeze;
    if (freeze === null) return null;
    const event: UnfreezeEvent = { reason: freeze.reason, symbol: freeze.symbol, ts: nowMs, frozenAt: freeze.ts, source };
    this.change(() => (this.activeFreeze = null), nowMs, 'UNFROZEN', source);
    this.unfreezes.push(event);
    this.clearedSinceMs = null;
    return event;
  }

  private freeze(
    reason: FreezeReason,
    symbol: string | null,
    nowMs: number,
    source: RiskActionSource,
    edgeBpsE4: number,
    staleAgeMs: number | null,
    drawdownPico: bigint | null,
  ): FreezeEvent {
    const event: FreezeEvent = {
      reason,
      symbol,
      ts: nowMs,
      edgeBpsE4,
      thresholdBpsE4: reason === 'EDGE_BELOW_THRESHOLD' ? this.limits.edgeThresholdBpsE4 : 0,
      ordersCancelled: 0,
      cancelsConfirmedAt: -1,
      source,
      staleAgeMs,
      drawdownPico,
    };
    this.change(() => (this.activeFreeze = event), nowMs, reason, source);
    this.freezes.push(event);
    this.clearedSinceMs = null;
    return event;
  }

  /** Runs a state mutation and records the transition when the derived state changed. */
  private change(mutate: () => void, atMs: number, reason: RiskTransitionReason, source: RiskActionSource): void {
    const from = this.state;
    mutate();
    const to = this.state;
    if (from !== to) this.stateLog.push({ from, to, atMs, reason, source });
  }

  get freezeEvents(): readonly FreezeEvent[] {
    return this.freezes;
  }

  get unfreezeEvents(): readonly UnfreezeEvent[] {
    return this.unfreezes;
  }

  /** The freeze in force, or null. */
  get currentFreeze(): FreezeEvent | null {
    return this.activeFreeze;
  }

  /** Every state change (ACTIVE, REDUCING, FROZEN), in order. */
  get transitions(): readonly RiskTransition[] {
    return this.stateLog;
  }

  /** Blocks of the reason BLOCK_REASONS[slot] so far (the --series sampler reads them at each sample without building blocksByReason()). */
  blocksOf(slot: number): number {
    return this.blocks[slot] ?? 0;
  }

  /** Blocks by reason, reasons sorted by name. */
  blocksByReason(): Record<string, number> {
    const out: Record<string, number> = {};
    // BLOCK_REASONS is sorted by name; a reason never counted is left out, as before.
    BLOCK_REASONS.forEach((reason, slot) => {
      if (this.blocks[slot]! > 0) out[reason] = this.blocks[slot]!;
    });
    return out;
  }

  get blocksTotal(): number {
    return this.blockCount;
  }
}
