// Covers the --config reader: values become the flag strings commander would pass (numbers, arrays, per-symbol objects), and unknown keys, mistyped values, bad JSON, big and unreadable files fail with the key's path.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { MAX_RUN_CONFIG_BYTES, parseRunConfigText, readRunConfigFile, readRunConfigValues, RunConfigError } from '../../src/cli/run-config-file.js';

function configError(run: () => unknown): RunConfigError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RunConfigError);
  const error = caught as RunConfigError;
  expect(error.code).toBe('E_RUN_CONFIG');
  expect(error.retryable).toBe(false);
  return error;
}

const values = (json: unknown): Record<string, string | boolean> => readRunConfigValues(json, 'run.json');

describe('readRunConfigValues: values as flag strings', () => {
  it('turns the issue example into the strings the flags would carry', () => {
    expect(values({ iterations: 7, symbols: ['ETHUSDT'], spreadBps: 40 })).toEqual({ iterations: '7', symbols: 'ETHUSDT', spreadBps: '40' });
  });

  it('takes numbers as JSON numbers or strings, keeping decimals as written', () => {
    expect(values({ fillRate: 0.25, edgeThreshold: -12.5, maxInv: '10000.50', seed: 9007199254740991 })).toEqual({
      fillRate: '0.25',
      edgeThreshold: '-12.5',
      maxInv: '10000.50',
      seed: '9007199254740991',
    });
  });

  it('takes lists as arrays or comma strings', () => {
    expect(values({ symbols: ['BTCUSDT', 'ETHUSDT'], orderOptions: 'postOnly,timeInForce=GTC' })).toEqual({ symbols: 'BTCUSDT,ETHUSDT', orderOptions: 'postOnly,timeInForce=GTC' });
  });

  it('takes per-symbol values as an object, an array of pairs, a pair string or (volatility) one number', () => {
    expect(values({ startPrices: { BTCUSDT: 95000, ETHUSDT: '3400.5' }, volatilityBps: 2 })).toEqual({ startPrices: 'BTCUSDT=95000,ETHUSDT=3400.5', volatilityBps: '2' });
    expect(values({ startPrices: ['BTCUSDT=95000'], volatilityBps: 'BTCUSDT=2' })).toEqual({ startPrices: 'BTCUSDT=95000', volatilityBps: 'BTCUSDT=2' });
  });

  it('takes switches as booleans (false is the --no- flag) and text as strings', () => {
    expect(values({ throttle: false, network: false, quiet: true, exchange: 'bybit', feed: 'replay:a.jsonl', out: 'r.json' })).toEqual({
      throttle: false,
      network: false,
      quiet: true,
      exchange: 'bybit',
      feed: 'replay:a.jsonl',
      out: 'r.json',
    });
  });

  it('takes strategyParams as a JSON object (turned into the JSON text the flag takes) or as the flag\'s string', () => {
    expect(values({ strategyParams: { gamma: 0.1, kappa: 1.5, mode: 'a', on: false } })).toEqual({ strategyParams: '{"gamma":0.1,"kappa":1.5,"mode":"a","on":false}' });
    expect(values({ strategyParams: '@params.json' })).toEqual({ strategyParams: '@params.json' });
    expect(values({ strategyParams: '{"gamma":0.1}' })).toEqual({ strategyParams: '{"gamma":0.1}' });
  });

  it('allows a $schema string and reads nothing from it', () => {
    expect(values({ $schema: '../src/cli/run-config-schema.json', seed: 3 })).toEqual({ seed: '3' });
  });
});

