// QueueCancelRule: where in a price level the public cancellations are assumed to come from, relative to our queued order.

/** proportional: spread over the level; behind-first: from behind us first (pessimistic); ahead-first: from ahead of us first (optimistic). */
export type QueueCancelRule = 'proportional' | 'behind-first' | 'ahead-first';

export const QUEUE_CANCEL_RULES: readonly QueueCancelRule[] = ['proportional', 'behind-first', 'ahead-first'];

export const QUEUE_CANCEL_RULE_TEXT: Readonly<Record<QueueCancelRule, string>> = {
  proportional: 'cancelled size is spread over the level in proportion: lots ahead shrink by floor(cancelled × ahead / level)',
  'behind-first': 'cancelled size comes from behind the order first; only the excess over the size behind it shrinks the lots ahead',
  'ahead-first': 'cancelled size comes from ahead of the order first: the lots ahead shrink by all of it',
};

/**
 * Lots still ahead of our order after `cancelled` public lots left a level that held `level` public lots, `ahead` of
 * them ahead of us. All in lots; invariant 0 ≤ ahead ≤ level, 0 < cancelled ≤ level. Exact integer arithmetic.
 */
export function aheadAfterCancels(rule: QueueCancelRule, ahead: number, level: number, cancelled: number): number {
  switch (rule) {
    case 'proportional':
      return ahead - Number((BigInt(cancelled) * BigInt(ahead)) / BigInt(level));
    case 'behind-first':
      return ahead - Math.max(0, cancelled - (level - ahead));
    case 'ahead-first':
      return Math.max(0, ahead - cancelled);
  }
}
