import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START, diffLines, renderWithConflictMarkers } from '../../../src/core/annotations/conflict-markers';

type Ops = ReturnType<typeof diffLines>;

/** Replays an edit script on `a`; fails when an unchanged line is not the line of `a` it claims to keep. */
function apply(a: readonly string[], ops: Ops): string[] {
  const out: string[] = [];
  let x = 0;
  for (const op of ops) {
    if (op.kind === '+') out.push(op.line);
    else {
      assert.equal(op.line, a[x], `op ${op.kind} at line ${x} of a`);
      if (op.kind === '=') out.push(op.line);
      x++;
    }
  }
  assert.equal(x, a.length, 'every line of a is kept or removed');
  return out;
}

/** The shortest edit distance (insertions and deletions) by the textbook LCS table. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  return a.length + b.length - 2 * previous[b.length];
}

const edits = (ops: Ops) => ops.filter((op) => op.kind !== '=').length;

/** Lines from a small alphabet, so that equal lines (and many equally short scripts) are common. */
const lines = (alphabet: number, max: number) => fc.array(fc.integer({ min: 0, max: alphabet - 1 }).map(String), { maxLength: max });

describe('conflict markers: the line diff', () => {
  it('is a valid edit script of minimal length (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((alphabet) => fc.tuple(lines(alphabet, 40), lines(alphabet, 40))),
        ([a, b]) => {
          const ops = diffLines(a, b);
          assert.deepEqual(apply(a, ops), b);
          assert.equal(edits(ops), editDistance(a, b));
        },
      ),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('is minimal on long inputs with sparse changes (the shape of a merge)', () => {
    const rnd = fc.sample(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4000, maxLength: 4000 }), { numRuns: 1, seed: 7 })[0];
    const a = rnd.map((r, i) => `line ${i} ${r % 5}`);
    const b = a.flatMap((line, i) => (rnd[i] < 3 ? [] : rnd[i] < 6 ? [line, `new ${i}`] : rnd[i] < 9 ? [`changed ${i}`] : [line]));
    const ops = diffLines(a, b);
    assert.deepEqual(apply(a, ops), b);
    const changed = rnd.filter((r) => r < 9).length + rnd.filter((r) => r >= 6 && r < 9).length;
    assert.equal(edits(ops), changed, 'one edit per deleted or inserted line, two per changed line');
  });

  it('handles empty sides and identical texts', () => {
    assert.deepEqual(diffLines([], []), []);
    assert.deepEqual(
      diffLines([], ['x']).map((op) => op.kind),
      ['+'],
    );
    assert.deepEqual(
      diffLines(['x'], []).map((op) => op.kind),
      ['-'],
    );
    assert.deepEqual(
      diffLines(['a', 'b'], ['a', 'b']).map((op) => op.kind),
      ['=', '='],
    );
  });

  it('renders each run of changes as one conflict block', () => {
    assert.equal(
      renderWithConflictMarkers('a\nb\nc\nd', 'a\nB\nc\nD'),
      [
        'a',
        `${CONFLICT_START} ours`,
        'b',
        CONFLICT_MIDDLE,
        'B',
        `${CONFLICT_END} theirs`,
        'c',
        `${CONFLICT_START} ours`,
        'd',
        CONFLICT_MIDDLE,
        'D',
        `${CONFLICT_END} theirs`,
      ].join('\n'),
    );
  });

  it('3,000 conflicting entries stay small: the diff of 24,000-line sides keeps no per-step copy of its state', () => {
    const side = (name: string) =>
      Array.from({ length: 3000 }, (_, i) => `  - id: a${i}\n    tag: measure\n    quote: "passage ${i}"\n    note: "${name} ${i}"`).join('\n');
    const [ours, theirs] = [side('ours'), side('theirs')];
    const before = process.memoryUsage();
    const text = renderWithConflictMarkers(ours, theirs);
    const after = process.memoryUsage();
    assert.equal(text.split('\n').filter((l) => l.startsWith(CONFLICT_START)).length, 3000);
    // The old trace held one Int32Array of 2 × 24,000 + 3 values per edit: 6,000 × 192 kB ≈ 1.1 GB.
    const grown = after.arrayBuffers - before.arrayBuffers + (after.heapUsed - before.heapUsed);
    assert.ok(grown < 200 * 2 ** 20, `grew by ${(grown / 2 ** 20).toFixed(0)} MB`);
  });
});
