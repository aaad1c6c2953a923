// Covers HyperliquidApiGate: the signed, journaled /exchange bodies of a dry run (create Alo, modify, cancel by cloid, cancel-all batch), nonces from the send time, the IP weight budget with and without throttling, and report().
import { describe, expect, it } from 'vitest';
import { buildInstrument } from '../../../src/core/model/instrument.js';
import type { OrderId } from '../../../src/core/model/ids.js';
import type { Order } from '../../../src/core/model/order.js';
import type { GateRequest, VenueRequestKind } from '../../../src/ports/request-gate.js';
import type { VenueCredentials } from '../../../src/ports/secret-provider.js';
import { HyperliquidApiGate, hyperliquidCloid } from '../../../src/venues/hyperliquid/hyperliquid-api-gate.js';
import { HYPERLIQUID_BUNDLED_META_JSON } from '../../../src/venues/hyperliquid/hyperliquid-bundled-meta.js';
import { parseHyperliquidMeta } from '../../../src/venues/hyperliquid/hyperliquid-instruments.js';
import { actionHash } from '../../../src/venues/hyperliquid/hyperliquid-action-hash.js';
import { l1Digest } from '../../../src/venues/hyperliquid/hyperliquid-signing.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { addressOfPublicKey } from '../../../src/venues/hyperliquid/hyperliquid-address.js';
import { MemoryRequestJournal } from '../../helpers/memory-request-journal.js';
import { makeOrder } from '../../helpers/orders.js';

const coins = parseHyperliquidMeta(JSON.parse(HYPERLIQUID_BUNDLED_META_JSON), 'bundled').filter((c) => c.spec.symbol === 'ETH');
const COINS = new Map(coins.map((c) => [c.spec.symbol, c]));
const INSTRUMENTS = new Map(coins.map((c) => [c.spec.symbol, buildInstrument(c.spec)]));
const ORDER: Order = makeOrder('BUY', 300050, { symbol: 'ETH', qtyLots: 34, id: 'O-1' as OrderId, options: { timeInForce: 'GTC', postOnly: true, reduceOnly: false } });
const KEY = '0x0123456789012345678901234567890123456789012345678901234567890123';
const CREDENTIALS = { venue: 'bybit', apiEnv: 'dev', apiKey: '0x14791697260E4c9A71f18484C9f997B308e59325', apiSecret: KEY, source: 'env' } as unknown as VenueCredentials;

const req = (kind: VenueRequestKind, amend: GateRequest['amend'] = null): GateRequest => ({ kind, symbol: 'ETH', order: kind === 'cancel-all' ? null : ORDER, amend });

function dryGate(journal: MemoryRequestJournal, throttle = true): HyperliquidApiGate {
  return new HyperliquidApiGate({ instruments: INSTRUMENTS, coins: COINS, throttle, clientIdPrefix: 'se42-', dryRun: { credentials: CREDENTIALS, recvWindowMs: 5000, journal } });
}

