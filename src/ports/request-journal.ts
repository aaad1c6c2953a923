// RequestJournal port: where a dry run writes each rendered venue request, one JSON line per request.

export interface RequestJournal {
  /** Human-readable destination for messages ("journal.jsonl"). */
  readonly description: string;
  /** Appends one line (without its newline). */
  append(line: string): void;
  /** Flushes and closes; later appends are errors. Idempotent. */
  close(): void;
}
