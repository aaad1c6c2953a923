// SeriesBatch: what one take of the --series sampler makes records of — its sample, fill and block columns, the risk events collected, the replay — and the order of records at one ms.
import type { Instrument } from '../core/model/instrument.js';
import type { RiskState } from '../core/risk/risk-monitor.js';
import type { SeriesRecord } from '../core/report/series-record.js';
import type { BlockColumns, FillColumns, SampleColumns } from './series-columns.js';
import type { SeriesReplay } from './series-replay.js';

/** Order of records at one ms: what happened by then (fills, then risk events, then block counts), then the samples. */
export const RANK: Readonly<Record<SeriesRecord['type'], number>> = { fill: 0, freeze: 1, unfreeze: 1, risk_state: 1, breaker: 1, blocks: 2, sample: 3 };
/** Risk states by the index the sample columns hold. */
export const STATES: readonly RiskState[] = ['ACTIVE', 'REDUCING', 'FROZEN'];
/** pico-quote (10⁻¹²) and bps × 10⁴ as decimal places. */
export const PICO_SCALE = 12;
export const BPS_E4_SCALE = 4;

export interface SeriesBatch {
  readonly instruments: readonly Instrument[];
  readonly samples: SampleColumns;
  /** The fills not made records before; row 0 is fill `fillBase` of the run. */
  readonly fills: FillColumns;
  readonly fillBase: number;
  /** The batch's fills are the run's [replay.replayed, fillsEnd): those applied by its last sample, or every one at the end. */
  readonly fillsEnd: number;
  readonly replay: SeriesReplay;
  /** Freezes, unfreezes, state changes and breaker transitions, in that order (each in its log's order); none at the same ms as a record taken before. */
  readonly riskEvents: readonly SeriesRecord[];
  readonly blocks: BlockColumns;
  /** The edge threshold as the samples print it. */
  readonly threshold: string;
  /** Every record taken before lies at or before this ms. */
  readonly takenUpToMs: number;
}
