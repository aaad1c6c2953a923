// What the simulation leaves out, stated in every report so nobody mistakes it for reality.
import type { FillModel } from '../ports/fill-model.js';

/** The run's simplifications (a fresh array): the common ones, with the fill model's own in second place. */
export function simplifications(fillModel: FillModel): string[] {
  return [
    'no market impact: the loop’s orders and fills never move the market (synthetic or recorded)',
    ...fillModel.simplifications(),
    'an order that crosses the touch on arrival takes at the touch price, up to the size displayed there; the rest rests (GTC) or is cancelled (IOC, FOK); deeper levels are not modelled',
    'the venue checks reduce-only against its own filled position when the order arrives; an order that would exceed the position is rejected, not shrunk',
    'execution reports reach the loop with no latency; only order entry, cancel and amend are delayed',
    'the mid is the floor of (best bid + best ask) / 2 in whole ticks',
    'every run ends by cancelling all open orders; markouts still pending at the end are not counted',
  ];
}
