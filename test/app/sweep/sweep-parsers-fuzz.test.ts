// The sweep's option parsers (--grid, --seeds, --shard) and report paths (--metrics, --ignore) survive fuzzing: any text is parsed or refused with a UsageError, never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors/shadow-exec-error.js';
import { parsePath } from '../../../src/core/report/json-path.js';
import { parseGrid } from '../../../src/app/sweep/sweep-grid.js';
import { parseSeeds } from '../../../src/app/sweep/sweep-seeds.js';
import { parseShard } from '../../../src/app/sweep/sweep-plan.js';

function parsedOrRefused(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
  }
}

/** Texts near the grammar: keys, = , .. [ ] " and digits, as well as anything. */
const nearGrid = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('spread-bps', 'latency-ms', 'throttle', 'strategy-params.', 'gamma', '=', ',', ' ', '10', '0.5', 'true', '{', '}', '[', ']', '"', ':', '@', '..', '-'), { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('sweep parsers under fuzzing', () => {
  it('--grid: parsed or a UsageError', () => {
    fc.assert(fc.property(nearGrid, (text) => parsedOrRefused(() => parseGrid(text, () => text))), { numRuns: 2000 });
  });

  it('--seeds and --shard: parsed or a UsageError', () => {
    const near = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.constantFrom('1', '20', '..', ',', '/', ' ', '-', '9007199254740993'), { maxLength: 8 }).map((p) => p.join('')));
    fc.assert(fc.property(near, (text) => {
      parsedOrRefused(() => parseSeeds(text));
      parsedOrRefused(() => parseShard(text));
    }), { numRuns: 2000 });
  });

  it('report paths: parsed or a UsageError', () => {
    const near = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.constantFrom('pnl', '.', '[', ']', '"', '\\', '*', '0', 'a b'), { maxLength: 10 }).map((p) => p.join('')));
    fc.assert(fc.property(near, (text) => parsedOrRefused(() => parsePath(text, '--metrics'))), { numRuns: 2000 });
  });
});
