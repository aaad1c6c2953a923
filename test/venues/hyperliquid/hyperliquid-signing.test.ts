// Every published signing vector of the official Hyperliquid SDKs (python tests/signing_test.py, rust exchange_client.rs / create_signature.rs tests), reproduced byte for byte.
//
// Sources (fetched 2026-12-03):
// - PY: github.com/hyperliquid-dex/hyperliquid-python-sdk @ 7ee976d (v0.23.0), tests/signing_test.py; wallet key
//   0x0123456789012345678901234567890123456789012345678901234567890123. The python SDK prints r and s with
//   eth_utils.to_hex(int): no leading zeros (e.g. a 63-digit r). The body here pads them to 64 digits; the vectors are
//   compared as numbers and our text checked to be 0x + 64 hex.
// - RS: github.com/hyperliquid-dex/hyperliquid-rust-sdk @ aac7558, src/exchange/exchange_client.rs `mod tests` and
//   src/signature/create_signature.rs `mod tests`; wallet key e908f86dbb4d55ac876378565aafeabc187f6690f046459397b17d9b9a19688e.
//   Signatures print as 0x ‖ r ‖ s ‖ v (v 0x1b/0x1c).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { actionHash, actionHashPreimage } from '../../../src/venues/hyperliquid/hyperliquid-action-hash.js';
import { orderAction, orderWire, scheduleCancelAction } from '../../../src/venues/hyperliquid/hyperliquid-actions.js';
import type { ActionValue } from '../../../src/venues/hyperliquid/hyperliquid-msgpack.js';
import { l1Digest, signL1Action, signUserSignedAction } from '../../../src/venues/hyperliquid/hyperliquid-signing.js';
import { type HyperliquidSignature, HyperliquidWallet } from '../../../src/venues/hyperliquid/hyperliquid-wallet.js';
import { floatToIntForHashing, floatToWire } from '../../../src/venues/hyperliquid/hyperliquid-wire-number.js';
import { checksumAddress } from '../../../src/venues/hyperliquid/hyperliquid-address.js';
import type { Eip712Field } from '../../../src/venues/hyperliquid/hyperliquid-eip712.js';

const PY_WALLET = HyperliquidWallet.fromPrivateKeyHex('0x0123456789012345678901234567890123456789012345678901234567890123');
const RS_WALLET = HyperliquidWallet.fromPrivateKeyHex('e908f86dbb4d55ac876378565aafeabc187f6690f046459397b17d9b9a19688e');
const NO_EXTRAS = { nonce: 0, vaultAddress: null, expiresAfter: null } as const;

/** A python vector: r and s as to_hex prints them (leading zeros dropped), v 27/28. */
function expectPy(sig: HyperliquidSignature, r: string, s: string, v: 27 | 28): void {
  expect(sig.r).toMatch(/^0x[0-9a-f]{64}$/);
  expect(sig.s).toMatch(/^0x[0-9a-f]{64}$/);
  expect(BigInt(sig.r)).toBe(BigInt(r));
  expect(BigInt(sig.s)).toBe(BigInt(s));
  expect(sig.v).toBe(v);
}

/** A rust vector: alloy's Signature display, 0x ‖ r ‖ s ‖ v as one byte. */
function rsText(sig: HyperliquidSignature): string {
  return `${sig.r}${sig.s.slice(2)}${sig.v.toString(16)}`;
}

/** python `order_request_to_order_wire` of a limit order given as floats (the SDK's inputs). */
function pyLimitOrder(asset: number, sz: number, px: number, tif: 'Ioc' | 'Gtc', cloid?: string): ActionValue {
  return orderAction([orderWire({ asset, isBuy: true, price: floatToWire(px), size: floatToWire(sz), reduceOnly: false, type: { limit: { tif } }, cloid })]) as unknown as ActionValue;
}

