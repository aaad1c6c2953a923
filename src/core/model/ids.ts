// Counter-based identifiers "<prefix>-<n>": deterministic, never derived from time or randomness.

/** An order's "O-<n>" id: what journals, client ids and reports print (the wire and report edges). */
export type OrderId = string & { readonly __brand: 'OrderId' };
/** An order's number n (1, 2, …; its id is "O-<n>"): how the loop and the venue address an order inside the core. */
export type OrderNo = number;
export type FillId = string & { readonly __brand: 'FillId' };

/** Issues "<prefix>-1", "<prefix>-2", … in call order. */
export class IdSequence<T extends string> {
  private next = 1;
  /** "<prefix>-", joined once: issuing is then one concatenation. */
  private readonly head: string;

  constructor(prefix: string) {
    this.head = `${prefix}-`;
  }

  issue(): T {
    return (this.head + this.next++) as T;
  }

  /** How many ids have been issued so far. */
  get issued(): number {
    return this.next - 1;
  }
}