describe('HyperliquidApiGate dry run', () => {
  it('journals the signed bodies: Alo order with cloid, modify, cancelByCloid, then an empty cancel-all batch', () => {
    const journal = new MemoryRequestJournal();
    const g = dryGate(journal);
    const cloid = hyperliquidCloid('se42-', 'O-1');
    expect(cloid).toMatch(/^0x[0-9a-f]{32}$/);
    g.onSend(req('create'), 1_700_000_000_000, 0);
    g.onSend(req('amend', { priceTicks: 300060, qtyLots: 34 }), 1_700_000_000_000, 0);
    g.onSend(req('cancel'), 1_700_000_000_001, 0);
    g.onSend(req('cancel-all'), 1_700_000_000_001, 0);
    const lines = journal.lines.map((l) => JSON.parse(l) as { body: string; method: string; path: string; seq: number; kind: string });
    expect(lines.map((l) => [l.seq, l.kind, l.method, l.path])).toEqual([[1, 'create', 'POST', '/exchange'], [2, 'amend', 'POST', '/exchange'], [3, 'cancel', 'POST', '/exchange'], [4, 'cancel-all', 'POST', '/exchange']]);
    const bodies = lines.map((l) => JSON.parse(l.body) as { action: unknown; nonce: number; signature: { r: string; s: string; v: number } });
    expect(bodies[0]!.action).toEqual({ type: 'order', orders: [{ a: 1, b: true, p: '3000.5', s: '0.0034', r: false, t: { limit: { tif: 'Alo' } }, c: cloid }], grouping: 'na' });
    expect(bodies[1]!.action).toEqual({ type: 'modify', oid: cloid, order: { a: 1, b: true, p: '3000.6', s: '0.0034', r: false, t: { limit: { tif: 'Alo' } }, c: cloid } });
    expect(bodies[2]!.action).toEqual({ type: 'cancelByCloid', cancels: [{ asset: 1, cloid }] });
    expect(bodies[3]!.action).toEqual({ type: 'cancelByCloid', cancels: [] });
    // Nonces: the send time, strictly increasing within one millisecond.
    expect(bodies.map((b) => b.nonce)).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002, 1_700_000_000_003]);
    // Each signature recovers to the wallet's address (the key never appears in the journal).
    for (const b of bodies) {
      const digest = l1Digest(actionHash(b.action as never, { nonce: b.nonce, vaultAddress: null, expiresAfter: null }), 'mainnet');
      const sig = new secp256k1.Signature(BigInt(b.signature.r), BigInt(b.signature.s), b.signature.v - 27);
      expect(addressOfPublicKey(sig.recoverPublicKey(digest).toBytes(false))).toBe(CREDENTIALS.apiKey);
    }
    expect(journal.lines.join('\n')).not.toContain(KEY.slice(2));
    expect(hexToBytes(KEY.slice(2))).toHaveLength(32);
  });

  it('reports sends, weight and the masked account', () => {
    const g = dryGate(new MemoryRequestJournal());
    g.onSend(req('create'), 0, 0);
    expect(g.report()).toMatchObject({
      endpoint: 'POST /exchange',
      sent: 1,
      weight_sent: 1,
      rate_limits: { throttle: true, ip_rejected_429: 0, address_requests: 1, address_initial_budget: 10000 },
      dry_run: { rendered_requests: 1, journaled: true, credentials: { api_key: '0x1…***' } },
    });
  });
});

describe('HyperliquidApiGate IP budget', () => {
  it('holds the 1201st weight of a minute until the first expires, and answers HTTP 429 without throttling', () => {
    const g = new HyperliquidApiGate({ instruments: INSTRUMENTS, coins: COINS, throttle: true, clientIdPrefix: 'p-', dryRun: null });
    for (let i = 0; i < 1200; i++) g.onSend(req('create'), i, 0);
    expect(g.sendableAtMs(req('create'), 1200)).toBe(60_000);
    const open = new HyperliquidApiGate({ instruments: INSTRUMENTS, coins: COINS, throttle: false, clientIdPrefix: 'p-', dryRun: null });
    for (let i = 0; i < 1200; i++) expect(open.venueAdmit(req('create'), i)).toBeNull();
    expect(open.venueAdmit(req('create'), 1200)).toEqual({ code: 'HTTP_429', message: 'Too Many Requests', detail: 'IP weight budget exceeded (1200 per 60000 ms)' });
    expect(open.report()).toMatchObject({ rate_limits: { ip_rejected_429: 1, ip_peak_weight_in_window: 1201 } });
  });
});

describe('HyperliquidApiGate placeholder credentials', () => {
  it('signs with the public key derived from the placeholder secret, never failing on its non-hex text', () => {
    const journal = new MemoryRequestJournal();
    const placeholder = { venue: 'hyperliquid', apiEnv: 'dev', apiKey: 'PLACEHOLDER-API-KEY-NOT-A-REAL-KEY', apiSecret: 'PLACEHOLDER-API-SECRET-NOT-A-REAL-SECRET', source: 'placeholder' } as unknown as VenueCredentials;
    const g = new HyperliquidApiGate({ instruments: INSTRUMENTS, coins: COINS, throttle: true, clientIdPrefix: 'se1-', dryRun: { credentials: placeholder, recvWindowMs: 5000, journal } });
    g.onSend(req('create'), 5, 0);
    expect(journal.lines).toHaveLength(1);
    expect(g.report()).toMatchObject({ dry_run: { credentials: { source: 'placeholder', api_key: 'PLA…***' } } });
  });
});

