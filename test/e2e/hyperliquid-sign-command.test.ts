// End-to-end `shadow-exec sign --exchange hyperliquid --action JSON --nonce N`: the python SDK's order vector signed from the environment's key, only the masked address shown; --body/--timestamp still work; other venues refuse --action.
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';

// hyperliquid-python-sdk tests/signing_test.py, test_l1_action_signing_order_matches (mainnet): the SDK's test key.
const KEY = '0x0123456789012345678901234567890123456789012345678901234567890123';
const ENV = { HYPERLIQUID_PRIVATE_KEY: KEY, HYPERLIQUID_ACCOUNT_ADDRESS: '0x14791697260E4c9A71f18484C9f997B308e59325' };
const ACTION = '{"type":"order","orders":[{"a":1,"b":true,"p":"100","s":"100","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}';
const SIGNATURE = { r: '0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e', s: '0x2b54116ff64054968aa237c20ca9ff68000f977c93289157748a3162b6ea940e', v: 28 };

describe('shadow-exec sign --exchange hyperliquid', () => {
  it('prints the signed /exchange body of --action at --nonce, matching the python SDK order vector, the key never shown', async () => {
    const r = await runCliInProcess(['sign', '--exchange', 'hyperliquid', '--action', ACTION, '--nonce', '0'], { env: ENV });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.body.signature).toEqual(SIGNATURE);
    expect(out.body_text).toBe(`{"action":${ACTION},"nonce":0,"signature":${JSON.stringify(SIGNATURE)}}`);
    expect(out.signer).toBe('0x1479…9325');
    expect(r.stdout + r.stderr).not.toContain(KEY.slice(2));
  });

  it('takes the older --body and --timestamp for the same signature, and refuses both spellings at once', async () => {
    const old = await runCliInProcess(['sign', '--exchange', 'hyperliquid', '--body', ACTION, '--timestamp', '0'], { env: ENV });
    expect(JSON.parse(old.stdout).body.signature).toEqual(SIGNATURE);
    const both = await runCliInProcess(['sign', '--exchange', 'hyperliquid', '--action', ACTION, '--body', ACTION, '--nonce', '0'], { env: ENV });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--action and --body are the same input for hyperliquid: give one');
  });

  it('is refused on a venue whose signer reads no action', async () => {
    const r = await runCliInProcess(['sign', '--exchange', 'bybit', '--placeholder', '--action', ACTION]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--action does not apply to --exchange bybit');
  });
});
