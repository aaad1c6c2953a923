// `node dist/bench/venue-gate-main.js [requests=400000] [repeats=8]`: CPU ns per request of a real venue's gate alone (sendableAtMs, onSend, venueAdmit), Bybit linear and Binance spot, throttled, no dry run.
// A diagnostic for the venue-cost figure: the gate is the per-request bookkeeping the fake venue (OPEN_GATE) does not do.
import type { GateRequest, RequestGate } from '../src/ports/request-gate.js';
import { BybitApiGate } from '../src/venues/bybit/bybit-api-gate.js';
import { BinanceApiGate } from '../src/venues/binance/binance-api-gate.js';

const GATES: readonly { readonly label: string; readonly make: () => RequestGate }[] = [
  { label: 'bybit linear', make: () => new BybitApiGate({ category: 'linear', instruments: new Map(), throttle: true, linkIdPrefix: 'b', dryRun: null }) },
  { label: 'binance spot', make: () => new BinanceApiGate({ market: 'spot', instruments: new Map(), throttle: true, latencyMs: 50, clientIdPrefix: 'b', dryRun: null }) },
];

const requests = Number(process.argv[2] ?? '400000');
const repeats = Number(process.argv[3] ?? '8');
// A create and a cancel in turn, 400–406 virtual ms apart: about the synthetic run's request rate, under every limit.
const kinds: readonly GateRequest[] = (['create', 'cancel'] as const).map((kind) => ({ kind, symbol: 'BTCUSDT', order: null, amend: null }) as unknown as GateRequest);
for (const { label, make } of GATES) {
  const ns: string[] = [];
  for (let r = 0; r < repeats; r++) {
    const gate = make();
    let t = 1_735_689_600_000;
    const start = process.cpuUsage();
    for (let i = 0; i < requests; i++) {
      t += 400 + (i % 7);
      const request = kinds[i & 1]!;
      const sendMs = gate.sendableAtMs(request, t);
      gate.onSend(request, sendMs, 0);
      gate.venueAdmit(request, sendMs + 50);
    }
    const used = process.cpuUsage(start);
    ns.push((((used.user + used.system) * 1000) / requests).toFixed(0));
  }
  process.stdout.write(`${label.padEnd(14)} ${ns.join(', ')} CPU ns per request (repeats; the first includes the JIT)\n`);
}
