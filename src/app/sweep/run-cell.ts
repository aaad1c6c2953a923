// runCell: one run of a sweep, in this thread — the same composition root and session as `run` (deterministic: same options and seed, same report) — reduced to its metric values.
import { composeRun, type ToolInfo } from '../compose.js';
import type { RunInput } from '../config/run-input.js';
import { validateRunConfig } from '../config/validate-run-config.js';
import { parseWithVenues } from '../config/venue-choice.js';
import { loadFeedModules } from '../feed-modules.js';
import { loadStrategyPlugin } from '../strategy-wiring.js';
import { loadVenue } from '../venue-registry.js';
import { runSession } from '../../engine/run-session.js';
import type { JsonValue } from '../../core/report/canonical-json.js';
import { parsePath } from '../../core/report/json-path.js';
import { metricValues } from '../../core/report/metric-values.js';

/** What a sweep keeps of one run. */
export interface CellRunResult {
  /** The report's execution.status: completed, or failed (a strategy plug-in threw). */
  readonly status: string;
  /** Metric path → value, in metric order (metric-values.ts). */
  readonly metrics: [string, JsonValue][];
}

/** Runs `input` (a cell's options with its seed) to the end and reads `metrics` (report paths, `*` allowed) off its report. */
export async function runCell(input: RunInput, metrics: readonly string[], tool: ToolInfo): Promise<CellRunResult> {
  await loadVenue(input.exchange);
  const config = await parseWithVenues(() => validateRunConfig(input));
  await loadFeedModules(config);
  const plugin = await loadStrategyPlugin(config.strategy.choice);
  const run = composeRun(config, tool, { plugin });
  const result = await runSession(run, { stopRequested: () => false, yieldSlice: () => Promise.resolve(), sliceEvents: 1 << 20 });
  return { status: result.status, metrics: metricValues(result.report, metrics.map((m) => parsePath(m, '--metrics'))) };
}
