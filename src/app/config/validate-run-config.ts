// Validates a run's options (RunInput) into a RunConfig: the one check behind `run`'s flags, `run --config FILE` and a scenario's `run` block.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { Decimal } from '../../core/money/decimal.js';
import { API_ENVS, type ApiEnv } from '../../ports/secret-provider.js';
import type { VenueInstrument } from '../venue-instruments.js';
import { defaultSpreadBps } from './default-spread.js';
import type { FeedConfig } from './feed-config.js';
import { fillsOption } from './fills-options.js';
import { liveOption } from './live-feed-options.js';
import { choiceValue, decimalValue, defaultText, integerValue, optionalDecimal, optionalInteger } from './option-values.js';
import { parseOrderOptions } from './order-options.js';
import type { RunConfig } from './run-config.js';
import type { RunInput } from './run-input.js';
import { checkGrid, exitOco, requoteMode } from './strategy-options.js';
import { barsOption, strategyChoice, strategyParams } from './strategy-choice.js';
import { durationOption, feedOption, isoStart, perSymbol, symbolList, unfreezeOption } from './text-options.js';
import { readText, resolveVenue, type ReadText } from './venue-options.js';

export type { ReadText } from './venue-options.js';

/**
 * Every rejection is a UsageError naming the flag, the value and what is allowed (a config file or a scenario restates
 * it at its key). The options are checked in one fixed order, so the first of several bad ones is always the one named.
 * @param read reads --instruments FILE; replaced in tests
 */
export function validateRunConfig(input: RunInput, read: ReadText = readText): RunConfig {
  const { venue, mode, market, symbols, instruments, fees } = resolveVenue(input, symbolList, read);
  const bySymbol = new Map<string, VenueInstrument>(instruments.map((i) => [i.spec.symbol, i]));
  const apiEnv: ApiEnv = choiceValue('apiEnv', input.apiEnv, API_ENVS);
  const { kind, replayFile, source: importSource } = feedOption(input.feed);
  const synthetic = kind === 'synthetic';
  const makerFeeBps = decimalValue('makerFeeBps', input.makerFeeBps, fees.makerBps);
  const spreadBps = decimalValue('spreadBps', input.spreadBps, defaultSpreadBps(makerFeeBps));
  const edgeWindow = integerValue('edgeWindow', input.edgeWindow);
  const live = liveOption(input, kind, venue);
  const durationMs = durationOption(input.duration);
  const orderOptions = parseOrderOptions(input.orderOptions, { module: venue, market });
  const requote = requoteMode(input.requoteMode, venue, market);
  const cancelMode = choiceValue('cancelMode', input.cancelMode, ['per-order', 'cancel-all'] as const);
  const oco = exitOco(input.exitOco, venue, market);
  const staleMs = optionalInteger('staleMs', input.staleMs);
  const maxDrawdownUsd = optionalDecimal('maxDrawdown', input.maxDrawdown);
  const reduceAtDrawdownUsd = optionalDecimal('reduceAtDrawdown', input.reduceAtDrawdown);
  const maxOrdersPerSec = optionalInteger('maxOrdersPerSec', input.maxOrdersPerSec);
  const unfreeze = unfreezeOption(input.unfreeze);
  const circuit = {
    failures: integerValue('circuitFailures', input.circuitFailures),
    windowMs: integerValue('circuitWindowMs', input.circuitWindowMs),
    cooldownMs: integerValue('circuitCooldownMs', input.circuitCooldownMs),
  };
  const recvWindowMs = integerValue('recvWindow', input.recvWindow);
  const iterations = integerValue('iterations', input.iterations);
  const seed = integerValue('seed', input.seed);
  const start = isoStart(input.start);
  const intervalMs = integerValue('intervalMs', input.intervalMs);
  const maxInvUsd = decimalValue('maxInv', input.maxInv);
  const maxTotalUsd = decimalValue('maxTotal', input.maxTotal);
  const thresholdBps = decimalValue('edgeThreshold', input.edgeThreshold);
  const latency = { ms: integerValue('latencyMs', input.latencyMs), jitterMs: integerValue('latencyJitterMs', input.latencyJitterMs) };
  const fills = fillsOption(input, synthetic);
  const requoteBps = decimalValue('requoteBps', input.requoteBps);
  const orderNotionalUsd = decimalValue('orderNotional', input.orderNotional);
  const takerFeeBps = decimalValue('takerFeeBps', input.takerFeeBps, fees.takerBps);
  const markoutMs = integerValue('markoutMs', input.markoutMs);
  const minFills = integerValue('edgeMinFills', input.edgeMinFills, Math.min(Number(defaultText('edgeMinFills')), edgeWindow), edgeWindow);
  // A replay or a live feed brings its own prices: the synthetic market's settings do not apply.
  const feed: FeedConfig =
    live !== null
      ? { kind: 'live', ...live }
      : importSource !== null && replayFile !== null
        ? { kind: 'import', source: importSource, pattern: replayFile }
        : replayFile !== null
          ? { kind: 'replay', file: replayFile }
        : {
            kind: 'synthetic',
            startPrices: perSymbol('startPrices', input.startPrices, symbols, (s) => bySymbol.get(s)!.startPrice, false),
            volatilityBps: perSymbol('volatilityBps', input.volatilityBps, symbols, (s) => bySymbol.get(s)!.volatilityBps, true),
          };
  const reportFills = integerValue('reportFills', input.reportFills);
  const choice = strategyChoice(input.strategy);
  const params = strategyParams(input.strategyParams, read);
  if (choice === null && input.strategyParams !== undefined) throw new UsageError('--strategy-params needs --strategy: name the strategy the parameters are for (symmetric takes none)');
  const barsMs = barsOption(input.bars);
  const budgetMs = integerValue('strategyBudgetMs', input.strategyBudgetMs);

  if (maxDrawdownUsd !== null && reduceAtDrawdownUsd !== null && !new Decimal(reduceAtDrawdownUsd).lt(maxDrawdownUsd)) {
    throw new UsageError(`--reduce-at-drawdown '${reduceAtDrawdownUsd}' must be below --max-drawdown '${maxDrawdownUsd}'`);
  }
  if (feed.kind === 'synthetic') checkGrid(instruments, feed.startPrices, orderNotionalUsd);
  else if (input.startPrices !== undefined || input.volatilityBps !== undefined) {
    throw new UsageError(`--start-prices and --volatility-bps shape the synthetic market; ${feed.kind === 'live' ? 'a live feed' : 'a replay'} brings its own prices`);
  }
  return {
    mode,
    seed,
    start,
    startGiven: input.start !== undefined,
    durationMs,
    iterations,
    intervalMs,
    symbols,
    fees: { makerBps: makerFeeBps, takerBps: takerFeeBps },
    apiEnv,
    recvWindowMs,
    throttle: input.throttle ?? true,
    barsMs,
    venue: { name: venue.name, market, instruments, instrumentsFile: input.instruments ?? null },
    feed,
    strategy: { spreadBps, requoteBps, orderNotionalUsd, orderOptions, requoteMode: requote, cancelMode, exitOco: oco, choice, params, budgetMs },
    fills,
    latency,
    risk: { maxInvUsd, maxTotalUsd, edge: { thresholdBps, markoutMs, window: edgeWindow, minFills }, staleMs, maxDrawdownUsd, reduceAtDrawdownUsd, maxOrdersPerSec, unfreeze, circuit },
    output: { reportFills },
  };
}
