// "a, b or c": a list of alternatives as a sentence names it.

/** The items joined with ", " and a final " or " ("a, b or c"); one item alone, "" for none. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
