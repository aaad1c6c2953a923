// MarketFrameParser port: turns one raw venue WebSocket text frame into normalised market-data events and a frame class.
import type { MarketDataEvent } from '../core/model/market-data-event.js';

/**
 * What a frame was, so the caller can count it (health report) and route control frames:
 * - 'market-data'    one or more events were appended;
 * - 'ignored'        a well-formed venue data frame this parser does not normalise or that carries
 *                    nothing new (mini tickers, liquidations, spot tickers without a book, a ticker delta
 *                    before its snapshot);
 * - 'control'        connection-level traffic: pong, auth reply, Binance serverShutdown;
 * - 'ack'            a successful subscribe/unsubscribe/property reply;
 * - 'error'          a venue error reply (Binance {code,msg}, Bybit success:false);
 * - 'unknown'        valid JSON of no known shape;
 * - 'invalid-json'   not parseable as JSON;
 * - 'unknown-symbol' market data for a symbol the grid lookup does not know (or cannot tell);
 * - 'invalid-value'  a known message with a missing/mistyped field, a malformed or off-grid decimal (a book
 *                    level off the tick grid is no failure: it is kept at its exact price, off-grid-level.ts).
 * Only 'market-data' appends to `out`; every other class leaves `out` as it was.
 */
export type FrameClass =
  | 'market-data'
  | 'ignored'
  | 'control'
  | 'ack'
  | 'error'
  | 'unknown'
  | 'invalid-json'
  | 'unknown-symbol'
  | 'invalid-value';

export interface MarketFrameParser {
  /**
   * Parses `frame` (at most one JSON.parse; venue fast paths read hot compact frames in place) and appends its events to `out` in frame order. Reuse one `out`
   * and read the events from its previous length; empty it by pops once they are handled (`out.length = 0`
   * after every frame reallocates its storage and costs about as much as parsing a bookTicker; keeping a batch
   * of events alive instead carries them through scavenges).
   * @param receivedAtMs receive time (ms since the epoch), used as `ts` only by frames without a venue event time
   */
  parse(frame: string, receivedAtMs: number, out: MarketDataEvent[]): FrameClass;
  /**
   * Optional fast path of a replay: the frame still escaped, as the body `text[start, end)` of the JSON string literal
   * of its record line, with one character per byte of the line (latin1 decoding of its UTF-8: an implementation that
   * accepts only ASCII where it reads is exact). `text` may go on past the line (the lines read after it): the answer may
   * depend on text[start, end) only. Appends the frame's events and returns true only when parse() of the
   * unescaped frame would return 'market-data' with exactly these events (lastDetail is then ''); otherwise returns
   * false with `out` untouched, and the caller unescapes the frame and calls parse().
   */
  parseLiteral?(text: string, start: number, end: number, receivedAtMs: number, out: MarketDataEvent[]): boolean;
  /** Why the last frame was not 'market-data' (symbol, event type or field); '' after market data. For logs only. */
  readonly lastDetail: string;
  /** Forgets per-connection state (merged tickers); call on reconnect, before the new subscription's snapshots. */
  reset(): void;
}
