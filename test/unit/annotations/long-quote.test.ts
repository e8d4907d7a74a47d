// Long tagged passages (thousands of characters) re-anchored after a small edit. The approximate search used to
// verify every spurious hit of each 32-character piece of the quote with a full alignment (m²/32 each): a 10,000-
// character passage took 5 s, 30,000 four minutes. Now only starts that a quorum of pieces agrees with are verified,
// with a banded alignment. No timing assertions: the bench prints the times; these tests check what comes back.
import { strict as assert } from 'node:assert';
import search from 'approx-string-match';
import fc from 'fast-check';
import { anchorAnnotation, anchorAnnotations } from '../../../src/core/annotations/anchor';
import { maxErrorsFor } from '../../../src/core/annotations/anchor-score';
import {
  alignStartingIn,
  editDistance,
  findApproximate,
  findVerbatimPieces,
  piecesThatMustHit,
  searchEnds,
} from '../../../src/core/annotations/approximate-search';
import { captureSelector } from '../../../src/core/annotations/quote';
import { variedLetter } from '../../support/varied-letter';
import { LETTER } from './helpers';

/** A long letter like a real one, where many 32-character phrases recur (the spurious piece hits that made anchoring slow). */
const TEXT = variedLetter(LETTER, 160_000);

/** A passage of `length` characters starting at a sentence, and the letter with one character of it edited. */
function editedPassage(length: number, op: 'sub' | 'ins' | 'del', from = 20_000) {
  const start = TEXT.indexOf('. ', from) + 2;
  const end = start + length;
  const annotation = { id: `p${length}`, ...captureSelector(TEXT, start, end) };
  const at = start + Math.floor(length / 2) + (TEXT[start + Math.floor(length / 2)] === 'x' ? 1 : 0);
  const edit = { sub: 'x', ins: 'x' + TEXT[at], del: '' }[op];
  const text = TEXT.slice(0, at) + edit + TEXT.slice(at + 1);
  const newEnd = end + edit.length - 1;
  return { annotation, text, start, end: newEnd };
}

describe('anchoring long passages', () => {
  for (const [length, op] of [
    [10_000, 'ins'],
    [30_000, 'del'],
    [40_000, 'sub'],
  ] as const) {
    it(`a ${length.toLocaleString('en')}-character passage with one character ${op === 'sub' ? 'replaced' : op === 'ins' ? 'inserted' : 'deleted'}: fuzzy, in its place`, () => {
      const { annotation, text, start, end } = editedPassage(length, op);
      const r = anchorAnnotation(text, annotation);
      assert.equal(r.status, 'fuzzy');
      assert.deepEqual([r.start, r.end], [start, end]);
      assert.equal(r.selector?.quote, text.slice(start, end));
    });
  }

  it('a 40,000-character passage moved to the end of the letter with one edit, among short passages: found there', () => {
    const { annotation } = editedPassage(40_000, 'sub');
    const passage = TEXT.slice(annotation.start, annotation.end);
    const edited = passage.slice(0, 20_000) + 'x' + passage.slice(20_001);
    // The passage (with its context) cut out and appended after the last paragraph.
    const cut = TEXT.slice(0, annotation.start - 40) + TEXT.slice(annotation.end + 40);
    const text = `${cut}\n\n${TEXT.slice(annotation.start - 40, annotation.start)}${edited}${TEXT.slice(annotation.end, annotation.end + 40)}`;
    // Short passages before the long one (unchanged) and after it (now 40,080 characters earlier).
    const short = [1000, 10_000, 70_000, 120_000].map((from, i) => {
      const s = TEXT.indexOf('. ', from) + 2;
      return { id: `s${i}`, ...captureSelector(TEXT, s, s + 80) };
    });
    const results = anchorAnnotations(text, [annotation, ...short]);
    const long = results[0];
    assert.equal(long.status, 'fuzzy');
    assert.equal(long.start, text.length - 40 - edited.length);
    assert.equal(long.end, text.length - 40);
    results.slice(1).forEach((r, i) => {
      assert.ok(r.status === 'exact' || r.status === 'moved', r.id);
      assert.equal(text.slice(r.start, r.end), short[i].quote);
    });
  });

  it('a 40,000-character passage rewritten in many places is orphaned (not moved to a look-alike)', () => {
    const { annotation } = editedPassage(40_000, 'sub');
    let rewritten = '';
    for (let i = annotation.start; i < annotation.end; i++) rewritten += (i - annotation.start) % 100 === 50 ? 'q' : TEXT[i];
    const text = TEXT.slice(0, annotation.start) + rewritten + TEXT.slice(annotation.end);
    assert.equal(anchorAnnotation(text, annotation).status, 'orphaned');
  });
});

