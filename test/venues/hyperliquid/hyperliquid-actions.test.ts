// Covers the action renderers (shape and key order as the endpoint receives them), cloids, action weights and the signed /exchange body.
import { describe, expect, it } from 'vitest';
import {
  actionAddressRequests,
  actionWeight,
  cancelAction,
  cancelByCloidAction,
  checkCloid,
  cloidFromInt,
  orderAction,
  orderWire,
  scheduleCancelAction,
} from '../../../src/venues/hyperliquid/hyperliquid-actions.js';
import { signedBody, signedBodyText } from '../../../src/venues/hyperliquid/hyperliquid-signed-body.js';
import { HyperliquidWallet } from '../../../src/venues/hyperliquid/hyperliquid-wallet.js';

const WALLET = HyperliquidWallet.fromPrivateKeyHex('0x0123456789012345678901234567890123456789012345678901234567890123');

describe('action renderers', () => {
  it('renders an Alo order with its cloid last, prices as their wire text', () => {
    const action = orderAction([orderWire({ asset: 0, isBuy: false, price: '65000.0', size: '0.00150', reduceOnly: true, type: { limit: { tif: 'Alo' } }, cloid: cloidFromInt(42) })]);
    expect(JSON.stringify(action)).toBe('{"type":"order","orders":[{"a":0,"b":false,"p":"65000","s":"0.0015","r":true,"t":{"limit":{"tif":"Alo"}},"c":"0x0000000000000000000000000000002a"}],"grouping":"na"}');
  });

  it('renders cancel {a, o}, cancelByCloid {asset, cloid} and scheduleCancel with or without time', () => {
    expect(JSON.stringify(cancelAction([{ asset: 1, oid: 82382 }]))).toBe('{"type":"cancel","cancels":[{"a":1,"o":82382}]}');
    expect(JSON.stringify(cancelByCloidAction([{ asset: 5, cloid: '0x1e60610f0b3d420597c88c1fed2ad5ee' }]))).toBe('{"type":"cancelByCloid","cancels":[{"asset":5,"cloid":"0x1e60610f0b3d420597c88c1fed2ad5ee"}]}');
    expect(JSON.stringify(scheduleCancelAction())).toBe('{"type":"scheduleCancel"}');
    expect(JSON.stringify(scheduleCancelAction(1700000005000))).toBe('{"type":"scheduleCancel","time":1700000005000}');
  });

  it('checks cloids (python Cloid: 0x + 32 hex) and writes Cloid.from_int', () => {
    expect(cloidFromInt(1)).toBe('0x00000000000000000000000000000001');
    expect(() => checkCloid('0x1')).toThrow(/16 bytes/);
    expect(() => checkCloid('0x1E60610F0B3D420597C88C1FED2AD5EE')).toThrow(/lower-case/);
  });

  it('weighs an action 1 + floor(batch / 40) against the IP budget and n against the address budget (rate-limits docs: 79 orders weigh 2)', () => {
    const one = orderWire({ asset: 0, isBuy: true, price: '1', size: '1', reduceOnly: false, type: { limit: { tif: 'Gtc' } } });
    expect(actionWeight(orderAction([one]))).toBe(1);
    expect(actionWeight(orderAction(Array(79).fill(one)))).toBe(2);
    expect(actionWeight(orderAction(Array(80).fill(one)))).toBe(3);
    expect(actionAddressRequests(orderAction(Array(79).fill(one)))).toBe(79);
    expect(actionWeight(scheduleCancelAction(5))).toBe(1);
  });
});

describe('signedBody', () => {
  it('writes {action, nonce, signature} and the optional vaultAddress and expiresAfter after them, in that order', () => {
    const action = scheduleCancelAction(123456789);
    const body = signedBody(WALLET, action, { nonce: 0, network: 'mainnet' });
    // The python vector test_schedule_cancel_action (mainnet, with time): r, s zero-padded to 64 digits.
    expect(signedBodyText(body)).toBe(
      '{"action":{"type":"scheduleCancel","time":123456789},"nonce":0,"signature":{"r":"0x609cb20c737945d070716dcc696ba030e9976fcf5edad87afa7d877493109d55","s":"0x16c685d63b5c7a04512d73f183b3d7a00da5406ff1f8aad33f8ae2163bab758b","v":28}}',
    );
    const withExtras = signedBody(WALLET, action, { nonce: 7, network: 'testnet', vaultAddress: '0x1719884eb866cb12b2287399b15f7db5e7d775ea', expiresAfter: 1000 });
    expect(Object.keys(withExtras)).toEqual(['action', 'nonce', 'signature', 'vaultAddress', 'expiresAfter']);
  });
});
