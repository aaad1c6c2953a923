// ReportSink port: where the finished canonical report text goes.

export interface ReportSink {
  /** Human description for messages ("stdout", "file /tmp/r.json"). */
  readonly description: string;
  /** Writes the whole report; resolves when it is durable (file) or handed to the OS (stdout). */
  write(text: string): Promise<void>;
}
