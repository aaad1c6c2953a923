// Covers FaultGate: injected 5xx and timeouts for their window, order rejects for new orders only, clock skew behind and ahead judged by the venue's timing rule on the stamped timestamp, storms switching throttling off and back on.
import { describe, expect, it } from 'vitest';
import { OPEN_GATE, type GateRequest } from '../../src/ports/request-gate.js';
import { FaultGate } from '../../src/scenario/fault-gate.js';
import { BybitVenueRules } from '../../src/venues/bybit/bybit-venue-rules.js';
import { makeOrder } from '../helpers/orders.js';

const ORDER = makeOrder('BUY', 935000);
const create: GateRequest = { kind: 'create', symbol: 'BTCUSDT', order: ORDER, amend: null };
const cancel: GateRequest = { kind: 'cancel', symbol: 'BTCUSDT', order: ORDER, amend: null };
const BYBIT = new BybitVenueRules('linear', { makerPpm: 200, takerPpm: 550 }, new Map());
const RULE = 'accepted: server time - 5000 ms (recvWindow) <= timestamp < server time + 1000 ms';
const stale = (off: string) => ({ code: '10002', message: 'The request time exceeds the time window range.', detail: `timestamp ${off} the server time; ${RULE}` });

function gate(throttle: boolean[] = []): FaultGate {
  return new FaultGate(OPEN_GATE, 5000, BYBIT.timestampRejected.bind(BYBIT), (on) => throttle.push(on));
}

describe('FaultGate', () => {
  it('answers every request kind with HTTP 503 inside a 5xx outage and nothing after it', () => {
    const g = gate();
    g.venueOutage('5xx', 1000, 3000);
    expect(g.venueAdmit(create, 999)).toBeNull();
    expect(g.venueAdmit(create, 1000)).toEqual({ code: 'HTTP_503', message: 'Service Unavailable', detail: 'injected venue outage' });
    expect(g.venueAdmit(cancel, 2999)?.code).toBe('HTTP_503');
    expect(g.venueAdmit(cancel, 3000)).toBeNull();
    g.venueOutage('timeout', 4000, 5000);
    expect(g.venueAdmit(create, 4500)).toEqual({ code: 'TIMEOUT', message: 'no answer within the client timeout', detail: 'injected venue outage' });
    expect(g.report()).toEqual({ injected_faults: { HTTP_503: 2, TIMEOUT: 1 } });
  });

  it('rejects new orders only with the given code during order_rejects', () => {
    const g = gate();
    g.orderRejects('110017', 0, 1000);
    expect(g.venueAdmit(create, 10)).toEqual({ code: '110017', message: 'injected order reject', detail: 'scenario order_rejects' });
    expect(g.venueAdmit(cancel, 10)).toBeNull();
    expect(g.venueAdmit(create, 1000)).toBeNull();
  });

  it('answers a request stamped more than recvWindow behind the venue with its stale-timestamp reject, latency included', () => {
    const g = gate();
    g.clockSkew(-5000);
    expect(g.venueAdmit(create, 0)).toBeNull();
    g.clockSkew(-5001);
    expect(g.venueAdmit(cancel, 0)).toEqual(stale('5001 ms behind'));
    // Stamped when it left (skew -4900 ms), it arrives 101 ms later: 5001 ms behind the venue's clock.
    g.clockSkew(-4900);
    const late: GateRequest = { ...create };
    g.onSend(late, 1000, 0);
    expect(g.venueAdmit(late, 1101)).toEqual(stale('5001 ms behind'));
    expect(g.report()).toEqual({ injected_faults: { '10002': 2 }, timestamp_rejects: { ahead: 0, behind: 2 } });
  });

  it('answers a request stamped 1000 ms or more ahead of the venue with the same code, and admits 999 ms ahead', () => {
    const g = gate();
    g.clockSkew(999);
    expect(g.venueAdmit(create, 0)).toBeNull();
    g.clockSkew(1000);
    expect(g.venueAdmit(create, 0)).toEqual(stale('1000 ms ahead of'));
    expect(g.report()).toEqual({ injected_faults: { '10002': 1 }, timestamp_rejects: { ahead: 1, behind: 0 } });
  });

  it('keeps the timestamp a request was signed with when the skew changes while it travels', () => {
    const g = gate();
    g.clockSkew(1500);
    const inFlight: GateRequest = { ...create };
    g.onSend(inFlight, 0, 0);
    g.clockSkew(0);
    expect(g.venueAdmit(inFlight, 400)).toEqual(stale('1100 ms ahead of'));
    expect(g.venueAdmit(create, 400)).toBeNull();
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
