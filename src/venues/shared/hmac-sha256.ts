// hmacSha256Hex: the signing primitive both venues share — HMAC-SHA256 of a UTF-8 payload, lowercase hex.
import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of `payload` keyed with `secret`, both encoded as UTF-8; 64 lowercase hex characters.
 * Pure: same inputs, same output. Binance and Bybit both sign with exactly this
 * (binance/binance-spot-api-docs rest-api.md "HMAC Keys"; bybit-exchange/docs docs/v5/guide.mdx "Create A Request").
 */
export function hmacSha256Hex(secret: string, payload: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(payload, 'utf8')).digest('hex');
}