describe('approximate search of long patterns', () => {
  /** Every reported match is inside the range, within k, at its reported edit distance (module-independent check). */
  function assertSound(pattern: string, text: string, from: number, to: number, k: number, found: ReturnType<typeof findApproximate>) {
    for (const f of found) {
      assert.ok(from <= f.start && f.start <= f.end && f.end <= to);
      assert.ok(f.errors <= k);
      assert.equal(editDistance(pattern, text.slice(f.start, f.end)), f.errors);
    }
  }

  it('how many pieces must hit: all but those k errors can push over their budget', () => {
    assert.equal(piecesThatMustHit([{ budget: 0 }, { budget: 0 }, { budget: 0 }], 2), 1);
    assert.equal(piecesThatMustHit(new Array(1250).fill({ budget: 0 }), 256), 1250 - 256);
    assert.equal(piecesThatMustHit(new Array(13).fill({ budget: 7 }), 100), 1);
    assert.equal(piecesThatMustHit([{ budget: 1 }, { budget: 0 }, { budget: 1 }], 3), 1, 'the cheapest first: 1 + 2');
    assert.equal(piecesThatMustHit([{ budget: 3 }], 2), 1);
  });

  it('verbatim pieces found by one pass over the text: the runs of searchEnds with k = 0', () => {
    const units = ['a', 'b', 'ab'];
    const input = fc.record({
      text: fc.array(fc.constantFrom(...units), { maxLength: 120 }).map((xs) => xs.join('')),
      pattern: fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 40 }).map((xs) => xs.join('')),
      cuts: fc.array(fc.nat(40), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(input, ({ text, pattern, cuts }) => {
        const bounds = [...new Set([0, ...cuts.map((c) => c % pattern.length), pattern.length])].sort((x, y) => x - y);
        const pieces = bounds.slice(1).map((end, i) => ({ start: bounds[i], end, budget: 0, hits: [] }));
        findVerbatimPieces(pattern, pieces, text, 3, text.length);
        for (const p of pieces) assert.deepEqual(p.hits, searchEnds(pattern.slice(p.start, p.end), text, 3, text.length, 0));
      }),
      { seed: 77, numRuns: 400 },
    );
  });

  it('banded alignment: the best match starting in the given starts, against a plain DP', () => {
    const input = fc.record({
      text: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 60 }).map((xs) => xs.join('')),
      pattern: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 30 }).map((xs) => xs.join('')),
      first: fc.nat(60),
      width: fc.nat(20),
      k: fc.nat(12),
    });
    fc.assert(
      fc.property(input, ({ text, pattern, first, width, k }) => {
        const last = first + width;
        let best: { errors: number; end: number; start: number } | undefined;
        for (let s = first; s <= Math.min(last, text.length); s++) {
          for (let e = s; e <= text.length; e++) {
            const errors = editDistance(pattern, text.slice(s, e));
            if (errors > k) continue;
            if (!best || errors < best.errors || (errors === best.errors && (e < best.end || (e === best.end && s > best.start))))
              best = { errors, end: e, start: s };
          }
        }
        const got = alignStartingIn(pattern, text, [first, last], 0, text.length, k);
        assert.deepEqual(got && { errors: got.errors, end: got.end, start: got.start }, best);
      }),
      { seed: 12, numRuns: 600 },
    );
  });

  it('patterns of 1,100–3,000 characters with planted copies: the best error count of approx-string-match, every match sound', () => {
    const input = fc.record({
      at: fc.nat(TEXT.length - 9000),
      length: fc.integer({ min: 1100, max: 3000 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ins: fc.boolean() }), { maxLength: 300 }),
      span: fc.integer({ min: 0, max: 3000 }),
    });
    fc.assert(
      fc.property(input, ({ at, length, edits, span }) => {
        const pattern = TEXT.slice(at, at + length);
        let copy = pattern;
        for (const e of edits) {
          const i = Math.floor(e.at * copy.length);
          copy = e.ins ? copy.slice(0, i) + 'q' + copy.slice(i) : copy.slice(0, i) + 'z' + copy.slice(i + 1);
        }
        const k = maxErrorsFor(length);
        // The edited copy in the letter's own text around it (where pieces of the pattern also hit elsewhere).
        const text = TEXT.slice(Math.max(0, at - span), at) + copy + TEXT.slice(at + length, at + length + span);
        const found = findApproximate(pattern, text, 0, text.length, k);
        assertSound(pattern, text, 0, text.length, k, found);
        assert.equal(found[0]?.errors, search(text, pattern, k)[0]?.errors);
      }),
      { seed: 1100, numRuns: 40 },
    );
  });

  it('repetitive text, where a quorum of pieces agrees almost everywhere: still the best match', () => {
    for (const [pattern, text] of [
      ['ab'.repeat(700), `${'ab'.repeat(400)}x${'ab'.repeat(900)}`],
      [`${'.'.repeat(1500)} 12 ${'.'.repeat(1500)}`, `Inhoud ${'.'.repeat(2900)} 3 Beleid ${'.'.repeat(400)}`],
      ['abc'.repeat(1200), `${'abc'.repeat(500)}${'abd'.repeat(50)}${'abc'.repeat(1000)}`],
    ]) {
      const k = maxErrorsFor(pattern.length);
      const found = findApproximate(pattern, text, 0, text.length, k);
      assertSound(pattern, text, 0, text.length, k, found);
      assert.equal(found[0]?.errors, search(text, pattern, k)[0]?.errors);
    }
  });
});
