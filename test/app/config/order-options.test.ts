// Covers parseOrderOptions and supportedOrderOptions: defaults, each option, timeInForce case, and every UsageError with the supported options for the venue/category.
import '../../helpers/lazy-modules-setup.js';
import { describe, it, expect } from 'vitest';
import { parseOrderOptions, supportedOrderOptions, type OptionVenue } from '../../../src/app/config/order-options.js';
import { DEFAULT_ORDER_OPTIONS } from '../../../src/core/model/order.js';
import { thrown } from '../../helpers/thrown.js';
import { venueModule } from '../../../src/app/venue-registry.js';

function usage(raw: string, exchange: 'fake' | 'bybit' = 'bybit', category: 'linear' | 'spot' | null = 'linear'): { name: string; code: string; message: string } {
  return thrown(() => parseOrderOptions(raw, venue(exchange, category)));
}


/** A fake or Bybit venue as --order-options sees it. */
function venue(exchange: 'fake' | 'bybit', category: 'linear' | 'spot' | null): OptionVenue {
  return { module: venueModule(exchange), market: category ?? 'default' };
}

describe('supportedOrderOptions', () => {
  // docs/v5/order/create-order.mdx: reduceOnly applies to linear (and inverse) only, not spot.
  it('offers reduceOnly everywhere except Bybit spot', () => {
    expect(supportedOrderOptions(venue('bybit', 'linear'))).toEqual(['postOnly', 'reduceOnly', 'timeInForce=GTC|IOC|FOK']);
    expect(supportedOrderOptions(venue('bybit', 'spot'))).toEqual(['postOnly', 'timeInForce=GTC|IOC|FOK']);
    expect(supportedOrderOptions(venue('fake', null))).toEqual(['postOnly', 'reduceOnly', 'timeInForce=GTC|IOC|FOK']);
  });
});