describe('HyperliquidApiGate address budget (10000 requests plus 1 per USDC traded)', () => {
  const plain = (throttle: boolean): HyperliquidApiGate => new HyperliquidApiGate({ instruments: INSTRUMENTS, coins: COINS, throttle, clientIdPrefix: 'p-', dryRun: null });
  // 60 ms apart: 1000 a minute, under the IP budget of 1200.
  const at = (i: number): number => i * 60;

  it('without throttling lets 10000 through, then one request per 10 s, and answers the rest with the venue text; cancels have min(cap + 100000, 2 x cap)', () => {
    const g = plain(false);
    // Requests the gate answered, checked once (an expect per request cost seconds).
    const answered: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = req('create');
      g.onSend(r, at(i), 0);
      if (g.venueAdmit(r, at(i)) !== null) answered.push(i);
    }
    expect(answered).toEqual([]);
    const first = req('create');
    g.onSend(first, at(10_000), 0);
    expect(g.venueAdmit(first, at(10_000))).toBeNull(); // the slot of the first 10 s past the cap
    const refused = req('create');
    g.onSend(refused, at(10_001), 0);
    expect(g.venueAdmit(refused, at(10_001))).toEqual({
      code: 'err',
      message: 'Too many cumulative requests sent (10002 > 10000) for cumulative volume traded $0. Place taker orders to free up 1 request per USDC traded.',
      detail: 'address budget: 10000 requests plus 1 per USDC traded, one request per 10 s past it',
    });
    const cancel = req('cancel');
    g.onSend(cancel, at(10_002), 0);
    expect(g.venueAdmit(cancel, at(10_002))).toBeNull(); // 10003 of the cancels' 20000
    const later = req('create');
    g.onSend(later, at(10_000) + 10_000, 0);
    expect(g.venueAdmit(later, at(10_000) + 10_000)).toBeNull();
    expect(g.report()).toMatchObject({ rate_limits: { address_requests: 10_004, address_rejected: 1, address_usdc_traded: '0' } });
    expect((g.report() as { answers: Record<string, unknown> }).answers).toEqual({
      err: {
        count: 1,
        http_status: 200,
        first_answer: '{"status":"err","response":"Too many cumulative requests sent (10002 > 10000) for cumulative volume traded $0. Place taker orders to free up 1 request per USDC traded."}',
      },
    });
  });

  it('grows the cap by the whole USDC the sent orders filled: 100 fills of 0.0034 ETH at 3000.5 = $1020.17, cap 11020', () => {
    const g = plain(false);
    for (let i = 0; i < 100; i++) {
      const order = makeOrder('BUY', 300050, { symbol: 'ETH', qtyLots: 34, id: `O-${i}` as OrderId });
      const r: GateRequest = { kind: 'create', symbol: 'ETH', order, amend: null };
      g.onSend(r, at(i), 0);
      g.venueAdmit(r, at(i));
      // The venue fills it after it arrived.
      order.filledLots = 34;
      order.status = 'FILLED';
    }
    const tracked = makeOrder('BUY', 300050, { symbol: 'ETH', qtyLots: 34, id: 'O-x' as OrderId });
    const answered: number[] = [];
    for (let i = 100; i < 11_021; i++) {
      const r: GateRequest = { kind: 'create', symbol: 'ETH', order: tracked, amend: null };
      g.onSend(r, at(i), 0);
      if (g.venueAdmit(r, at(i)) !== null) answered.push(i);
    }
    expect(answered).toEqual([]);
    const r = req('create');
    g.onSend(r, at(11_021), 0);
    expect(g.venueAdmit(r, at(11_021))?.message).toBe('Too many cumulative requests sent (11022 > 11020) for cumulative volume traded $1020.17. Place taker orders to free up 1 request per USDC traded.');
  });

  it('throttled, holds the client past the cap: one request per 10 s', () => {
    const g = plain(true);
    for (let i = 0; i < 10_000; i++) g.onSend(req('create'), at(i), 0);
    expect(g.sendableAtMs(req('create'), at(10_000))).toBe(at(10_000));
    g.onSend(req('create'), at(10_000), 0);
    expect(g.sendableAtMs(req('create'), at(10_000) + 1)).toBe(at(10_000) + 10_000);
  });
});
