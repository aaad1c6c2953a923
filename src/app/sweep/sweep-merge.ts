// mergeSweeps: reads sweep documents (shards of one sweep, or whole ones) back into their definition and runs, and joins them — refusing documents of another sweep and runs given twice.
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { canonicalJson, type JsonValue } from '../../core/report/canonical-json.js';
import { diffReports } from '../../core/report/report-diff.js';
import { SWEEP_FORMAT, type SweepDefinition, type SweepRun } from './sweep-document.js';

type Obj = { [key: string]: JsonValue };

function isObj(value: JsonValue | undefined): value is Obj {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** The definition and runs of one document; `file` names it in every message. */
export function readSweepDocument(doc: JsonValue, file: string): { definition: SweepDefinition; runs: SweepRun[] } {
  const bad = (why: string): never => {
    throw new UsageError(`sweep merge: ${file} is not a sweep output (${why}); merge the JSON documents that \`sweep\` writes (--format json)`);
  };
  if (!isObj(doc)) return bad('not a JSON object');
  if (doc['format'] !== SWEEP_FORMAT) return bad(`"format" is ${JSON.stringify(doc['format'] ?? null)}, expected "${SWEEP_FORMAT}"`);
  const d = doc['definition'];
  if (!isObj(d) || !isObj(d['tool']) || !isObj(d['base']) || !Array.isArray(d['grid']) || !Array.isArray(d['seeds']) || !Array.isArray(d['metrics'])) return bad('"definition" lacks tool, base, grid, seeds or metrics');
  const tool = d['tool'];
  const definition: SweepDefinition = {
    tool: { name: String(tool['name']), version: String(tool['version']) },
    base: d['base'] as { [key: string]: string | boolean },
    grid: d['grid'].map((a) => {
      if (!isObj(a) || typeof a['key'] !== 'string' || !Array.isArray(a['values']) || !a['values'].every((v) => typeof v === 'string')) return bad('a grid axis is not {key, values}');
      return { key: a['key'], values: a['values'] as string[] };
    }),
    seeds: d['seeds'].map((s) => (typeof s === 'number' && Number.isSafeInteger(s) ? s : bad('a seed is not a whole number'))),
    metrics: d['metrics'].map((m) => (typeof m === 'string' ? m : bad('a metric is not a path'))),
  };
  const cells = doc['cells'];
  if (!Array.isArray(cells)) return bad('no "cells" array');
  const runs: SweepRun[] = [];
  for (const c of cells) {
    if (!isObj(c) || typeof c['cell'] !== 'number' || !Array.isArray(c['runs'])) return bad('a cell lacks its number or runs');
    for (const r of c['runs']) {
      if (!isObj(r) || typeof r['seed'] !== 'number' || typeof r['status'] !== 'string' || !isObj(r['metrics'])) return bad(`a run of cell ${c['cell']} lacks seed, status or metrics`);
      runs.push({ cell: c['cell'], seed: r['seed'], status: r['status'], metrics: Object.entries(r['metrics']) });
    }
  }
  return { definition, runs };
}

function definitionText(d: SweepDefinition): string {
  return canonicalJson({ tool: { ...d.tool }, base: { ...d.base }, grid: d.grid.map((a) => ({ key: a.key, values: [...a.values] })), seeds: [...d.seeds], metrics: [...d.metrics] });
}

/** One definition and all runs of `docs` (at least one); the runs' order does not matter (sweepDocument sorts them). */
export function mergeSweeps(docs: readonly { readonly file: string; readonly doc: JsonValue }[]): { definition: SweepDefinition; runs: SweepRun[] } {
  if (docs.length === 0) throw new UsageError('sweep merge: no files given; e.g. sweep merge shard-1.json shard-2.json');
  const read = docs.map(({ file, doc }) => ({ file, ...readSweepDocument(doc, file) }));
  const first = read[0]!;
  const seen = new Map<string, string>();
  const runs: SweepRun[] = [];
  for (const r of read) {
    if (definitionText(r.definition) !== definitionText(first.definition)) {
      const at = diffReports(JSON.parse(definitionText(first.definition)) as JsonValue, JSON.parse(definitionText(r.definition)) as JsonValue).changes[0];
      const side = (present: boolean, value: JsonValue): string => (present ? JSON.stringify(value) : 'absent');
      throw new UsageError(
        `sweep merge: ${r.file} is another sweep than ${first.file}: their definitions differ at definition.${at?.path ?? ''} (${side(at?.kind !== 'added', at?.a ?? null)} vs ${side(at?.kind !== 'removed', at?.b ?? null)}); merge the shards of one sweep, run with the same options and version`,
      );
    }
    for (const run of r.runs) {
      const key = `${run.cell}/${run.seed}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new UsageError(`sweep merge: cell ${run.cell} seed ${run.seed} is in ${earlier} and in ${r.file}; each shard of a sweep must be given once`);
      if (run.cell >= first.definition.grid.reduce((n, a) => n * a.values.length, 1) || !first.definition.seeds.includes(run.seed)) throw new UsageError(`sweep merge: ${r.file} has a run (cell ${run.cell}, seed ${run.seed}) outside its own definition`);
      seen.set(key, r.file);
      runs.push(run);
    }
  }
  return { definition: first.definition, runs };
}
