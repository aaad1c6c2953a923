// ImportRecordSource: the records of import files as a replay's records — the merge's lines decoded by the replay format's own decoder — so `run --feed tardis:…` replays exactly what `import` would have written.
import { decodeReplayRecord, type ReplayRecord } from '../replay/replay-format.js';
import type { ReplayRecordSource } from '../replay/replay-record-source.js';
import type { ImportMerge } from './import-merge.js';

export class ImportRecordSource implements ReplayRecordSource {
  /** The line the record would have in the imported file (the header is line 1). */
  line = 1;
  private merge: ImportMerge | null = null;
  private opened = false;

  /** `open` makes a fresh merge of the files (on the first next(): a run that never reads opens nothing). */
  constructor(private readonly open: () => ImportMerge, private readonly label: string) {}

  next(): ReplayRecord | null {
    if (!this.opened) {
      this.opened = true;
      this.merge = this.open();
    }
    const imported = this.merge?.next() ?? null;
    if (imported === null) {
      this.close();
      return null;
    }
    this.line++;
    return decodeReplayRecord(imported.json, this.line, this.label, true);
  }

  close(): void {
    this.opened = true;
    this.merge?.close();
    this.merge = null;
  }
}
