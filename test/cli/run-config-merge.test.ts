// Covers mergeRunConfig and asRunConfigError: typed flags override the file, sources list only result-shaping keys, and errors about file values name the file's key.
import { describe, it, expect } from 'vitest';
import { UsageError, ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import type { RunConfigFile } from '../../src/cli/run-config-file.js';
import { RunConfigError } from '../../src/cli/run-config-file.js';
import { asRunConfigError, mergeRunConfig } from '../../src/cli/run-config-merge.js';

const FILE: RunConfigFile = { path: 'conf/run.json', name: 'run.json', sha256: 'ab'.repeat(32), values: { iterations: '7', spreadBps: '40', quiet: true, throttle: false } };

describe('mergeRunConfig', () => {
  it('lays the file under the flags: a typed flag wins, a commander default does not', () => {
    const typed = new Set(['iterations', 'seed']);
    const merged = mergeRunConfig({ iterations: '9', seed: '3', exchange: 'fake', throttle: true }, FILE, (key) => typed.has(key));
    expect(merged.flags).toEqual({ iterations: '9', seed: '3', exchange: 'fake', spreadBps: '40', quiet: true, throttle: false });
    expect([...merged.fromFile]).toEqual(['spreadBps', 'quiet', 'throttle']);
  });

  it('reports the source of every result-shaping value set by file or flag, sorted, output options left out', () => {
    const typed = new Set(['iterations', 'out']);
    const merged = mergeRunConfig({ iterations: '9', out: 'r.json' }, FILE, (key) => typed.has(key));
    expect(merged.provenance).toEqual({ name: 'run.json', sha256: 'ab'.repeat(32), sources: { iterations: 'flag', spreadBps: 'file', throttle: 'file' } });
    expect(Object.keys(merged.provenance.sources)).toEqual(['iterations', 'spreadBps', 'throttle']);
  });
});

describe('asRunConfigError', () => {
  const fromFile = new Set(['spreadBps', 'fillRate']);

  it('restates an error about a file value at its key', () => {
    const error = asRunConfigError(new UsageError("--spread-bps '0' is not allowed: expected a decimal greater than 0"), FILE, fromFile) as RunConfigError;
    expect(error).toBeInstanceOf(RunConfigError);
    expect(error.path).toBe('spreadBps');
    expect(error.message).toBe("--config 'conf/run.json': spreadBps: '0' is not allowed: expected a decimal greater than 0");
  });

  it('names file keys and keeps typed flags in a message about both', () => {
    const error = asRunConfigError(new UsageError('--fill-rate applies to --fill-model probabilistic, not queue'), FILE, fromFile) as RunConfigError;
    expect(error.message).toBe("--config 'conf/run.json': fillRate: applies to --fill-model probabilistic, not queue");
  });

  it('leaves errors about typed flags, and failures that are not bad input, as they were', () => {
    const typedFlag = new UsageError("--iterations '0' is not allowed");
    expect(asRunConfigError(typedFlag, FILE, fromFile)).toBe(typedFlag);
    const io = new ShadowExecError('E_REPORT_WRITE', '--spread-bps disk full');
    expect(asRunConfigError(io, FILE, fromFile)).toBe(io);
  });
});
