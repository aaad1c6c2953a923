// keyFreeEnv: every venue key variable (plain and any api-env suffix, both venues) is removed; nothing else is.
import { describe, expect, it } from 'vitest';
import { API_ENVS } from '../../src/ports/secret-provider.js';
import { envVariableCandidates } from '../../src/secrets/env-secret-provider.js';
import { isKeyVariable, keyFreeEnv } from '../../src/secrets/key-free-env.js';
import { CREDENTIAL_NAMES, namesOf } from '../helpers/credential-names.js';

describe('keyFreeEnv', () => {
  it('removes every variable a dry run could read keys from, for both venues and every api env', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/bin', NO_COLOR: '1', BYBIT_API_KEYS_NOTE: 'kept', BYBIT: 'kept' };
    for (const venue of ['bybit', 'binance'] as const) {
      for (const apiEnv of API_ENVS) {
        for (const names of envVariableCandidates(namesOf(venue), apiEnv)) {
          env[names.apiKey] = 'real-key';
          env[names.apiSecret] = 'real-secret';
        }
      }
    }
    expect(Object.keys(env).length).toBe(4 + 2 * 2 * (API_ENVS.length + 1));
    expect(keyFreeEnv(env, CREDENTIAL_NAMES.values())).toEqual({ PATH: '/bin', NO_COLOR: '1', BYBIT_API_KEYS_NOTE: 'kept', BYBIT: 'kept' });
  });

  it('treats any suffix after an underscore as an api env', () => {
    expect(['BINANCE_SECRET_KEY_STAGING', 'BYBIT_API_SECRET_X', 'BINANCE_API_KEY'].map((name) => isKeyVariable(name, CREDENTIAL_NAMES.values()))).toEqual([true, true, true]);
    expect(['BINANCE_SECRET', 'XBYBIT_API_KEY', 'BYBIT_API_KEYX'].map((name) => isKeyVariable(name, CREDENTIAL_NAMES.values()))).toEqual([false, false, false]);
  });
});
