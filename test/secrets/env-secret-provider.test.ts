// Covers EnvSecretProvider: per-venue variable names, api-env-suffixed pairs winning over plain ones, half-set pairs.
import { describe, it, expect } from 'vitest';
import { EnvSecretProvider, envVariableCandidates } from '../../src/secrets/env-secret-provider.js';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { codeOf } from '../helpers/error-code.js';
import { CREDENTIAL_NAMES, namesOf } from '../helpers/credential-names.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof ShadowExecError ? e.message : 'not a ShadowExecError';
  }
  return 'no error';
}

describe('EnvSecretProvider', () => {
  it('reads BYBIT_API_KEY/BYBIT_API_SECRET and BINANCE_API_KEY/BINANCE_SECRET_KEY for any api env', () => {
    const p = new EnvSecretProvider({
      BYBIT_API_KEY: 'bybit-key-1',
      BYBIT_API_SECRET: 'bybit-secret-1',
      BINANCE_API_KEY: 'binance-key-1',
      BINANCE_SECRET_KEY: 'binance-secret-1',
    }, CREDENTIAL_NAMES);
    const bybit = p.getCredentials('bybit', 'soak')!;
    expect([bybit.apiKey, bybit.apiSecret, bybit.source, bybit.apiEnv]).toEqual(['bybit-key-1', 'bybit-secret-1', 'env', 'soak']);
    const binance = p.getCredentials('binance', 'prod')!;
    expect([binance.apiKey, binance.apiSecret]).toEqual(['binance-key-1', 'binance-secret-1']);
  });

  it('prefers the pair suffixed with the upper-cased api env', () => {
    const p = new EnvSecretProvider({
      BYBIT_API_KEY: 'plain-key',
      BYBIT_API_SECRET: 'plain-secret',
      BYBIT_API_KEY_PROD: 'prod-key',
      BYBIT_API_SECRET_PROD: 'prod-secret',
    }, CREDENTIAL_NAMES);
    expect(p.getCredentials('bybit', 'prod')!.apiKey).toBe('prod-key');
    expect(p.getCredentials('bybit', 'dev')!.apiKey).toBe('plain-key');
  });

  it('returns null when no variable is set, treating empty values as unset', () => {
    expect(new EnvSecretProvider({}, CREDENTIAL_NAMES).getCredentials('bybit', 'dev')).toBeNull();
    expect(new EnvSecretProvider({ BYBIT_API_KEY: '', BYBIT_API_SECRET: '' }, CREDENTIAL_NAMES).getCredentials('bybit', 'dev')).toBeNull();
  });

  it('refuses a half-set pair and names the missing variable', () => {
    const p = new EnvSecretProvider({ BINANCE_API_KEY_SHADOW: 'k-shadow-123' }, CREDENTIAL_NAMES);
    expect(codeOf(() => p.getCredentials('binance', 'shadow'))).toBe('E_SECRETS');
    expect(messageOf(() => p.getCredentials('binance', 'shadow'))).toBe(
      'BINANCE_API_KEY_SHADOW is set but BINANCE_SECRET_KEY_SHADOW is not; set both or neither',
    );
    expect(messageOf(() => new EnvSecretProvider({ BYBIT_API_SECRET: 'hidden-secret-value' }, CREDENTIAL_NAMES).getCredentials('bybit', 'dev'))).toBe(
      'BYBIT_API_SECRET is set but BYBIT_API_KEY is not; set both or neither',
    );
  });

  it('lists the variables it consults in precedence order', () => {
    expect(envVariableCandidates(namesOf('binance'), 'soak')).toEqual([
      { apiKey: 'BINANCE_API_KEY_SOAK', apiSecret: 'BINANCE_SECRET_KEY_SOAK' },
      { apiKey: 'BINANCE_API_KEY', apiSecret: 'BINANCE_SECRET_KEY' },
    ]);
  });
});