describe('python SDK tests/signing_test.py', () => {
  it('test_phantom_agent_creation_matches_production: ETH Ioc 0.0147 @ 1670.1, asset 4, nonce 1677777606040', () => {
    const action = pyLimitOrder(4, 0.0147, 1670.1, 'Ioc');
    const hash = actionHash(action, { nonce: 1677777606040, vaultAddress: null, expiresAfter: null });
    expect(`0x${bytesToHex(hash)}`).toBe('0x0fcbeda5ae3c4950a548021552a4fea2226858c4453571bf3f24ba017eac2908');
  });

  it('test_l1_action_signing_matches: {type: dummy, num: float_to_int_for_hashing(1000)} (10^11: a uint 64 in msgpack)', () => {
    const action: ActionValue = { type: 'dummy', num: floatToIntForHashing(1000) };
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0x53749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298', '0x755c40ba9bf05223521753995abb2f73ab3229be8ec921f350cb447e384d8ed8', 27);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0x542af61ef1f429707e3c76c5293c80d01f74ef853e34b76efffcb57e574f9510', '0x17b8b32f086e8cdede991f1e2c529f5dd5297cbe8128500e00cbaf766204a613', 28);
  });

  it('test_l1_action_signing_order_matches: ETH Gtc 100 @ 100, asset 1', () => {
    const action = pyLimitOrder(1, 100, 100, 'Gtc');
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e', '0x2b54116ff64054968aa237c20ca9ff68000f977c93289157748a3162b6ea940e', 28);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0x82b2ba28e76b3d761093aaded1b1cdad4960b3af30212b343fb2e6cdfa4e3d54', '0x6b53878fc99d26047f4d7e8c90eb98955a109f44209163f52d8dc4278cbbd9f5', 27);
  });

  it('test_l1_action_signing_order_with_cloid_matches: cloid 0x00000000000000000000000000000001', () => {
    const action = pyLimitOrder(1, 100, 100, 'Gtc', '0x00000000000000000000000000000001');
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0x41ae18e8239a56cacbc5dad94d45d0b747e5da11ad564077fcac71277a946e3', '0x3c61f667e747404fe7eea8f90ab0e76cc12ce60270438b2058324681a00116da', 27);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0xeba0664bed2676fc4e5a743bf89e5c7501aa6d870bdb9446e122c9466c5cd16d', '0x7f3e74825c9114bc59086f1eebea2928c190fdfbfde144827cb02b85bbe90988', 28);
  });

  it('test_l1_action_signing_matches_with_vault: vault 0x1719884eb866cb12b2287399b15f7db5e7d775ea', () => {
    const action: ActionValue = { type: 'dummy', num: floatToIntForHashing(1000) };
    const extras = { nonce: 0, vaultAddress: '0x1719884eb866cb12b2287399b15f7db5e7d775ea', expiresAfter: null };
    expectPy(signL1Action(PY_WALLET, action, extras, 'mainnet'), '0x3c548db75e479f8012acf3000ca3a6b05606bc2ec0c29c50c515066a326239', '0x4d402be7396ce74fbba3795769cda45aec00dc3125a984f2a9f23177b190da2c', 28);
    expectPy(signL1Action(PY_WALLET, action, extras, 'testnet'), '0xe281d2fb5c6e25ca01601f878e4d69c965bb598b88fac58e475dd1f5e56c362b', '0x7ddad27e9a238d045c035bc606349d075d5c5cd00a6cd1da23ab5c39d4ef0f60', 27);
  });

  it('test_l1_action_signing_tpsl_order_matches: trigger sl, triggerPx 103, isMarket', () => {
    const action = orderAction([
      orderWire({ asset: 1, isBuy: true, price: floatToWire(100), size: floatToWire(100), reduceOnly: false, type: { trigger: { isMarket: true, triggerPx: floatToWire(103), tpsl: 'sl' } } }),
    ]) as unknown as ActionValue;
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0x98343f2b5ae8e26bb2587daad3863bc70d8792b09af1841b6fdd530a2065a3f9', '0x6b5bb6bb0633b710aa22b721dd9dee6d083646a5f8e581a20b545be6c1feb405', 27);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0x971c554d917c44e0e1b6cc45d8f9404f32172a9d3b3566262347d0302896a2e4', '0x206257b104788f80450f8e786c329daa589aa0b32ba96948201ae556d5637eac', 28);
  });

  it('test_float_to_int_for_hashing: 123123123123, 0.00001231, 1.033; 0.000012312312 refused', () => {
    expect(floatToIntForHashing(123123123123)).toBe(12312312312300000000n);
    expect(floatToIntForHashing(0.00001231)).toBe(1231n);
    expect(floatToIntForHashing(1.033)).toBe(103300000n);
    expect(() => floatToIntForHashing(0.000012312312)).toThrow(/float_to_int causes rounding/);
  });

  const USD_SEND: readonly Eip712Field[] = [
    { name: 'hyperliquidChain', type: 'string' },
    { name: 'destination', type: 'string' },
    { name: 'amount', type: 'string' },
    { name: 'time', type: 'uint64' },
  ];
  const PY_TRANSFER = { hyperliquidChain: 'Testnet', destination: '0x5e9ee1089755c3435139848e47e6635505d5a13a', amount: '1', time: 1687816341423 };

  it('test_sign_usd_transfer_action: HyperliquidTransaction:UsdSend on testnet, signatureChainId 0x66eee', () => {
    const sig = signUserSignedAction(PY_WALLET, 'HyperliquidTransaction:UsdSend', USD_SEND, PY_TRANSFER, 0x66eee);
    expectPy(sig, '0x637b37dd731507cdd24f46532ca8ba6eec616952c56218baeff04144e4a77073', '0x11a6a24900e6e314136d2592e2f8d502cd89b7c15b198e1bee043c9589f9fad7', 27);
  });

  it('test_sign_withdraw_from_bridge_action: HyperliquidTransaction:Withdraw on testnet', () => {
    const sig = signUserSignedAction(PY_WALLET, 'HyperliquidTransaction:Withdraw', USD_SEND, PY_TRANSFER, 0x66eee);
    expectPy(sig, '0x8363524c799e90ce9bc41022f7c39b4e9bdba786e5f9c72b20e43e1462c37cf9', '0x58b1411a775938b83e29182e8ef74975f9054c8e97ebf5ec2dc8d51bfc893881', 28);
  });

  it('test_create_sub_account_action: {type: createSubAccount, name: example}', () => {
    const action: ActionValue = { type: 'createSubAccount', name: 'example' };
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0x51096fe3239421d16b671e192f574ae24ae14329099b6db28e479b86cdd6caa7', '0xb71f7d293af92d3772572afb8b102d167a7cef7473388286bc01f52a5c5b423', 27);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0xa699e3ed5c2b89628c746d3298b5dc1cca604694c2c855da8bb8250ec8014a5b', '0x53f1b8153a301c72ecc655b1c315d64e1dcea3ee58921fd7507e35818fcc1584', 28);
  });

  it('test_sub_account_transfer_action: {type: subAccountTransfer, subAccountUser, isDeposit: true, usd: 10}', () => {
    const action: ActionValue = { type: 'subAccountTransfer', subAccountUser: '0x1d9470d4b963f552e6f671a81619d395877bf409', isDeposit: true, usd: 10 };
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'mainnet'), '0x43592d7c6c7d816ece2e206f174be61249d651944932b13343f4d13f306ae602', '0x71a926cb5c9a7c01c3359ec4c4c34c16ff8107d610994d4de0e6430e5cc0f4c9', 28);
    expectPy(signL1Action(PY_WALLET, action, NO_EXTRAS, 'testnet'), '0xe26574013395ad55ee2f4e0575310f003c5bb3351b5425482e2969fa51543927', '0xefb08999196366871f919fd0e138b3a7f30ee33e678df7cfaf203e25f0a4278', 28);
  });

  it('test_schedule_cancel_action: without time, then with time 123456789', () => {
    const unset = scheduleCancelAction() as unknown as ActionValue;
    expectPy(signL1Action(PY_WALLET, unset, NO_EXTRAS, 'mainnet'), '0x6cdfb286702f5917e76cd9b3b8bf678fcc49aec194c02a73e6d4f16891195df9', '0x6557ac307fa05d25b8d61f21fb8a938e703b3d9bf575f6717ba21ec61261b2a0', 27);
    expectPy(signL1Action(PY_WALLET, unset, NO_EXTRAS, 'testnet'), '0xc75bb195c3f6a4e06b7d395acc20bbb224f6d23ccff7c6a26d327304e6efaeed', '0x342f8ede109a29f2c0723bd5efb9e9100e3bbb493f8fb5164ee3d385908233df', 28);
    const set = scheduleCancelAction(123456789) as unknown as ActionValue;
    expectPy(signL1Action(PY_WALLET, set, NO_EXTRAS, 'mainnet'), '0x609cb20c737945d070716dcc696ba030e9976fcf5edad87afa7d877493109d55', '0x16c685d63b5c7a04512d73f183b3d7a00da5406ff1f8aad33f8ae2163bab758b', 28);
    expectPy(signL1Action(PY_WALLET, set, NO_EXTRAS, 'testnet'), '0x4e4f2dbd4107c69783e251b7e1057d9f2b9d11cee213441ccfa2be63516dc5bc', '0x706c656b23428c8ba356d68db207e11139ede1670481a9e01ae2dfcdb0e1a678', 27);
  });
});

