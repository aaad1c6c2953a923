// Covers configEcho and orderOptionsEcho: config_file and sources appear only with a --config provenance; config.order_options (and model.venue.order_options) record every order option, icebergQty included.
import '../helpers/lazy-modules-setup.js';
import { describe, expect, it } from 'vitest';
import { configEcho, orderOptionsEcho } from '../../src/app/config-echo.js';
import { validateRunConfig } from '../../src/app/config/validate-run-config.js';
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

describe('configEcho provenance', () => {
  const config = validateRunConfig({ iterations: '7' });

  it('adds neither config_file nor sources without a config file', () => {
    const echo = configEcho(config) as Record<string, unknown>;
    expect(echo).not.toHaveProperty('config_file');
    expect(echo).not.toHaveProperty('sources');
    expect(configEcho(config, null)).toEqual(echo);
  });

  it('names the file and the source of each value with one', () => {
    const echo = configEcho(config, { name: 'run.json', sha256: 'cd'.repeat(32), sources: { iterations: 'file', seed: 'flag' } }) as Record<string, unknown>;
    expect(echo['config_file']).toEqual({ name: 'run.json', sha256: 'cd'.repeat(32) });
    expect(echo['sources']).toEqual({ iterations: 'file', seed: 'flag' });
    expect(echo['iterations']).toBe(7);
  });
});
