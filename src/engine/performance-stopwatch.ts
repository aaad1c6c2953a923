// PerformanceStopwatch: the Stopwatch of real runs — performance.now(), the process's monotonic clock in fractional ms.
import type { Stopwatch } from '../ports/stopwatch.js';

export class PerformanceStopwatch implements Stopwatch {
  elapsedMs(): number {
    return performance.now();
  }
}
