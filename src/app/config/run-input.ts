// RunInput: the unvalidated options of a run, as the command line, a config file or a scenario gives them.

/**
 * The options of a run as given, before validation: each value as typed on the command line (strings; booleans for
 * switches), keyed by the option's camelCase name (RUN_OPTION_SPECS). The CLI's flags, a --config file and a scenario's
 * `run` block all come down to this; validateRunConfig turns it into a RunConfig. Absent: the option's default.
 */
export interface RunInput {
  readonly exchange?: string;
  readonly mode?: string;
  readonly symbols?: string;
  readonly iterations?: string;
  readonly seed?: string;
  readonly start?: string;
  readonly intervalMs?: string;
  readonly maxInv?: string;
  readonly maxTotal?: string;
  readonly edgeThreshold?: string;
  readonly fillRate?: string;
  readonly latencyMs?: string;
  readonly latencyJitterMs?: string;
  readonly fillModel?: string;
  readonly queueCancels?: string;
  readonly spreadBps?: string;
  readonly requoteBps?: string;
  readonly orderNotional?: string;
  readonly makerFeeBps?: string;
  readonly takerFeeBps?: string;
  readonly markoutMs?: string;
  readonly edgeWindow?: string;
  readonly edgeMinFills?: string;
  readonly startPrices?: string;
  readonly volatilityBps?: string;
  readonly reportFills?: string;
  readonly category?: string;
  readonly market?: string;
  readonly instruments?: string;
  readonly orderOptions?: string;
  /** commander's --no-throttle sets this to false. */
  readonly throttle?: boolean;
  readonly apiEnv?: string;
  readonly recvWindow?: string;
  readonly requoteMode?: string;
  readonly cancelMode?: string;
  readonly exitOco?: string;
  readonly feed?: string;
  readonly duration?: string;
  readonly staleMs?: string;
  readonly maxDrawdown?: string;
  readonly reduceAtDrawdown?: string;
  readonly maxOrdersPerSec?: string;
  readonly unfreeze?: string;
  readonly circuitFailures?: string;
  readonly circuitWindowMs?: string;
  readonly circuitCooldownMs?: string;
  readonly wsUrl?: string;
  readonly restUrl?: string;
  readonly wsConnections?: string;
  readonly strategy?: string;
  readonly strategyParams?: string;
  readonly strategyBudgetMs?: string;
  readonly bars?: string;
}
