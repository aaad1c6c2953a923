// EIP-712 typed-data digests for the flat structs Hyperliquid signs (Agent, and the user-signed HyperliquidTransaction:* types).
//
// EIP-712 (eips.ethereum.org/EIPS/eip-712): digest = keccak256(0x19 0x01 ‖ hashStruct(domain) ‖ hashStruct(message)),
// hashStruct(s) = keccak256(typeHash ‖ encodeData(s)), typeHash = keccak256("Name(type1 name1,type2 name2,…)").
// Only the atomic types these structs use are supported: string (keccak of its UTF-8), bytes32 (as is), address
// (left-padded to 32 bytes), bool, uint64 / uint256 (big-endian 32 bytes). Struct-valued fields and arrays never occur.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { ShadowExecError } from '../../core/errors/shadow-exec-error.js';
import { addressBytes } from './hyperliquid-address.js';

export type Eip712AtomicType = 'string' | 'bytes32' | 'address' | 'bool' | 'uint64' | 'uint256';

export interface Eip712Field {
  readonly name: string;
  readonly type: Eip712AtomicType;
}

export type Eip712Value = string | number | bigint | boolean | Uint8Array;

/** The domain fields Hyperliquid uses, in the order EIP712Domain declares them (python SDK `l1_payload`). */
export interface Eip712Domain {
  readonly name: string;
  readonly version: string;
  readonly chainId: number | bigint;
  readonly verifyingContract: string;
}

const DOMAIN_FIELDS: readonly Eip712Field[] = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

const UTF8 = new TextEncoder();

function uintWord(value: Eip712Value, bits: number, what: string): Uint8Array {
  const big = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : -1n;
  if (big < 0n || big >= 1n << BigInt(bits)) throw new ShadowExecError('E_USAGE', `${what} must be a uint${bits}, got ${String(value)}`);
  const out = new Uint8Array(32);
  let rest = big;
  for (let i = 31; i >= 0 && rest > 0n; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function encodeField(field: Eip712Field, value: Eip712Value | undefined): Uint8Array {
  const what = `typed data field ${field.name}`;
  if (value === undefined) throw new ShadowExecError('E_USAGE', `${what} is missing`);
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') throw new ShadowExecError('E_USAGE', `${what} must be a string`);
      return keccak_256(UTF8.encode(value));
    case 'bytes32': {
      const bytes = typeof value === 'string' ? hexToBytes(value.startsWith('0x') ? value.slice(2) : value) : value;
      if (!(bytes instanceof Uint8Array) || bytes.length !== 32) throw new ShadowExecError('E_USAGE', `${what} must be 32 bytes`);
      return bytes;
    }
    case 'address': {
      if (typeof value !== 'string') throw new ShadowExecError('E_USAGE', `${what} must be an address string`);
      const out = new Uint8Array(32);
      out.set(addressBytes(value, what), 12);
      return out;
    }
    case 'bool':
      if (typeof value !== 'boolean') throw new ShadowExecError('E_USAGE', `${what} must be a boolean`);
      return uintWord(value ? 1 : 0, 8, what);
    case 'uint64':
      return uintWord(value, 64, what);
    case 'uint256':
      return uintWord(value, 256, what);
  }
}

/** "Name(type1 name1,…)": the type's encoding, hashed into its typeHash. */
export function encodeType(primaryType: string, fields: readonly Eip712Field[]): string {
  return `${primaryType}(${fields.map((f) => `${f.type} ${f.name}`).join(',')})`;
}

/** hashStruct(message) of a flat struct: keccak256(typeHash ‖ each field's 32-byte word, in declared order). */
export function hashStruct(primaryType: string, fields: readonly Eip712Field[], message: Readonly<Record<string, Eip712Value>>): Uint8Array {
  const words = new Uint8Array(32 * (fields.length + 1));
  words.set(keccak_256(UTF8.encode(encodeType(primaryType, fields))), 0);
  fields.forEach((field, i) => words.set(encodeField(field, message[field.name]), 32 * (i + 1)));
  return keccak_256(words);
}

/** The 32-byte digest a wallet signs for typed data `message` of `primaryType` under `domain`. */
export function typedDataDigest(
  domain: Eip712Domain,
  primaryType: string,
  fields: readonly Eip712Field[],
  message: Readonly<Record<string, Eip712Value>>,
): Uint8Array {
  const domainHash = hashStruct('EIP712Domain', DOMAIN_FIELDS, { ...domain });
  const preimage = new Uint8Array(66);
  preimage[0] = 0x19;
  preimage[1] = 0x01;
  preimage.set(domainHash, 2);
  preimage.set(hashStruct(primaryType, fields, message), 34);
  return keccak_256(preimage);
}
