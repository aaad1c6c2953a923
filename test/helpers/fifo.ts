// FIFO test kit: everything a reader of a named pipe receives until its writer closes it.
import { createReadStream } from 'node:fs';

export function readAll(fifo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(fifo, { encoding: 'utf8' })
      .on('data', (chunk) => (text += String(chunk)))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}
