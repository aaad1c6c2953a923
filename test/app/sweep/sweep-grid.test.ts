// Covers parseGrid: the text form and the JSON form of a sweep's axes, strategy parameters, and the refusals that name the key and what is allowed.
import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../../src/app/sweep/sweep-grid.js';

const noFile = (path: string): string => {
  throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
};

describe('parseGrid', () => {
  it('reads KEY=V1,V2 axes separated by spaces, in the order given', () => {
    expect(parseGrid('spread-bps=10,20,40  latency-ms=20,50', noFile)).toEqual([
      { key: 'spread-bps', option: 'spreadBps', param: null, values: ['10', '20', '40'] },
      { key: 'latency-ms', option: 'latencyMs', param: null, values: ['20', '50'] },
    ]);
  });

  it('takes strategy parameters as JSON values, text as strings', () => {
    expect(parseGrid('strategy-params.gamma=0.1,0.2 strategy-params.mode=wide', noFile)).toEqual([
      { key: 'strategy-params.gamma', option: 'strategyParams', param: 'gamma', values: ['0.1', '0.2'] },
      { key: 'strategy-params.mode', option: 'strategyParams', param: 'mode', values: ['"wide"'] },
    ]);
  });

  it('reads a JSON grid inline or from @FILE, config-file key spellings included', () => {
    const json = '{"spreadBps": [10, "20"], "throttle": [true, false], "symbols": [["BTCUSDT", "ETHUSDT"], "BTCUSDT"], "strategy-params.gamma": 0.5}';
    const expected = [
      { key: 'spread-bps', option: 'spreadBps', param: null, values: ['10', '20'] },
      { key: 'throttle', option: 'throttle', param: null, values: ['true', 'false'] },
      { key: 'symbols', option: 'symbols', param: null, values: ['BTCUSDT,ETHUSDT', 'BTCUSDT'] },
      { key: 'strategy-params.gamma', option: 'strategyParams', param: 'gamma', values: ['0.5'] },
    ];
    expect(parseGrid(json, noFile)).toEqual(expected);
    expect(parseGrid('@grid.json', (path) => (path === 'grid.json' ? json : noFile(path)))).toEqual(expected);
  });

  it('refuses a key that is not a run option, naming it and the keys allowed', () => {
    expect(() => parseGrid('spread=10', noFile)).toThrow(/^--grid key 'spread' is not allowed \(not a result-shaping run option\); allowed: exchange, .*spread-bps, .*strategy-params\.<name>$/);
    expect(() => parseGrid('seed=1,2', noFile)).toThrow("--grid key 'seed' is not allowed: the seeds are the --seeds axis");
    expect(() => parseGrid('out=a.json', noFile)).toThrow("--grid key 'out' is not allowed");
  });

  it('refuses repeated keys and values, empty values, bad switches and unreadable files', () => {
    expect(() => parseGrid('spread-bps=10 spread-bps=20', noFile)).toThrow('--grid: spread-bps is given twice');
    expect(() => parseGrid('spread-bps=10,10', noFile)).toThrow("--grid spread-bps: '10' is given twice");
    expect(() => parseGrid('spread-bps=10,', noFile)).toThrow('--grid spread-bps: an empty value');
    expect(() => parseGrid('throttle=yes', noFile)).toThrow("--grid throttle: 'yes' is not allowed: expected true or false");
    expect(() => parseGrid('@missing.json', noFile)).toThrow('--grid @missing.json: cannot read missing.json: ENOENT');
    expect(() => parseGrid('{"spread-bps": [10', noFile)).toThrow(/^--grid \(JSON\) is /);
  });
});
