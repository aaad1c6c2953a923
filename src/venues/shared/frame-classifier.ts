// FrameClassifier: the outcome bookkeeping every venue stream parser shares (`lastDetail`, and the ok / fail / rollback answers).
import type { MarketDataEvent } from '../../core/model/market-data-event.js';
import type { FrameClass } from '../../ports/market-frame-parser.js';

export abstract class FrameClassifier {
  /** Why the last frame was not market data ('' after one that was): what MarketFrameParser.lastDetail reports. */
  lastDetail = '';

  /** A frame that produced market data. */
  protected ok(): 'market-data' {
    this.lastDetail = '';
    return 'market-data';
  }

  /** A frame of class `frameClass`, for the reason `detail`. */
  protected fail<C extends FrameClass>(frameClass: C, detail: string): C {
    this.lastDetail = detail;
    return frameClass;
  }

  /** `frame` parsed as a JSON object, or the class of a frame that is not one ('invalid-json', 'unknown'), with lastDetail set. */
  protected jsonObject(frame: string): object | 'invalid-json' | 'unknown' {
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch {
      return this.fail('invalid-json', 'not JSON');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return this.fail('unknown', 'not a JSON object');
    return message;
  }

  /** Drops the events this frame appended to `out` after index `start` (a frame is all or nothing), answering `frameClass`. */
  protected rollback(out: MarketDataEvent[], start: number, frameClass: FrameClass): FrameClass {
    out.length = start;
    return frameClass;
  }
}
