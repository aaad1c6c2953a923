// runCell and checkCell: one run of a sweep in this thread — the same validation, composition root and session as `run` (deterministic: same options and seed, same report) — reduced to its metric values.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { composeRun, type ToolInfo } from '../compose.js';
import type { RunConfig } from '../config/run-config.js';
import type { RunInput } from '../config/run-input.js';
import { strategyParams } from '../config/strategy-choice.js';
import { validateRunConfig } from '../config/validate-run-config.js';
import { parseWithVenues } from '../config/venue-choice.js';
import { readText } from '../config/venue-options.js';
import { loadFeedModules } from '../feed-modules.js';
import { loadStrategyPlugin, type LoadedPlugin } from '../strategy-wiring.js';
import { loadVenue } from '../venue-registry.js';
import { runSession } from '../../engine/run-session.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { parsePath } from '../../core/report/json-path.js';
import { metricValues } from '../../core/report/metric-values.js';

/** A cell's options: the run options with its values, and the strategy parameters it sets over --strategy-params. */
export interface CellInput {
  readonly input: RunInput;
  /** Parameter name → JSON value; empty when the grid has no strategy-params axis. */
  readonly params: { readonly [name: string]: JsonValue };
}

/** What a sweep keeps of one run. */
export interface CellRunResult {
  /** The report's execution.status: completed, or failed (a strategy plug-in threw). */
  readonly status: string;
  /** Metric path → value, in metric order (metric-values.ts). */
  readonly metrics: [string, JsonValue][];
}

/** The run options of `cell`: its strategy parameters merged over the base's --strategy-params (inline JSON or @FILE). */
export function cellRunInput(cell: CellInput): RunInput {
  if (Object.keys(cell.params).length === 0) return cell.input;
  return { ...cell.input, strategyParams: JSON.stringify({ ...strategyParams(cell.input.strategyParams, readText), ...cell.params }) };
}

/** The validated config of a cell, as `run` validates it; a sweep runs shadow mode on a synthetic or replay feed. */
async function cellConfig(cell: CellInput): Promise<RunConfig> {
  const input = cellRunInput(cell);
  await loadVenue(input.exchange);
  const config = await parseWithVenues(() => validateRunConfig(input));
  if (config.feed.kind === 'live') throw new UsageError('a sweep needs a synthetic or replay feed: a live feed never delivers the same market twice');
  if (config.mode !== 'shadow') throw new UsageError('a sweep runs shadow mode only (--mode dryrun renders and signs requests: use run)');
  return config;
}

const plugins = new Map<string, Promise<LoadedPlugin | null>>();

/** A plug-in module is imported once per thread. */
function plugin(config: RunConfig): Promise<LoadedPlugin | null> {
  const choice = config.strategy.choice;
  if (choice === null || choice.kind !== 'plugin') return Promise.resolve(null);
  let loaded = plugins.get(choice.file);
  if (loaded === undefined) plugins.set(choice.file, (loaded = loadStrategyPlugin(choice)));
  return loaded;
}

/** Validates a cell (at the seed in its input) and loads its strategy, as a run of it would; returns the seed. */
export async function checkCell(cell: CellInput): Promise<number> {
  const config = await cellConfig(cell);
  await plugin(config);
  return config.seed;
}

/** Runs a cell (its input carries the seed) to the end and reads `metrics` (report paths, `*` allowed) off its report. */
export async function runCell(cell: CellInput, metrics: readonly string[], tool: ToolInfo): Promise<CellRunResult> {
  const config = await cellConfig(cell);
  await loadFeedModules(config);
  const run = composeRun(config, tool, { plugin: await plugin(config) });
  const result = await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 1 << 20 });
  return { status: result.status, metrics: metricValues(result.report, metrics.map((m) => parsePath(m, '--metrics'))) };
}