describe('parseOrderOptions', () => {
  it('returns the defaults (a plain GTC limit) when the flag is absent or blank', () => {
    expect(parseOrderOptions(undefined, venue('bybit', 'linear'))).toBe(DEFAULT_ORDER_OPTIONS);
    expect(parseOrderOptions('', venue('fake', null))).toBe(DEFAULT_ORDER_OPTIONS);
    expect(parseOrderOptions('   ', venue('bybit', 'spot'))).toBe(DEFAULT_ORDER_OPTIONS);
    expect(DEFAULT_ORDER_OPTIONS).toEqual({ timeInForce: 'GTC', postOnly: false, reduceOnly: false });
  });

  it('reads postOnly as a bare flag, =true or =false', () => {
    expect(parseOrderOptions('postOnly', venue('bybit', 'spot'))).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: false });
    expect(parseOrderOptions('postOnly=true', venue('bybit', 'linear'))).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: false });
    expect(parseOrderOptions('postOnly=false', venue('fake', null))).toEqual({ timeInForce: 'GTC', postOnly: false, reduceOnly: false });
  });

  it('reads reduceOnly on Bybit linear and on the fake venue', () => {
    expect(parseOrderOptions('reduceOnly', venue('bybit', 'linear'))).toEqual({ timeInForce: 'GTC', postOnly: false, reduceOnly: true });
    expect(parseOrderOptions('reduceOnly=true', venue('fake', null))).toEqual({ timeInForce: 'GTC', postOnly: false, reduceOnly: true });
  });

  it('reads timeInForce in any case and stores it upper-case', () => {
    expect(parseOrderOptions('timeInForce=IOC', venue('bybit', 'linear')).timeInForce).toBe('IOC');
    expect(parseOrderOptions('timeInForce=ioc', venue('bybit', 'spot')).timeInForce).toBe('IOC');
    expect(parseOrderOptions('timeInForce=Fok', venue('fake', null)).timeInForce).toBe('FOK');
    expect(parseOrderOptions('timeInForce=gtc', venue('bybit', 'linear')).timeInForce).toBe('GTC');
  });

  it('combines options separated by commas, spaces around each allowed, and freezes the result', () => {
    const options = parseOrderOptions(' reduceOnly , timeInForce=FOK ', venue('bybit', 'linear'));
    expect(options).toEqual({ timeInForce: 'FOK', postOnly: false, reduceOnly: true });
    expect(Object.isFrozen(options)).toBe(true);
    expect(parseOrderOptions('postOnly,reduceOnly,timeInForce=GTC', venue('bybit', 'linear'))).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: true });
    expect(parseOrderOptions('postOnly=false,timeInForce=IOC', venue('bybit', 'spot'))).toEqual({ timeInForce: 'IOC', postOnly: false, reduceOnly: false });
  });

  it('refuses an unknown option, listing the options supported for that venue and category', () => {
    expect(usage('iceberg')).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "--order-options: unknown option 'iceberg'; supported for bybit linear: postOnly, reduceOnly, timeInForce=GTC|IOC|FOK",
    });
    expect(usage('iceberg=2', 'bybit', 'spot').message).toBe("--order-options: unknown option 'iceberg'; supported for bybit spot: postOnly, timeInForce=GTC|IOC|FOK");
    expect(usage('postOnly,gtx', 'fake', null).message).toBe("--order-options: unknown option 'gtx'; supported for fake: postOnly, reduceOnly, timeInForce=GTC|IOC|FOK");
  });

  it('matches option names case-insensitively, like every choice, and names an unknown one as given', () => {
    expect(parseOrderOptions('POSTONLY,timeinforce=gtc', venue('bybit', 'linear'))).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: false });
    expect(usage('PostOnli').message).toBe("--order-options: unknown option 'PostOnli'; supported for bybit linear: postOnly, reduceOnly, timeInForce=GTC|IOC|FOK");
  });

  it('refuses reduceOnly on Bybit spot, saying it is valid for linear only', () => {
    expect(usage('reduceOnly', 'bybit', 'spot')).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message:
        "--order-options reduceOnly does not apply to --exchange bybit --category spot: reduceOnly is valid for category linear only; supported for bybit spot: postOnly, timeInForce=GTC|IOC|FOK",
    });
  });

  it('refuses an option named twice, even with different values', () => {
    expect(usage('postOnly,postOnly=false')).toEqual({ name: 'UsageError', code: 'E_USAGE', message: "--order-options 'postOnly,postOnly=false' names postOnly twice" });
    expect(usage('timeInForce=IOC,timeInForce=IOC', 'fake', null).message).toBe("--order-options 'timeInForce=IOC,timeInForce=IOC' names timeInForce twice");
  });

  it('refuses postOnly with IOC or FOK on every venue', () => {
    expect(usage('postOnly,timeInForce=IOC')).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "--order-options 'postOnly,timeInForce=IOC': postOnly cannot be combined with timeInForce=IOC (a post-only order rests; IOC/FOK never rest)",
    });
    expect(usage('timeInForce=fok,postOnly', 'fake', null).message).toBe(
      "--order-options 'timeInForce=fok,postOnly': postOnly cannot be combined with timeInForce=FOK (a post-only order rests; IOC/FOK never rest)",
    );
  });

  it('refuses a flag value other than true or false', () => {
    expect(usage('postOnly=yes')).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "--order-options 'postOnly=yes': postOnly=yes is not allowed: expected postOnly, postOnly=true or postOnly=false",
    });
    expect(usage('reduceOnly=1').message).toBe("--order-options 'reduceOnly=1': reduceOnly=1 is not allowed: expected reduceOnly, reduceOnly=true or reduceOnly=false");
  });

  it('refuses a timeInForce outside GTC, IOC, FOK, or without a value', () => {
    expect(usage('timeInForce=PostOnly')).toEqual({
      name: 'UsageError',
      code: 'E_USAGE',
      message: "--order-options 'timeInForce=PostOnly': timeInForce=PostOnly is not allowed: expected one of GTC, IOC, FOK",
    });
    expect(usage('timeInForce').message).toBe("--order-options 'timeInForce': timeInForce= is not allowed: expected one of GTC, IOC, FOK");
  });

  it('refuses a part that is not NAME or NAME=VALUE, listing the supported options', () => {
    expect(usage('postOnly=true=false', 'bybit', 'spot').message).toBe(
      "--order-options 'postOnly=true=false': 'postOnly=true=false' is not NAME or NAME=VALUE; supported for bybit spot: postOnly, timeInForce=GTC|IOC|FOK",
    );
    expect(usage('postOnly,', 'fake', null).message).toBe("--order-options 'postOnly,': '' is not NAME or NAME=VALUE; supported for fake: postOnly, reduceOnly, timeInForce=GTC|IOC|FOK");
  });
});

describe('parseOrderOptions on Binance', () => {
  const spot: OptionVenue = { module: venueModule('binance'), market: 'spot' };
  const usdm: OptionVenue = { module: venueModule('binance'), market: 'usdm' };

  it('takes icebergQty on spot and reduceOnly on USD-M', () => {
    expect(parseOrderOptions('icebergQty=0.001', spot)).toEqual({ timeInForce: 'GTC', postOnly: false, reduceOnly: false, icebergQty: '0.001' });
    expect(parseOrderOptions('reduceOnly,postOnly', usdm)).toEqual({ timeInForce: 'GTC', postOnly: true, reduceOnly: true });
  });

  it('refuses what the market does not have, naming the supported options', () => {
    expect(thrown(() => parseOrderOptions('reduceOnly', spot)).message).toBe(
      "--order-options reduceOnly does not apply to --exchange binance --market spot: reduceOnly is valid on Binance USD-M futures only; supported for binance spot: postOnly, timeInForce=GTC|IOC|FOK, icebergQty=QTY",
    );
    expect(thrown(() => parseOrderOptions('icebergQty=0.001', usdm)).message).toContain('--order-options icebergQty does not apply to --exchange binance --market usdm: icebergQty is valid on Binance spot only');
    expect(thrown(() => parseOrderOptions('icebergQty=0.001,timeInForce=IOC', spot)).message).toContain('icebergQty needs timeInForce GTC');
    expect(thrown(() => parseOrderOptions('icebergQty=0', spot)).message).toContain('expected a positive decimal quantity');
  });
});
