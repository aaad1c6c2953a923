// `shadow-exec compare A.json B.json`: the key-by-key differences of two reports, a table on stderr and (--json) a canonical document on stdout; exit 0 equal, 1 different, 2 bad input.
import { Command } from 'commander';
import { canonicalJson, type JsonValue } from '../../core/report/canonical-json.js';
import { parsePath } from '../../core/report/json-path.js';
import { diffReports, type ReportChange } from '../../core/report/report-diff.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { diffCounts, formatCompareTable } from '../compare-table.js';
import { readJsonFile } from '../read-json-file.js';
import { stderrStyles } from '../terminal.js';

interface CompareFlags {
  readonly json?: boolean;
  readonly ignore?: readonly string[];
  readonly quiet?: boolean;
}

const collect = (value: string, previous: readonly string[] = []): readonly string[] => [...previous, value];

/** Canonical JSON holds safe integers only: another number from an arbitrary input file is written as its text. */
function safeNumbers(value: JsonValue): JsonValue {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(safeNumbers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeNumbers(v)]));
  return value;
}

function changeJson(c: ReportChange): JsonValue {
  return { path: c.path, kind: c.kind, a: safeNumbers(c.a), b: safeNumbers(c.b), delta: c.delta, pct: c.pct };
}

export function compareCommand(ctx: CliContext): Command {
  return new Command('compare')
    .description('Compare two JSON reports key by key: added and removed keys, changed values, and for counters, PnL, fees and risk figures the exact delta (B − A, decimal arithmetic) and its percentage of A. A table goes to stderr; --json writes the differences as canonical JSON to stdout.')
    .argument('<a>', 'the first report (A), e.g. the golden file')
    .argument('<b>', 'the second report (B), e.g. the new run')
    .option('--json', 'write the differences to stdout as canonical JSON: {a, b, equal, ignore, counts, changes: [{path, kind, a, b, delta, pct}]} in path order')
    .option('--ignore <path>', 'leave this report path and everything under it out of the comparison; repeatable; * matches any one key or index, e.g. --ignore version --ignore "pnl.by_symbol.*.unrealized"', collect)
    .option('--quiet', 'no table on stderr (the exit code says it all; errors are still printed)')
    .addHelpText(
      'after',
      `
Paths: keys joined by dots, array elements by index (fills.recent[0].price); a key with other characters than
letters, digits, _ $ - is quoted: config.start_prices["BTC/USDT"]. Numbers and decimal strings ("12.5") get a delta
and a percentage (rounded half-even to 2 places; none when A is 0); other values are shown as they are.

Exit codes:
  0 the reports are equal (after --ignore) · 1 they differ · 2 a file is missing, unreadable, not JSON or not a
  JSON object, or an --ignore path is malformed (the message says which)

Examples:
  $ shadow-exec compare golden/freeze.json new.json
  $ shadow-exec compare golden/freeze.json new.json --json > diff.json
  $ shadow-exec compare a.json b.json --ignore version --ignore config.seed --quiet && echo same`,
    )
    .action(async (fileA: string, fileB: string, flags: CompareFlags) => {
      const ignore = (flags.ignore ?? []).map((p) => parsePath(p, '--ignore'));
      const a = readJsonFile(fileA, 'compare: A');
      const b = readJsonFile(fileB, 'compare: B');
      const diff = diffReports(a, b, ignore);
      if (flags.json === true) {
        const counts = diffCounts(diff);
        ctx.stdout.write(canonicalJson({ a: fileA, b: fileB, equal: diff.equal, ignore: [...(flags.ignore ?? [])], counts: { ...counts }, changes: diff.changes.map(changeJson) }));
      }
      if (flags.quiet !== true) ctx.stderr.write(formatCompareTable(diff, { a: fileA, b: fileB }, await stderrStyles(ctx.env)));
      ctx.setExitCode(diff.equal ? EXIT.ok : EXIT.failure);
    });
}
