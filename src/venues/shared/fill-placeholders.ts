// fillPlaceholders: fills the `%s` placeholders both venues' documented error messages use.

/** Replaces each `%s` left to right with the next argument; placeholders without an argument stay `%s`. */
export function fillPlaceholders(template: string, ...args: ReadonlyArray<string | number>): string {
  let i = 0;
  return template.replace(/%s/g, () => (i < args.length ? String(args[i++]) : '%s'));
}
