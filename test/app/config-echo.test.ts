// Covers orderOptionsEcho: config.order_options (and model.venue.order_options) record every order option, icebergQty included.
import { describe, expect, it } from 'vitest';
import { orderOptionsEcho } from '../../src/app/config-echo.js';
import { DEFAULT_ORDER_OPTIONS } from '../../src/core/model/order.js';

describe('orderOptionsEcho', () => {
  it('records an iceberg quantity as given, next to the other options', () => {
    expect(orderOptionsEcho({ timeInForce: 'GTC', postOnly: true, reduceOnly: false, icebergQty: '0.00054' })).toEqual({
      time_in_force: 'GTC',
      post_only: true,
      reduce_only: false,
      iceberg_qty: '0.00054',
    });
  });

  it('records a plain order as iceberg_qty null, so every report has the same keys', () => {
    expect(orderOptionsEcho(DEFAULT_ORDER_OPTIONS)).toEqual({ time_in_force: 'GTC', post_only: false, reduce_only: false, iceberg_qty: null });
  });
});
