// Clock port: the only way code learns the time (virtual in synthetic and replay runs).

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
