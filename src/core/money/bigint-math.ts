// Exact integer helpers for bigint money arithmetic.

/** n / d rounded half-to-even; d must be positive. */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  return q % 2n === 0n ? q : away;
}

export function absBig(n: bigint): bigint {
  return n < 0n ? -n : n;
}
