// Covers hmacSha256Hex: RFC 4231 test case 2 and Binance's published vector, lowercase hex, UTF-8 payloads.
import { describe, it, expect } from 'vitest';
import { hmacSha256Hex } from '../../../src/venues/shared/hmac-sha256.js';

describe('hmacSha256Hex', () => {
  it('reproduces RFC 4231 test case 2 (key "Jefe")', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it("reproduces Binance's published signature for the LTCBTC example", () => {
    expect(
      hmacSha256Hex(
        'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
        'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
      ),
    ).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  it('signs the UTF-8 bytes of a non-ASCII payload', () => {
    // printf '%s' 'é' | openssl dgst -sha256 -hmac k
    expect(hmacSha256Hex('k', 'é')).toBe('41b08e48379060d5566363083dabd4b2f9afd6e169af22d26522dbdc5e7a5134');
  });
});
