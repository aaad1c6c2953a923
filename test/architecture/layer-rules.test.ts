// Covers the layer rules of src/ (.dependency-cruiser.cjs): dependency-cruiser finds no violation — pure core, ports on core model types, only the CLI imports the CLI, engine not on app, no cycle.
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** One line per violation: `from -> to (rule)`, a cycle as its whole path. */
function describeViolation(v: IViolation): string {
  const path = v.cycle !== undefined && v.cycle.length > 0 ? [v.from, ...v.cycle.map((c) => c.name)].join(' -> ') : `${v.from} -> ${v.to}`;
  return `${path} (${v.rule.name})`;
}

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('finds no dependency violation in src/', async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const { output } = await cruise(['src'], options, undefined, { tsConfig: extractTSConfig('tsconfig.json') });
    const result = output as ICruiseResult;
    const violations = result.summary.violations.map(describeViolation);
    // The tool saw the whole tree: a misread config would find nothing because it cruised nothing.
    expect(result.summary.totalCruised).toBeGreaterThan(250);
    expect(violations, `layer rule violations:\n  ${violations.join('\n  ')}`).toEqual([]);
  });
});
