// FileSecretProvider: venue keys from a --secrets JSON file that only its owner may read; errors never echo file content.
import { jsonSyntaxError } from '../core/text/json-syntax-error.js';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { ShadowExecError } from '../core/errors/shadow-exec-error.js';
import { API_ENVS, type ApiEnv, type SecretProvider, type SecretVenue } from '../ports/secret-provider.js';
import { Credentials } from './credentials.js';
import { maskKey } from './mask-key.js';
import { classifyIoError } from '../core/errors/io-failure.js';

/** Permission bits for group and others; any of them set makes the file unacceptable. */
const GROUP_OTHER_BITS = 0o077;
const ENTRY_FIELDS = ['apiKey', 'apiSecret'] as const;

type Entry = { readonly apiKey: string; readonly apiSecret: string };

/** Why the file cannot be read, in the words and with the advice of the one errno mapping. */
function cannotRead(error: unknown): string {
  const kind = classifyIoError(error);
  return `cannot be read: ${kind.what} (${kind.errno}); ${kind.advice}`;
}

function fail(path: string, message: string): ShadowExecError {
  return new ShadowExecError('E_SECRETS', `secrets file ${path}: ${message}`);
}

/** A key name as it may appear in an error: short ones quoted, long ones (possibly a pasted secret) masked. */
function showName(name: string): string {
  return name.length <= 16 ? JSON.stringify(name) : maskKey(name);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEntry(path: string, where: string, value: unknown): Entry {
  if (!isObject(value)) throw fail(path, `${where} must be an object {"apiKey": "…", "apiSecret": "…"}`);
  for (const field of Object.keys(value)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(field)) {
      throw fail(path, `${where} has unknown field ${showName(field)}; expected ${ENTRY_FIELDS.join(', ')}`);
    }
  }
  const { apiKey, apiSecret } = value;
  if (typeof apiKey !== 'string' || apiKey === '') throw fail(path, `${where}.apiKey is missing or not a non-empty string`);
  if (typeof apiSecret !== 'string' || apiSecret === '') throw fail(path, `${where}.apiSecret is missing or not a non-empty string`);
  return { apiKey, apiSecret };
}

/** Validates the whole document: `{ "<venue>": { "<apiEnv>": { "apiKey": "…", "apiSecret": "…" } } }`. */
function parseDocument(path: string, doc: unknown, venues: readonly string[]): Map<string, Entry> {
  if (!isObject(doc)) throw fail(path, `expected a JSON object at the top level, e.g. {"${venues[0] ?? 'venue'}":{"prod":{"apiKey":"…","apiSecret":"…"}}}`);
  const entries = new Map<string, Entry>();
  for (const [venue, envs] of Object.entries(doc)) {
    if (!venues.includes(venue)) {
      throw fail(path, `unknown venue ${showName(venue)}; expected ${venues.join(', ')}`);
    }
    if (!isObject(envs)) throw fail(path, `${venue} must be an object keyed by api env (${API_ENVS.join(', ')})`);
    for (const [apiEnv, entry] of Object.entries(envs)) {
      if (!(API_ENVS as readonly string[]).includes(apiEnv)) {
        throw fail(path, `${venue} has unknown api env ${showName(apiEnv)}; expected ${API_ENVS.join(', ')}`);
      }
      entries.set(`${venue}/${apiEnv}`, parseEntry(path, `${venue}.${apiEnv}`, entry));
    }
  }
  return entries;
}

function statOrFail(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail(path, 'no such file');
    throw fail(path, cannotRead(e));
  }
}

/**
 * Loads and validates the file once, eagerly. Refuses a file whose mode grants group or others any access
 * (mode & 0o077), telling the user to `chmod 600` it; the check is skipped on Windows, which has no such bits.
 * Bad JSON is reported without the parser's message, which can quote file content.
 */
export class FileSecretProvider implements SecretProvider {
  private constructor(
    /** The file as named on the command line. */
    readonly path: string,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  /** `venues`: the signing venues' names (a key set for another name is refused), in the order errors list them. */
  static load(path: string, venues: readonly string[], options: { checkPermissions?: boolean } = {}): FileSecretProvider {
    const stats = statOrFail(path);
    if (!stats.isFile()) throw fail(path, 'is not a regular file');
    const checkPermissions = options.checkPermissions ?? process.platform !== 'win32';
    if (checkPermissions && (stats.mode & GROUP_OTHER_BITS) !== 0) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
      throw fail(path, `is readable or writable by group or others (mode ${mode}); restrict it with: chmod 600 ${path}`);
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw fail(path, cannotRead(e));
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw fail(path, `is ${jsonSyntaxError(text)}`);
    }
    return new FileSecretProvider(path, parseDocument(path, doc, venues));
  }

  /** The api envs the file holds keys for on `venue`, in API_ENVS order (names only: for error messages). */
  apiEnvsOf(venue: SecretVenue): ApiEnv[] {
    return API_ENVS.filter((apiEnv) => this.entries.has(`${venue}/${apiEnv}`));
  }

  getCredentials(venue: SecretVenue, apiEnv: ApiEnv): Credentials | null {
    const entry = this.entries.get(`${venue}/${apiEnv}`);
    return entry === undefined ? null : new Credentials(venue, apiEnv, entry.apiKey, entry.apiSecret, 'file');
  }
}
