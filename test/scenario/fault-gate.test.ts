// Covers FaultGate: injected 5xx and timeouts for their window, order rejects for new orders only, clock skew beyond recvWindow, storms switching throttling off and back on.
import { describe, expect, it } from 'vitest';
import { OPEN_GATE, type GateRequest } from '../../src/core/sim/request-gate.js';
import { FaultGate } from '../../src/scenario/fault-gate.js';
import { makeOrder } from '../helpers/orders.js';

const ORDER = makeOrder('BUY', 935000);
const create: GateRequest = { kind: 'create', symbol: 'BTCUSDT', order: ORDER, amend: null };
const cancel: GateRequest = { kind: 'cancel', symbol: 'BTCUSDT', order: ORDER, amend: null };
const SKEW = { code: '10002', message: 'The request time exceeds the time window range.' };

function gate(throttle: boolean[] = []): FaultGate {
  return new FaultGate(OPEN_GATE, 5000, SKEW, (on) => throttle.push(on));
}

describe('FaultGate', () => {
  it('answers every request kind with HTTP 503 inside a 5xx outage and nothing after it', () => {
    const g = gate();
    g.venueOutage('5xx', 1000, 3000);
    expect(g.venueAdmit(create, 999)).toBeNull();
    expect(g.venueAdmit(create, 1000)).toEqual({ code: 'HTTP_503', message: 'Service Unavailable (injected venue outage)' });
    expect(g.venueAdmit(cancel, 2999)?.code).toBe('HTTP_503');
    expect(g.venueAdmit(cancel, 3000)).toBeNull();
    g.venueOutage('timeout', 4000, 5000);
    expect(g.venueAdmit(create, 4500)?.code).toBe('TIMEOUT');
    expect(g.report()).toEqual({ injected_faults: { HTTP_503: 2, TIMEOUT: 1 } });
  });

  it('rejects new orders only with the given code during order_rejects', () => {
    const g = gate();
    g.orderRejects('110017', 0, 1000);
    expect(g.venueAdmit(create, 10)).toEqual({ code: '110017', message: 'injected order reject' });
    expect(g.venueAdmit(cancel, 10)).toBeNull();
    expect(g.venueAdmit(create, 1000)).toBeNull();
  });

  it('answers with the venue stale-timestamp reject only when the skew exceeds recvWindow', () => {
    const g = gate();
    g.clockSkew(-5000);
    expect(g.venueAdmit(create, 0)).toBeNull();
    g.clockSkew(-5001);
    expect(g.venueAdmit(cancel, 0)).toEqual(SKEW);
  });

  it('switches client throttling off for a storm and back on at its first request after the window', () => {
    const switched: boolean[] = [];
    const g = gate(switched);
    g.rateLimitStorm(100, 600);
    expect(switched).toEqual([false]);
    g.sendableAtMs(create, 599);
    expect(switched).toEqual([false]);
    g.sendableAtMs(create, 600);
    expect(switched).toEqual([false, true]);
  });
});
