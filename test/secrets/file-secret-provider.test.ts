// Covers FileSecretProvider: lookup by venue/api env, refusal of group/other-accessible files, and error messages that leak nothing.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { FileSecretProvider } from '../../src/secrets/file-secret-provider.js';
import { ShadowExecError } from '../../src/core/errors/shadow-exec-error.js';
import { SIGNING_VENUES } from '../helpers/credential-names.js';

const dir = mkdtempSync(join(tmpdir(), 'shadow-exec-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function secretsFile(content: string, mode = 0o600): string {
  counter += 1;
  const path = join(dir, `secrets-${counter}.json`);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

function errorOf(fn: () => unknown): ShadowExecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShadowExecError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const GOOD = JSON.stringify({
  bybit: { prod: { apiKey: 'bybit-prod-key', apiSecret: 'bybit-prod-secret-XYZ' }, dev: { apiKey: 'bybit-dev-key', apiSecret: 'bybit-dev-secret' } },
  binance: { shadow: { apiKey: 'bn-shadow-key', apiSecret: 'bn-shadow-secret' } },
});

describe('FileSecretProvider', () => {
  it('returns the pair for venue/api env with source file, and null for an absent entry', () => {
    const p = FileSecretProvider.load(secretsFile(GOOD), SIGNING_VENUES);
    const c = p.getCredentials('bybit', 'prod')!;
    expect([c.apiKey, c.apiSecret, c.source, c.venue, c.apiEnv]).toEqual(['bybit-prod-key', 'bybit-prod-secret-XYZ', 'file', 'bybit', 'prod']);
    expect(p.getCredentials('binance', 'shadow')!.apiKey).toBe('bn-shadow-key');
    expect(p.getCredentials('binance', 'prod')).toBeNull();
  });

  it('accepts mode 0400 and refuses any group or other bit with a chmod 600 hint', () => {
    expect(FileSecretProvider.load(secretsFile(GOOD, 0o400), SIGNING_VENUES).getCredentials('bybit', 'dev')!.apiKey).toBe('bybit-dev-key');
    for (const mode of [0o640, 0o604, 0o620, 0o602, 0o644]) {
      const path = secretsFile(GOOD, mode);
      const e = errorOf(() => FileSecretProvider.load(path, SIGNING_VENUES));
      expect(e.code).toBe('E_SECRETS');
      expect(e.message).toBe(
        `secrets file ${path}: is readable or writable by group or others (mode 0${mode.toString(8)}); restrict it with: chmod 600 ${path}`,
      );
    }
  });

  it('skips the permission check when told to (Windows has no mode bits)', () => {
    expect(FileSecretProvider.load(secretsFile(GOOD, 0o644), SIGNING_VENUES, { checkPermissions: false }).getCredentials('bybit', 'prod')).not.toBeNull();
  });

  it('reports a missing file and a directory clearly', () => {
    const missing = join(dir, 'nope.json');
    expect(errorOf(() => FileSecretProvider.load(missing, SIGNING_VENUES)).message).toBe(`secrets file ${missing}: no such file`);
    const sub = join(dir, 'a-directory');
    mkdirSync(sub, { mode: 0o700 });
    expect(errorOf(() => FileSecretProvider.load(sub, SIGNING_VENUES)).message).toBe(`secrets file ${sub}: is not a regular file`);
  });

  it('reports bad JSON without echoing any of the file content', () => {
    const path = secretsFile('{"bybit": {"prod": {"apiKey": "k", "apiSecret": "TOPSECRET-in-broken-json"');
    const e = errorOf(() => FileSecretProvider.load(path, SIGNING_VENUES));
    expect(e.message).toBe(`secrets file ${path}: is not valid JSON: it ends early at line 1, column 75`);
    expect(e.cause).toBeUndefined();
    expect(JSON.stringify({ m: e.message, s: e.stack })).not.toContain('TOPSECRET');
  });

  it('names a missing or empty field without echoing values', () => {
    const noSecret = secretsFile(JSON.stringify({ bybit: { prod: { apiKey: 'abc-visible-key' } } }));
    expect(errorOf(() => FileSecretProvider.load(noSecret, SIGNING_VENUES)).message).toBe(
      `secrets file ${noSecret}: bybit.prod.apiSecret is missing or not a non-empty string`,
    );
    const emptyKey = secretsFile(JSON.stringify({ binance: { dev: { apiKey: '', apiSecret: 'SECRET-VALUE-1' } } }));
    const e = errorOf(() => FileSecretProvider.load(emptyKey, SIGNING_VENUES));
    expect(e.message).toBe(`secrets file ${emptyKey}: binance.dev.apiKey is missing or not a non-empty string`);
    expect(e.message).not.toContain('SECRET-VALUE-1');
  });

  it('rejects unknown venues, api envs and fields, listing the accepted ones', () => {
    const venue = secretsFile(JSON.stringify({ bybt: {} }));
    expect(errorOf(() => FileSecretProvider.load(venue, SIGNING_VENUES)).message).toBe(`secrets file ${venue}: unknown venue "bybt"; expected bybit, binance`);
    const env = secretsFile(JSON.stringify({ bybit: { production: { apiKey: 'a', apiSecret: 'b' } } }));
    expect(errorOf(() => FileSecretProvider.load(env, SIGNING_VENUES)).message).toBe(
      `secrets file ${env}: bybit has unknown api env "production"; expected dev, shadow, soak, prod`,
    );
    const field = secretsFile(JSON.stringify({ bybit: { dev: { apiKey: 'a', secret: 'b' } } }));
    expect(errorOf(() => FileSecretProvider.load(field, SIGNING_VENUES)).message).toBe(
      `secrets file ${field}: bybit.dev has unknown field "secret"; expected apiKey, apiSecret`,
    );
  });

  it('masks a long unknown key name, which may be a pasted secret', () => {
    const path = secretsFile(JSON.stringify({ 'this-looks-like-a-pasted-secret-123': {} }));
    const e = errorOf(() => FileSecretProvider.load(path, SIGNING_VENUES));
    expect(e.message).toBe(`secrets file ${path}: unknown venue thi…***; expected bybit, binance`);
  });

  it('rejects a top level that is not an object, and an entry that is not an object', () => {
    const arr = secretsFile('[]');
    expect(errorOf(() => FileSecretProvider.load(arr, SIGNING_VENUES)).message).toContain('expected a JSON object at the top level');
    const str = secretsFile(JSON.stringify({ bybit: { dev: 'RAW-SECRET-STRING' } }));
    const e = errorOf(() => FileSecretProvider.load(str, SIGNING_VENUES));
    expect(e.message).toBe(`secrets file ${str}: bybit.dev must be an object {"apiKey": "…", "apiSecret": "…"}`);
  });
});
