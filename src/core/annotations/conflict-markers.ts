// Renders two versions of a file as one, with git-style conflict markers around the lines where they differ (a
// line diff by Myers' O(ND) algorithm, in its linear-space form). VS Code and other editors offer "accept current /
// incoming" on them.

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

/** A shortest edit script from `a` to `b` (lines), in space linear in their length. */
export function diffLines(a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  const size = a.length + b.length;
  const search: SnakeSearch = { a, b, forward: new Int32Array(2 * size + 3), backward: new Int32Array(2 * size + 3), offset: size + 1 };
  diffRange(search, { aStart: 0, aEnd: a.length, bStart: 0, bEnd: b.length }, ops);
  return ops;
}

/** The lines compared and the two diagonal arrays the middle-snake search reuses at every level. */
interface SnakeSearch {
  a: readonly string[];
  b: readonly string[];
  /** Per diagonal k = x - y (index k + offset): the furthest x reached from the start. */
  forward: Int32Array;
  /** Per diagonal of the reversed problem: the furthest distance from the end reached backwards. */
  backward: Int32Array;
  offset: number;
}

/** Half-open ranges of `a` and `b`. */
interface Box {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** A diagonal run of equal lines from (x, y) to (u, v), in absolute line numbers. */
interface Snake {
  x: number;
  y: number;
  u: number;
  v: number;
}

/**
 * Myers' linear-space refinement: split the box at the middle snake of an optimal path, and solve both halves the
 * same way. Each half needs at most half the edits, so the recursion is only log2(edits) deep; the search arrays
 * are the only memory beyond the result.
 */
function diffRange(search: SnakeSearch, box: Box, ops: Op[]): void {
  const { a, b } = search;
  let { aStart, aEnd, bStart, bEnd } = box;
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
    ops.push({ kind: '=', line: a[aStart++] });
    bStart++;
  }
  let tail = 0;
  while (aStart < aEnd - tail && bStart < bEnd - tail && a[aEnd - 1 - tail] === b[bEnd - 1 - tail]) tail++;
  aEnd -= tail;
  bEnd -= tail;
  if (aStart === aEnd) for (let y = bStart; y < bEnd; y++) ops.push({ kind: '+', line: b[y] });
  else if (bStart === bEnd) for (let x = aStart; x < aEnd; x++) ops.push({ kind: '-', line: a[x] });
  else {
    // Both sides non-empty and without common ends: at least two edits, so both halves are smaller problems.
    const snake = middleSnake(search, { aStart, aEnd, bStart, bEnd });
    diffRange(search, { aStart, aEnd: snake.x, bStart, bEnd: snake.y }, ops);
    for (let x = snake.x; x < snake.u; x++) ops.push({ kind: '=', line: a[x] });
    diffRange(search, { aStart: snake.u, aEnd, bStart: snake.v, bEnd }, ops);
  }
  for (let x = aEnd; x < aEnd + tail; x++) ops.push({ kind: '=', line: a[x] });
}

/**
 * Searches from both corners of the box at once, one more edit per round on each side, until a forward and a
 * backward path overlap on a diagonal; the snake where they meet lies on a shortest path.
 */
function middleSnake(search: SnakeSearch, box: Box): Snake {
  const n = box.aEnd - box.aStart;
  const m = box.bEnd - box.bStart;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  const { forward, backward, offset } = search;
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  for (let d = 0; d <= Math.ceil((n + m) / 2); d++) {
    for (let k = -d; k <= d; k += 2) {
      const snake = extend(search, box, forward, k, d, false);
      // The backward paths of d - 1 edits cover the diagonals delta - (d - 1) … delta + (d - 1).
      if (odd && Math.abs(k - delta) <= d - 1 && forward[offset + k] + backward[offset + delta - k] >= n) return snake;
    }
    for (let k = -d; k <= d; k += 2) {
      const snake = extend(search, box, backward, k, d, true);
      if (!odd && Math.abs(delta - k) <= d && forward[offset + delta - k] + backward[offset + k] >= n) return snake;
    }
  }
  throw new Error('diffLines: no middle snake'); // unreachable: the paths meet after at most ceil((n + m) / 2) rounds
}

/**
 * Extends the furthest path with `d` edits on diagonal `k` (of the reversed box when `reversed`): one edit from the
 * better neighbouring diagonal, then as many equal lines as follow. Returns the run of equal lines, in forward
 * coordinates.
 */
function extend(search: SnakeSearch, box: Box, v: Int32Array, k: number, d: number, reversed: boolean): Snake {
  const { offset } = search;
  const x0 = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
  const y0 = x0 - k;
  const x = x0 + (reversed ? equalBefore(search, box.aEnd - x0, box.bEnd - y0, box) : equalAfter(search, box.aStart + x0, box.bStart + y0, box));
  v[offset + k] = x;
  const y = x - k;
  return reversed
    ? { x: box.aEnd - x, y: box.bEnd - y, u: box.aEnd - x0, v: box.bEnd - y0 }
    : { x: box.aStart + x0, y: box.bStart + y0, u: box.aStart + x, v: box.bStart + y };
}

/** How many lines are equal from a[x], b[y] on, within the box. */
function equalAfter({ a, b }: SnakeSearch, x: number, y: number, box: Box): number {
  let run = 0;
  while (x + run < box.aEnd && y + run < box.bEnd && a[x + run] === b[y + run]) run++;
  return run;
}

/** How many lines are equal before a[x], b[y] (going backwards), within the box. */
function equalBefore({ a, b }: SnakeSearch, x: number, y: number, box: Box): number {
  let run = 0;
  while (x - run > box.aStart && y - run > box.bStart && a[x - run - 1] === b[y - run - 1]) run++;
  return run;
}
