// The Binance frames the parser fast-path tests read: every frame of the 2021 spot capture, and the USDⓈ-M documentation examples (payload and stream name).
import { readFileSync } from 'node:fs';
import { decodeReplay } from '../../src/feeds/replay/replay-decoder.js';

/** The frames of test/fixtures/replay/binance-spot-2021-10-11.jsonl, in file order. */
export const BINANCE_CAPTURE_FRAMES: readonly string[] = decodeReplay(readFileSync(new URL('../fixtures/replay/binance-spot-2021-10-11.jsonl', import.meta.url), 'utf8')).records.flatMap((r) => (r.kind === 'frame' ? [r.frame] : []));

/** test/fixtures/venues/binance_usdm_ws_docs_examples.json's examples by name. */
export const BINANCE_USDM_DOC_EXAMPLES: Readonly<Record<string, { stream: string; payload: unknown }>> = (
  JSON.parse(readFileSync(new URL('../fixtures/venues/binance_usdm_ws_docs_examples.json', import.meta.url), 'utf8')) as { examples: Record<string, { stream: string; payload: unknown }> }
).examples;
