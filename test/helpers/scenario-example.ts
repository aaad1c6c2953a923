// A valid scenario using every event and expectation type once, shared by the validator and schema tests; fullExample() returns a fresh copy to mutate.

export function fullExample(): Record<string, any> {
  return {
    $schema: '../src/scenario/scenario-schema.json',
    name: 'everything-once',
    description: 'Every event and expectation type, to test the validator.',
    run: { exchange: 'bybit', symbols: 'BTCUSDT, ethusdt', seed: '7', maxInv: '20000', throttle: false, staleMs: '2000', unfreeze: 'auto:5000' },
    market: { kind: 'synthetic', startPrices: 'BTCUSDT=95000,ETHUSDT=3400', volatilityBps: '2' },
    timeline: [
      { at: '0ms', event: { type: 'price_jump', symbol: 'BTCUSDT', bps: -150 } },
      { at: '500ms', event: { type: 'spread_blowout', symbol: 'ETHUSDT', ticks: 40, for: '2s' } },
      { at: 1000, event: { type: 'volatility', symbol: 'BTCUSDT', bps: '0.5' } },
      { at: '1s', event: { type: 'trade_burst', symbol: 'BTCUSDT', count: 25, side: 'SELL' } },
      { at: '2s', event: { type: 'adverse_flow', symbol: 'BTCUSDT', bps_per_update: 1.25, for: '10s' } },
      { at: '15s', event: { type: 'ws_disconnect', for: '5s' } },
      { at: '30s', event: { type: 'ws_silence', for: 3000 } },
      { at: '40s', event: { type: 'venue_errors', kind: '5xx', for: '45s' } },
      { at: '2m', event: { type: 'rate_limit_storm', for: '10s' } },
      { at: '3m', event: { type: 'latency_spike', ms: 800, for: '20s' } },
      { at: '4m', event: { type: 'clock_skew', ms: -6000 } },
      { at: '5m', event: { type: 'order_rejects', code: 110017, for: '1m' } },
      { at: '6m', event: { type: 'freeze' } },
      { at: '6m', event: { type: 'unfreeze' } },
      { at: '1h', event: { type: 'stop' } },
    ],
    expect: [
      { type: 'frozen_by', at: '16s', reason: 'STALE_MARKET_DATA' },
      { type: 'open_orders', at: '16500ms', equals: 0 },
      { type: 'no_orders_between', from: '16s', to: '20s' },
      { type: 'circuit_open_by', at: '50s' },
      { type: 'unfrozen_by', at: '3m' },
      { type: 'report', path: 'orders.placed_while_frozen', equals: 0 },
      { type: 'report', path: 'risk.freezes.0.reason', equals: 'STALE_MARKET_DATA' },
      { type: 'report', path: 'pnl.total', min: '-25.5', max: 100 },
      { type: 'report', path: 'orders.placed', min: 1 },
    ],
  };
}
