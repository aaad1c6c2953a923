// The fake venue's module: one market, the built-in instruments, generic rules with its own error codes, and no API, live feed or replay (answers in-process).
import type { VenueModule } from '../venue-module.js';
import { catalogOf } from '../shared/venue-instrument.js';
import { FAKE_INSTRUMENTS } from './fake-instruments.js';
import { FAKE_DEFAULT_FEES, FakeVenueRules } from './fake-venue-rules.js';

const TIME_IN_FORCE = 'timeInForce=GTC|IOC|FOK';

export const fakeVenue: VenueModule = {
  name: 'fake',
  label: 'the fake venue',
  summary: 'fake',
  rateLimitAnswer: null,
  markets: { flag: null, names: ['default'], default: 'default', labels: { default: '' }, notes: {}, fees: { default: FAKE_DEFAULT_FEES } },
  catalog: {
    sourceRequest: () => null,
    noFileReason: 'the fake venue has one built-in catalog',
    load: () =>
      catalogOf(
        'the fake venue',
        FAKE_INSTRUMENTS.map((f) => ({
          spec: f,
          provenance: 'built-in fake instrument',
          takenAt: null,
          details: null,
          startPrice: f.startPrice,
          volatilityBps: f.volatilityBps,
          spreadTicks: f.marketSpreadTicks,
        })),
      ),
  },
  orderOptions: {
    supported: () => ['postOnly', 'reduceOnly', TIME_IN_FORCE],
    refusal: () => null,
    check: () => {},
    amendsPrice: () => ({ price: true, note: '' }),
    exitOcoRefusal: () => null,
  },
  wire: ({ fees }) => ({ rules: new FakeVenueRules(fees), gate: undefined, model: {}, bindVenue: () => {} }),
  describeInstrument: () => ({}),
  signer: undefined,
  credentials: undefined,
  noApi: {
    signing: 'the fake venue signs no requests',
    dryrun: 'the fake venue has no wire format to render or sign',
    journal: 'the fake venue renders and signs no requests',
  },
  live: undefined,
  replay: undefined,
  examples: {
    program: [],
    run: [
      `$ shadow-exec run --shadow --exchange fake --mode shadow --no-network --symbols BTCUSDT \\
      --iterations 3 --max-inv 10000 --max-total 50000 --edge-threshold 5.0 --fill-rate 1.0 --latency-ms 50`,
    ],
  },
};
