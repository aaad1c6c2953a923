// The fills part of a run config (--fill-model): how resting orders fill, with the settings that belong to each model.
import type { QueueCancelRule } from '../../core/sim/queue-cancel-rule.js';
import type { DecimalText } from './decimal-text.js';

/** --fill-model names (src/core/sim: probabilistic-, trade-through-, queue-position-fill-model.ts). */
export type FillModelName = 'probabilistic' | 'trade-through' | 'queue';
export const FILL_MODELS: readonly FillModelName[] = ['probabilistic', 'trade-through', 'queue'];

/** @default on the synthetic feed (which prints no trades): seeded fills at --fill-rate. */
export interface ProbabilisticFills {
  readonly model: 'probabilistic';
  /** --fill-rate: probability per update that a resting order the market has not crossed fills, 0..1, ≤ 6 places. @default '0.05' */
  readonly fillRate: DecimalText;
}

/** @default on replay and live feeds: trades at or through the price, and a crossing touch, fill by their size. */
export interface TradeThroughFills {
  readonly model: 'trade-through';
}

/** As trade-through, behind the public size ahead at the price level. */
export interface QueueFills {
  readonly model: 'queue';
  /** --queue-cancels: where public cancels at the order's level come from. @default 'proportional' */
  readonly queueCancels: QueueCancelRule;
}

export type FillsConfig = ProbabilisticFills | TradeThroughFills | QueueFills;