describe('readRunConfigValues: mistakes name the JSON path', () => {
  it('rejects an unknown key, suggesting the nearest option', () => {
    const error = configError(() => values({ iterations: 7, spredBps: 40 }));
    expect(error.path).toBe('spredBps');
    expect(error.message).toBe("--config 'run.json': spredBps: unknown option: did you mean spreadBps?");
  });

  it('suggests the camelCase key for a flag written in kebab-case', () => {
    expect(configError(() => values({ 'spread-bps': 40 })).message).toBe(`--config 'run.json': ["spread-bps"]: unknown option: did you mean spreadBps?`);
  });

  it('says how keys are spelt when nothing is close', () => {
    expect(configError(() => values({ colour: 'red' })).message).toBe(
      "--config 'run.json': colour: unknown option: the keys are the long flags of `run --help` in camelCase (--spread-bps: spreadBps)",
    );
  });

  it.each([
    [{ spreadBps: true }, 'spreadBps', 'expected a number, or a string as typed on the command line, got true'],
    [{ exchange: 1 }, 'exchange', 'expected a string, got 1'],
    [{ strategyParams: [1] }, 'strategyParams', 'expected a JSON object such as {"gamma": 0.1}, or a string as typed on the command line (JSON text or @FILE.json), got an array'],
    [{ strategyParams: null }, 'strategyParams', 'expected a JSON object such as {"gamma": 0.1}, or a string as typed on the command line (JSON text or @FILE.json), got null'],
    [{ throttle: 'no' }, 'throttle', 'expected true or false (false is --no-throttle), got "no"'],
    [{ symbols: [] }, 'symbols', 'expected a non-empty array of strings, or one comma-separated string, got an array'],
    [{ symbols: ['BTCUSDT', 7] }, 'symbols[1]', 'expected a non-empty string without commas (one item per element), got 7'],
    [{ symbols: ['BTCUSDT,ETHUSDT'] }, 'symbols[0]', 'expected a non-empty string without commas (one item per element), got "BTCUSDT,ETHUSDT"'],
    [{ startPrices: { BTCUSDT: null } }, 'startPrices.BTCUSDT', 'expected a number or a decimal string, got null'],
    [{ startPrices: 95000 }, 'startPrices', 'expected an object {"BTCUSDT": …}, a non-empty array of "SYMBOL=VALUE" strings, or one "SYMBOL=VALUE,…" string, got 95000'],
    [{ fillRate: 1e-7 }, 'fillRate', 'expected a number JSON keeps exactly (no exponent, at most 9007199254740991); write it as a string, e.g. "0.0000001", got 1e-7'],
    [{ seed: 9007199254740993 }, 'seed', 'expected a number JSON keeps exactly (no exponent, at most 9007199254740991); write it as a string, e.g. "0.0000001", got 9007199254740992'],
  ])('rejects %j at %s', (json, path, detail) => {
    const error = configError(() => values(json));
    expect(error.path).toBe(path);
    expect(error.message).toBe(`--config 'run.json': ${path}: ${detail}`);
  });

  it('rejects a document that is not an object', () => {
    expect(configError(() => values(['iterations'])).message).toBe(
      `--config 'run.json': (top level): expected a JSON object of run options, e.g. {"iterations": 7, "symbols": ["ETHUSDT"]}, got an array`,
    );
  });
});

describe('parseRunConfigText', () => {
  it('names where the text stops being JSON, never its content', () => {
    const error = configError(() => parseRunConfigText('{\n  "iterations": 7,\n  "seed": sk_live_secret\n}', 'run.json'));
    expect(error.message).toBe("--config 'run.json': (top level): expected JSON text, got not valid JSON: unexpected character at line 3, column 11");
    expect(error.message).not.toContain('sk_live');
  });

  it('fails only with RunConfigError on any JSON value (seeded, 200 values)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('seed', 'symbols', 'startPrices', 'throttle', 'exchange', 'spredBps'), fc.jsonValue()), (doc) => {
        try {
          readRunConfigValues(doc, 'f.json');
        } catch (error) {
          return error instanceof RunConfigError;
        }
        return true;
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it('keeps every safe integer as its decimal digits (seeded, 500 values)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => values({ seed: n })['seed'] === String(n)), { seed: 14, numRuns: 500 });
  });
});

describe('readRunConfigFile', () => {
  it('returns the values, the base name and the SHA-256 of the bytes', () => {
    const bytes = Buffer.from('{"iterations": 7}');
    const file = readRunConfigFile('conf/run.json', () => bytes);
    expect(file).toEqual({ path: 'conf/run.json', name: 'run.json', sha256: createHash('sha256').update(bytes).digest('hex'), values: { iterations: '7' } });
  });

  it('refuses a file over the size cap without parsing it', () => {
    const error = configError(() => readRunConfigFile('big.json', () => Buffer.alloc(MAX_RUN_CONFIG_BYTES + 1, 0x20)));
    expect(error.message).toBe(`--config 'big.json': (top level): expected a config file of at most ${MAX_RUN_CONFIG_BYTES} bytes, got ${MAX_RUN_CONFIG_BYTES + 1}`);
  });

  it('says in one line why a file cannot be read', () => {
    const enoent = Object.assign(new Error('nope'), { code: 'ENOENT' });
    let caught: unknown;
    try {
      readRunConfigFile('missing.json', () => {
        throw enoent;
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ShadowExecError);
    expect((caught as ShadowExecError).code).toBe('E_USAGE');
    expect((caught as Error).message).toMatch(/^--config 'missing.json' cannot be read: .* \(ENOENT\)$/);
  });
});
