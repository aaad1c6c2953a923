// --fill-model with the settings that belong to it: --fill-rate to probabilistic, --queue-cancels to queue.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { QUEUE_CANCEL_RULES } from '../../core/sim/queue-cancel-rule.js';
import { FILL_MODELS, type FillsConfig } from './fills-config.js';
import { choiceValue, decimalValue } from './option-values.js';
import type { RunInput } from './run-input.js';

/** Default: probabilistic on the synthetic feed, which prints no trades; trade-through on replay and live feeds. */
export function fillsOption(input: RunInput, synthetic: boolean): FillsConfig {
  const model = choiceValue('fillModel', input.fillModel, FILL_MODELS, synthetic ? 'probabilistic' : 'trade-through');
  if (input.fillRate !== undefined && model !== 'probabilistic') {
    throw new UsageError(`--fill-rate applies to --fill-model probabilistic, not ${model} (which fills from trades and the touch)`);
  }
  if (input.queueCancels !== undefined && model !== 'queue') throw new UsageError(`--queue-cancels applies to --fill-model queue, not ${model}`);
  switch (model) {
    case 'probabilistic':
      return { model, fillRate: decimalValue('fillRate', input.fillRate) };
    case 'trade-through':
      return { model };
    case 'queue':
      return { model, queueCancels: choiceValue('queueCancels', input.queueCancels, QUEUE_CANCEL_RULES) };
  }
}
