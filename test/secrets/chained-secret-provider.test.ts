// Covers ChainedSecretProvider (first provider with a pair wins) and resolveCredentials (placeholder fallback or E_SECRETS).
import { describe, it, expect } from 'vitest';
import { ChainedSecretProvider } from '../../src/secrets/chained-secret-provider.js';
import { EnvSecretProvider } from '../../src/secrets/env-secret-provider.js';
import { resolveCredentials } from '../../src/secrets/resolve-credentials.js';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import type { SecretProvider } from '../../src/ports/secret-provider.js';
import { CREDENTIAL_NAMES, namesOf } from '../helpers/credential-names.js';

const none: SecretProvider = { getCredentials: () => null };

describe('ChainedSecretProvider', () => {
  it('returns the first non-null answer in order', () => {
    const first = new EnvSecretProvider({ BYBIT_API_KEY: 'first-key-000', BYBIT_API_SECRET: 's1' }, CREDENTIAL_NAMES);
    const second = new EnvSecretProvider({ BYBIT_API_KEY: 'second-key-00', BYBIT_API_SECRET: 's2' }, CREDENTIAL_NAMES);
    expect(new ChainedSecretProvider([none, first, second]).getCredentials('bybit', 'dev')!.apiKey).toBe('first-key-000');
    expect(new ChainedSecretProvider([none]).getCredentials('bybit', 'dev')).toBeNull();
  });
});

describe('resolveCredentials', () => {
  it('returns configured keys when present', () => {
    const env = new EnvSecretProvider({ BINANCE_API_KEY: 'bn-key-1234', BINANCE_SECRET_KEY: 'bn-secret' }, CREDENTIAL_NAMES);
    expect(resolveCredentials(env, 'binance', 'prod', { allowPlaceholder: true, names: namesOf('binance') }).source).toBe('env');
  });

  it('falls back to the placeholder pair when allowed', () => {
    const c = resolveCredentials(none, 'bybit', 'dev', { allowPlaceholder: true, names: namesOf('bybit') });
    expect(c.source).toBe('placeholder');
    expect(c.apiKey.startsWith('PLACEHOLDER')).toBe(true);
  });

  it('otherwise fails with E_SECRETS naming the variables and --secrets', () => {
    try {
      resolveCredentials(none, 'bybit', 'prod', { allowPlaceholder: false, names: namesOf('bybit') });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShadowExecError);
      expect((e as ShadowExecError).code).toBe('E_SECRETS');
      expect((e as ShadowExecError).message).toBe(
        'no bybit credentials for api env prod: set BYBIT_API_KEY_PROD and BYBIT_API_SECRET_PROD (or BYBIT_API_KEY and BYBIT_API_SECRET), ' +
          'or pass --secrets FILE with {"bybit":{"prod":{"apiKey":"…","apiSecret":"…"}}}',
      );
    }
  });
});