describe('rust SDK tests (exchange_client.rs, create_signature.rs)', () => {
  /** rust `OrderRequest` as rmp_serde writes it: a, b, p, s, r, t, (c); strings exactly as given ("2000.0" unnormalised). */
  const rsOrder = (t: ActionValue, cloid?: string): ActionValue => ({
    type: 'order',
    orders: [{ a: 1, b: true, p: '2000.0', s: '3.5', r: false, t, ...(cloid === undefined ? {} : { c: cloid }) }],
    grouping: 'na',
  });
  const rsSign = (action: ActionValue, network: 'mainnet' | 'testnet'): string =>
    rsText(signL1Action(RS_WALLET, action, { nonce: 1583838, vaultAddress: null, expiresAfter: null }, network));

  it('test_sign_l1_action: connection id 0xde6c…06eb signed directly', () => {
    const connectionId = hexToBytes('de6c4037798a4434ca03cd05f00e3b803126221375cd1e7eaaaf041768be06eb');
    expect(rsText(RS_WALLET.signDigest(l1Digest(connectionId, 'mainnet')))).toBe('0xfa8a41f6a3fa728206df80801a83bcbfbab08649cd34d9c0bfba7c7b2f99340f53a00226604567b98a1492803190d65a201d6805e5831b7044f17fd530aec7841c');
    expect(rsText(RS_WALLET.signDigest(l1Digest(connectionId, 'testnet')))).toBe('0x1713c0fc661b792a50e8ffdd59b637b1ed172d9a3aa4d801d9d88646710fb74b33959f4d075a7ccbec9f2374a6da21ffa4448d58d0413a0d335775f680a881431c');
  });

  it('test_limit_order_action_hashing: Ioc "2000.0" × "3.5", nonce 1583838 (the strings are hashed as sent)', () => {
    const action = rsOrder({ limit: { tif: 'Ioc' } });
    expect(rsSign(action, 'mainnet')).toBe('0x77957e58e70f43b6b68581f2dc42011fc384538a2e5b7bf42d5b936f19fbb67360721a8598727230f67080efee48c812a6a4442013fd3b0eed509171bef9f23f1c');
    expect(rsSign(action, 'testnet')).toBe('0xcd0925372ff1ed499e54883e9a6205ecfadec748f80ec463fe2f84f1209648776377961965cb7b12414186b1ea291e95fd512722427efcbcfb3b0b2bcd4d79d01c');
  });

  it('test_limit_order_action_hashing_with_cloid: cloid of uuid 1e60610f-0b3d-4205-97c8-8c1fed2ad5ee', () => {
    const action = rsOrder({ limit: { tif: 'Ioc' } }, '0x1e60610f0b3d420597c88c1fed2ad5ee');
    expect(rsSign(action, 'mainnet')).toBe('0xd3e894092eb27098077145714630a77bbe3836120ee29df7d935d8510b03a08f456de5ec1be82aa65fc6ecda9ef928b0445e212517a98858cfaa251c4cd7552b1c');
    expect(rsSign(action, 'testnet')).toBe('0x3768349dbb22a7fd770fc9fc50c7b5124a7da342ea579b309f58002ceae49b4357badc7909770919c45d850aabb08474ff2b7b3204ae5b66d9f7375582981f111c');
  });

  it('test_tpsl_order_action_hashing: trigger tp and sl, triggerPx "2000.0", isMarket', () => {
    const cases = [
      ['tp', '0xb91e5011dff15e4b4a40753730bda44972132e7b75641f3cac58b66159534a170d422ee1ac3c7a7a2e11e298108a2d6b8da8612caceaeeb3e571de3b2dfda9e41b', '0x6df38b609904d0d4439884756b8f366f22b3a081801dbdd23f279094a2299fac6424cb0cdc48c3706aeaa368f81959e91059205403d3afd23a55983f710aee871b'],
      ['sl', '0x8456d2ace666fce1bee1084b00e9620fb20e810368841e9d4dd80eb29014611a0843416e51b1529c22dd2fc28f7ff8f6443875635c72011f60b62cbb8ce90e2d1c', '0xeb5bdb52297c1d19da45458758bd569dcb24c07e5c7bd52cf76600fd92fdd8213e661e21899c985421ec018a9ee7f3790e7b7d723a9932b7b5adcd7def5354601c'],
    ] as const;
    for (const [tpsl, mainnet, testnet] of cases) {
      const action = rsOrder({ trigger: { isMarket: true, triggerPx: '2000.0', tpsl } });
      expect(rsSign(action, 'mainnet')).toBe(mainnet);
      expect(rsSign(action, 'testnet')).toBe(testnet);
    }
  });

  it('test_cancel_action_hashing: {type: cancel, cancels: [{a: 1, o: 82382}]}', () => {
    const action: ActionValue = { type: 'cancel', cancels: [{ a: 1, o: 82382 }] };
    expect(rsSign(action, 'mainnet')).toBe('0x02f76cc5b16e0810152fa0e14e7b219f49c361e3325f771544c6f54e157bf9fa17ed0afc11a98596be85d5cd9f86600aad515337318f7ab346e5ccc1b03425d51b');
    expect(rsSign(action, 'testnet')).toBe('0x6ffebadfd48067663390962539fbde76cfa36f53be65abe2ab72c9db6d0db44457720db9d7c4860f142a484f070c84eb4b9694c3a617c83f0d698a27e55fd5e01c');
  });

  it('test_claim_rewards_action_hashing: {type: claimRewards}', () => {
    const action: ActionValue = { type: 'claimRewards' };
    expect(rsSign(action, 'mainnet')).toBe('0xe13542800ba5ec821153401e1cafac484d1f861adbbb86c00b580ec2560c153248b8d9f0e004ecc86959c07d44b591861ebab2167b54651a81367e2c3d472d4e1c');
    expect(rsSign(action, 'testnet')).toBe('0x16de9b346ddd8e200492a2db45ec9104dcdfc7fbfdbcd85890a6063bdd56df2c44846714c261a431de7095ad52e07143346eb26d9e66c6aed4674f120a1048131c');
  });

  const BUILDER_FEE: readonly Eip712Field[] = [
    { name: 'hyperliquidChain', type: 'string' },
    { name: 'maxFeeRate', type: 'string' },
    { name: 'builder', type: 'address' },
    { name: 'nonce', type: 'uint64' },
  ];
  const builderFee = (chain: string) => ({ hyperliquidChain: chain, maxFeeRate: '0.001%', builder: '0x1234567890123456789012345678901234567890', nonce: 1583838 });

  it('test_approve_builder_fee_signing: HyperliquidTransaction:ApproveBuilderFee, chain id 421614, mainnet and testnet', () => {
    expect(rsText(signUserSignedAction(RS_WALLET, 'HyperliquidTransaction:ApproveBuilderFee', BUILDER_FEE, builderFee('Mainnet'), 421614))).toBe('0x343c9078af7c3d6683abefd0ca3b2960de5b669b716863e6dc49090853a4a3cd6c016301239461091a8ca3ea5ac783362526c4d9e9e624ffc563aea93d6ac2391b');
    expect(rsText(signUserSignedAction(RS_WALLET, 'HyperliquidTransaction:ApproveBuilderFee', BUILDER_FEE, builderFee('Testnet'), 421614))).toBe('0x2ada43eeebeba9cfe13faf95aa84e5b8c4885c3a07cbf4536f2df5edd340d4eb1ed0e24f60a80d199a842258d5fa737a18d486f7d4e656268b434d226f2811d71c');
  });

  it('test_approve_builder_fee_hash: the msgpack of the tagged action (signatureChainId as text "0x66eee", builder as 20 bytes of bin)', () => {
    // rmp_serde is not human-readable, so alloy serialises the Address field as bytes (bin 8), not as hex text.
    const builder = hexToBytes('1234567890123456789012345678901234567890');
    const action: ActionValue = { type: 'approveBuilderFee', signatureChainId: '0x66eee', hyperliquidChain: 'Mainnet', builder, maxFeeRate: '0.001%', nonce: 1583838 };
    expect(`0x${bytesToHex(actionHash(action, { nonce: 1583838, vaultAddress: null, expiresAfter: null }))}`).toBe('0xbe889a23135fce39a37315424cc4ae910edea7b42a075457b15bf4a9f0a8cfa4');
  });

  const RS_TRANSFER = { hyperliquidChain: 'Testnet', destination: '0x0D1d9635D0640821d15e323ac8AdADfA9c111414', amount: '1', time: 1690393044548 };
  const TRANSFER_FIELDS: readonly Eip712Field[] = [
    { name: 'hyperliquidChain', type: 'string' },
    { name: 'destination', type: 'string' },
    { name: 'amount', type: 'string' },
    { name: 'time', type: 'uint64' },
  ];

  it('test_sign_usd_transfer_action (create_signature.rs): UsdSend on testnet, chain id 421614', () => {
    expect(rsText(signUserSignedAction(RS_WALLET, 'HyperliquidTransaction:UsdSend', TRANSFER_FIELDS, RS_TRANSFER, 421614))).toBe('0x214d507bbdaebba52fa60928f904a8b2df73673e3baba6133d66fe846c7ef70451e82453a6d8db124e7ed6e60fa00d4b7c46e4d96cb2bd61fd81b6e8953cc9d21b');
  });

  it('test_sign_withdraw_from_bridge_action (create_signature.rs): Withdraw on testnet', () => {
    expect(rsText(signUserSignedAction(RS_WALLET, 'HyperliquidTransaction:Withdraw', TRANSFER_FIELDS, RS_TRANSFER, 421614))).toBe('0xb3172e33d2262dac2b4cb135ce3c167fda55dafa6c62213564ab728b9f9ba76b769a938e9f6d603dae7154c83bf5a4c3ebab81779dc2db25463a3ed663c82ae41c');
  });
});

