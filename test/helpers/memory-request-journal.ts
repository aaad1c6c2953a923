// MemoryRequestJournal: a RequestJournal that keeps its lines in memory, for dry-run tests.
import type { RequestJournal } from '../../src/ports/request-journal.js';

export class MemoryRequestJournal implements RequestJournal {
  readonly description = 'memory';
  readonly lines: string[] = [];
  closed = false;

  append(line: string): void {
    if (this.closed) throw new Error('append after close');
    this.lines.push(line);
  }

  close(): void {
    this.closed = true;
  }
}
