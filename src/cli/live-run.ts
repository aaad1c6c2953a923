// The `run` command's live branch: the start-line wording and a LiveSession wired to the CLI's stop request, progress and stderr log.
import type { ComposedRun } from '../app/compose.js';
import type { RunConfig } from '../app/config/run-config.js';
import { LiveSession, type LiveSessionResult } from '../engine/live-session.js';
import type { LiveMarketFeed } from '../feeds/live/live-market-feed.js';

export interface LiveRunHooks {
  readonly stopRequested: () => boolean;
  readonly onProgress: (marketUpdates: number) => void;
  /** Feed lines for stderr; null when quiet. */
  readonly log: ((line: string) => void) | null;
  /** Receives the session's wake(), for the interrupt notice to end its wait at once. */
  readonly setWake: (wake: () => void) => void;
}

/** "live feed wss://… (1 connection), for 10m" — the part of the start line that says what a live run reads and how long. */
export function liveStartLine(config: RunConfig, feed: LiveMarketFeed): string {
  const n = config.feed.kind === 'live' ? config.feed.connections : 1;
  const until = config.durationMs === null ? 'until Ctrl-C' : `for ${config.durationMs} ms of wall-clock time`;
  return `live feed ${feed.url} (${n} connection${n === 1 ? '' : 's'}), ${until}`;
}

export async function runLive(run: ComposedRun, feed: LiveMarketFeed, config: RunConfig, hooks: LiveRunHooks): Promise<LiveSessionResult> {
  const session = new LiveSession(run, feed, {
    clock: feed.clock,
    timers: feed.timers,
    durationMs: config.durationMs,
    stopRequested: hooks.stopRequested,
    onProgress: hooks.onProgress,
    ...(hooks.log === null ? {} : { log: hooks.log }),
  });
  hooks.setWake(() => session.wake());
  return session.execute();
}