describe('hash traps', () => {
  it('"2000.0" and "2000" hash differently: prices are hashed as the exact strings sent', () => {
    const a = actionHash({ type: 'order', orders: [{ a: 1, b: true, p: '2000.0', s: '3.5', r: false, t: { limit: { tif: 'Ioc' } } }], grouping: 'na' }, NO_EXTRAS);
    const b = actionHash({ type: 'order', orders: [{ a: 1, b: true, p: '2000', s: '3.5', r: false, t: { limit: { tif: 'Ioc' } } }], grouping: 'na' }, NO_EXTRAS);
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
  });

  it('packs 10^11 as uint 64 (0xcf), never float64 (0xcb), and 2^53 + 2 given as a bigint exactly', () => {
    const pre = actionHashPreimage({ num: 100_000_000_000 }, NO_EXTRAS);
    // fixmap(1) 'num' (0xa3 n u m) then 0xcf + 8 bytes.
    expect(bytesToHex(pre.subarray(0, 14))).toBe('81a36e756dcf000000174876e800');
    const big = actionHashPreimage({ num: (1n << 53n) + 2n }, NO_EXTRAS);
    expect(bytesToHex(big.subarray(5, 14))).toBe('cf0020000000000002');
    expect(() => actionHashPreimage({ num: 1.5 }, NO_EXTRAS)).toThrow(/must be an integer/);
    expect(() => actionHashPreimage({ num: 2 ** 60 }, NO_EXTRAS)).toThrow(/pass it as a bigint/);
  });

  it('appends 0x00 ‖ expiresAfter (8 bytes big-endian) after the vault flag when expiresAfter is set', () => {
    const plain = actionHashPreimage({ type: 'noop' }, { nonce: 1, vaultAddress: null, expiresAfter: null });
    const expiring = actionHashPreimage({ type: 'noop' }, { nonce: 1, vaultAddress: null, expiresAfter: 258 });
    expect(bytesToHex(expiring)).toBe(`${bytesToHex(plain)}000000000000000102`);
  });
});

