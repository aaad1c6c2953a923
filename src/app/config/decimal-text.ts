// DecimalText: the canonical decimal string every money amount and rate of a run config travels as (never a float).

/** A canonical decimal string (formatDecimal's output), e.g. "0.05", "-2", "95000". */
export type DecimalText = string;
