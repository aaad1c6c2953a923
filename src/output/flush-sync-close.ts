// flushSyncClose: the durable end of an output file — write what is buffered, fsync (unless a device or FIFO), and close the descriptor even when either fails.
import { closeSync } from 'node:fs';
import { syncUnlessSpecial } from './sync-unless-special.js';

export function flushSyncClose(fd: number, flush: () => void): void {
  try {
    flush();
    syncUnlessSpecial(fd);
  } finally {
    closeSync(fd);
  }
}
