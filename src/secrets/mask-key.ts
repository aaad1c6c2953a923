// maskKey: the one way an API key (or any credential) is shown to a person — a 3-character prefix at most.

/** Keys shorter than this show no prefix at all. */
const MIN_LENGTH_FOR_PREFIX = 8;

/** `abcdefgh…` → `abc…***`; keys shorter than 8 characters → `***`. Never reveals more than 3 characters. */
export function maskKey(key: string): string {
  return key.length < MIN_LENGTH_FOR_PREFIX ? '***' : `${key.slice(0, 3)}…***`;
}
