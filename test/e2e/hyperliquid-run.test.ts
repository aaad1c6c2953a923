// End-to-end `shadow-exec run --exchange hyperliquid` in process: a synthetic shadow run with the bundled perps, Alo and reduce-only rejections in the venue's words, a dry run whose journal holds signed /exchange bodies that recover to the key's address, and `sign`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { afterAll, describe, expect, it } from 'vitest';
import { actionHash } from '../../src/venues/hyperliquid/hyperliquid-action-hash.js';
import { addressOfPublicKey } from '../../src/venues/hyperliquid/hyperliquid-address.js';
import { l1Digest } from '../../src/venues/hyperliquid/hyperliquid-signing.js';
import { runCliInProcess, runVenue } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'shadow-exec-hyperliquid-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NO_KEYS = { HYPERLIQUID_ACCOUNT_ADDRESS: '', HYPERLIQUID_PRIVATE_KEY: '', HYPERLIQUID_ACCOUNT_ADDRESS_DEV: '', HYPERLIQUID_PRIVATE_KEY_DEV: '' };
/** The python SDK's test key; its address (ethers.js vector) is 0x14791697260E4c9A71f18484C9f997B308e59325. */
const KEY = '0x0123456789012345678901234567890123456789012345678901234567890123';
const ADDRESS = '0x14791697260E4c9A71f18484C9f997B308e59325';

const report = (args: string[], env: NodeJS.ProcessEnv = NO_KEYS): ReturnType<typeof runVenue> => runVenue('hyperliquid', args, env);

describe('shadow-exec run --exchange hyperliquid', () => {
  it('runs a synthetic shadow run on the bundled BTC, ETH and SOL with the tier-0 fees and the /exchange section', async () => {
    const r = await report(['--symbols', 'BTC,ETH,SOL', '--iterations', '200', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.config.exchange).toBe('hyperliquid');
    expect(r.report.model.venue.fees).toEqual({ maker_bps: '1.5', taker_bps: '4.5' });
    expect(r.report.model.venue.instruments.BTC).toMatchObject({ asset: 0, sz_decimals: 5, tick_size: '1', lot_size: '0.00001', min_notional: '10', taken_at: '2023-07-17' });
    expect(r.report.model.venue.instruments.SOL).toMatchObject({ asset: 5, tick_size: '0.01' });
    expect(r.report.orders.placed).toBeGreaterThan(0);
    expect(r.report.orders.rejects_by_code).toEqual({});
    expect(r.report.venue_api.endpoint).toBe('POST /exchange');
    expect(r.report.venue_api.sent).toBe(r.report.orders.placed + r.report.orders.cancels_sent);
    expect(r.report.venue_api.dry_run).toBeNull();
  });

  it('rejects every reduce-only order with the venue text while the position is flat', async () => {
    const r = await report(['--symbols', 'ETH', '--order-options', 'reduceOnly', '--iterations', '50', '--quiet']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.report.orders.rejects_by_code)).toEqual(['reduceOnlyRejected']);
    expect(r.report.orders.rejects_by_code.reduceOnlyRejected).toBe(r.report.orders.placed);
  });

  it('rejects Alo quotes that would take (badAloPxRejected) and never takes liquidity with them', async () => {
    const r = await report(['--symbols', 'BTC', '--order-options', 'postOnly', '--volatility-bps', '6', '--latency-ms', '300', '--edge-threshold', '-50', '--iterations', '400', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.report.orders.rejects_by_code.badAloPxRejected).toBeGreaterThan(0);
    expect(r.report.fills.taker).toBe(0);
  });

  it('refuses FOK: Hyperliquid has Alo, Ioc and Gtc only', async () => {
    const r = await runCliInProcess(['run', '--exchange', 'hyperliquid', '--symbols', 'BTC', '--order-options', 'timeInForce=FOK', '--quiet'], { env: NO_KEYS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timeInForce=FOK is not allowed for hyperliquid');
  });

  it('journals a dry run: one signed /exchange body per request, recovering to the key\'s address; the key appears in no output', async () => {
    const journal = join(tmp, 'dry.jsonl');
    const r = await report(['--symbols', 'BTC,ETH', '--mode', 'dryrun', '--journal', journal, '--iterations', '80'], { HYPERLIQUID_ACCOUNT_ADDRESS: ADDRESS, HYPERLIQUID_PRIVATE_KEY: KEY });
    expect(r.code).toBe(0);
    const text = readFileSync(journal, 'utf8');
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(r.report.venue_api.dry_run.rendered_requests);
    expect(lines.length).toBe(r.report.orders.placed + r.report.orders.cancels_sent);
    let lastNonce = -1;
    for (const line of lines) {
      expect([line.method, line.path]).toEqual(['POST', '/exchange']);
      const body = JSON.parse(line.body);
      expect(Object.keys(body)).toEqual(['action', 'nonce', 'signature']);
      expect(body.action.type).toBe(line.kind === 'create' ? 'order' : 'cancelByCloid');
      expect(body.nonce).toBeGreaterThan(lastNonce);
      lastNonce = body.nonce;
      const digest = l1Digest(actionHash(body.action, { nonce: body.nonce, vaultAddress: null, expiresAfter: null }), 'mainnet');
      const sig = new secp256k1.Signature(BigInt(body.signature.r), BigInt(body.signature.s), body.signature.v - 27);
      expect(addressOfPublicKey(sig.recoverPublicKey(digest).toBytes(false))).toBe(ADDRESS);
    }
    for (const out of [text, r.stdout, r.stderr]) expect(out).not.toContain(KEY.slice(2));
    expect(r.report.venue_api.dry_run.credentials).toEqual({ source: 'env', api_env: 'dev', api_key: '0x1…***' });
  });

  it('signs one action with `sign`: the body exactly as sent, the signer masked', async () => {
    const r = await runCliInProcess(['sign', '--exchange', 'hyperliquid', '--body', '{"type":"scheduleCancel","time":123456789}', '--timestamp', '0'], { env: { HYPERLIQUID_ACCOUNT_ADDRESS: ADDRESS, HYPERLIQUID_PRIVATE_KEY: KEY } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // The python SDK vector test_schedule_cancel_action (mainnet, time 123456789, nonce 0).
    expect(out.body_text).toBe('{"action":{"type":"scheduleCancel","time":123456789},"nonce":0,"signature":{"r":"0x609cb20c737945d070716dcc696ba030e9976fcf5edad87afa7d877493109d55","s":"0x16c685d63b5c7a04512d73f183b3d7a00da5406ff1f8aad33f8ae2163bab758b","v":28}}');
    expect(out.signer).toBe('0x1479…9325');
    expect(r.stdout + r.stderr).not.toContain(KEY.slice(2));
  });
});
