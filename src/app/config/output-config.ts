// The output part of a run config: what the report lists beyond the figures every report has.

export interface OutputConfig {
  /** --report-fills: how many of the latest fills the report lists, 0..100000. @default 20 */
  readonly reportFills: number;
}