describe('HyperliquidWallet', () => {
  it('derives the EIP-55 address of the python SDK test key and never prints the key', () => {
    // ethers.js "Test Signing Messages" vector (etherscan.io/verifySig/57): key 0x0123…0123 → this address.
    expect(PY_WALLET.address).toBe('0x14791697260E4c9A71f18484C9f997B308e59325');
    expect(JSON.stringify(PY_WALLET)).toBe('{"address":"0x1479…9325"}');
    expect(inspect(PY_WALLET)).toBe('HyperliquidWallet(0x1479…9325)');
    expect(String(PY_WALLET)).not.toContain('0123456789');
  });

  it('refuses a malformed key without echoing it', () => {
    expect(() => HyperliquidWallet.fromPrivateKeyHex('0xdeadbeef')).toThrow(/must be 64 hex digits/);
    expect(() => HyperliquidWallet.fromPrivateKeyHex('0'.repeat(64))).toThrow(/not a valid secp256k1 key/);
  });

  it('checksums addresses as the EIP-55 examples do', () => {
    // eips.ethereum.org/EIPS/eip-55, "Test Cases" (all-mixed examples).
    for (const address of ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb']) {
      expect(checksumAddress(hexToBytes(address.slice(2).toLowerCase()))).toBe(address);
    }
  });
});
