// Builds the run's fill model and latency model from its settings (--fill-model, --fill-rate, --queue-cancels, --latency-ms, --latency-jitter-ms).
import type { Instrument } from '../core/model/instrument.js';
import type { FillModel } from '../ports/fill-model.js';
import { IcebergVisible } from '../core/sim/iceberg-visible.js';
import { ConstantLatencyModel } from '../core/sim/constant-latency-model.js';
import { JitteredLatencyModel } from '../core/sim/jittered-latency-model.js';
import type { LatencyModel } from '../ports/latency-model.js';
import { ProbabilisticFillModel } from '../core/sim/probabilistic-fill-model.js';
import { QueuePositionFillModel } from '../core/sim/queue-position-fill-model.js';
import { TradeThroughFillModel } from '../core/sim/trade-through-fill-model.js';
import { NO_BOOK_VIEW, type BookView } from '../ports/book-view.js';
import type { Rng } from '../ports/rng.js';
import type { FillsConfig } from './config/fills-config.js';
import type { LatencyConfig } from './config/latency-config.js';

/** @param book the feed's public books (queue model); absent on feeds that keep none */
export function buildFillModel(fills: FillsConfig, rng: Rng, instruments: ReadonlyMap<string, Instrument>, book: BookView | undefined): FillModel {
  switch (fills.model) {
    case 'probabilistic':
      return new ProbabilisticFillModel(rng.fork('fills'), Number(fills.fillRate), fills.fillRate, new IcebergVisible(instruments));
    case 'trade-through':
      return new TradeThroughFillModel(new IcebergVisible(instruments));
    case 'queue':
      return new QueuePositionFillModel(book ?? NO_BOOK_VIEW, fills.queueCancels, new IcebergVisible(instruments), instruments);
  }
}

export function buildLatencyModel(latency: LatencyConfig, rng: Rng): LatencyModel {
  return latency.jitterMs === 0 ? new ConstantLatencyModel(latency.ms) : new JitteredLatencyModel(latency.ms, latency.jitterMs, rng.fork('latency'));
}
