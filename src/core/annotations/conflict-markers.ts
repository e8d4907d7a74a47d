// Renders two versions of a file as one, with git-style conflict markers around the lines where they differ
// (a line diff by Myers' O(ND) algorithm). VS Code and other editors offer "accept current / incoming" on them.

export const CONFLICT_START = '<<<<<<<';
export const CONFLICT_MIDDLE = '=======';
export const CONFLICT_END = '>>>>>>>';

type Op = { kind: '=' | '-' | '+'; line: string };

export function renderWithConflictMarkers(ours: string, theirs: string, labels: [string, string] = ['ours', 'theirs']): string {
  const ops = diffLines(ours.split('\n'), theirs.split('\n'));
  const out: string[] = [];
  for (let i = 0; i < ops.length;) {
    if (ops[i].kind === '=') {
      out.push(ops[i++].line);
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < ops.length && ops[i].kind !== '='; i++) (ops[i].kind === '-' ? removed : added).push(ops[i].line);
    out.push(`${CONFLICT_START} ${labels[0]}`, ...removed, CONFLICT_MIDDLE, ...added, `${CONFLICT_END} ${labels[1]}`);
  }
  return out.join('\n');
}

/** A shortest edit script from `a` to `b` (lines). */
export function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const middle = myers(A, B);
  return [
    ...a.slice(0, head).map((line) => ({ kind: '=' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ kind: '=' as const, line })),
  ];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: '=', line: a[--x] });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[--y] });
      else ops.push({ kind: '-', line: a[--x] });
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: '=', line: a[--x] });
    y--;
  }
  return ops.reverse();
}
