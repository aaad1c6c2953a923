// A small unified line diff (LCS), so a golden mismatch reads like `diff -u`, with a few lines of context. Pure.

export function unifiedDiff(expected: string, actual: string, labels = { expected: 'golden', actual: 'actual' }, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: { kind: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++]! }), j++;
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', text: a[i++]! });
    else ops.push({ kind: '+', text: b[j++]! });
  }
  const out = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  let last = -1;
  ops.forEach((op, k) => {
    if (op.kind === ' ') return;
    const from = Math.max(k - context, last + 1);
    if (from > last + 1 && last >= 0) out.push('@@');
    for (let c = from; c < k; c++) out.push(` ${ops[c]!.text}`);
    out.push(`${op.kind}${op.text}`);
    let end = k;
    for (let c = k + 1; c < ops.length && c <= k + context && ops[c]!.kind === ' '; c++) {
      out.push(` ${ops[c]!.text}`);
      end = c;
    }
    last = end;
  });
  return out.join('\n');
}
