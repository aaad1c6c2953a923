// fsync for output files that may be a device or FIFO (`--out /dev/null`, a pipe): those cannot be synced (EINVAL, ENOTSUP) and need no sync.
import { fsyncSync } from 'node:fs';

export function syncUnlessSpecial(fd: number): void {
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  }
}
