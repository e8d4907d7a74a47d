// The work of suggesting grows with the letter, not with its square: the citation scanner reads each paragraph's
// own text once (a scan of a segment of the whole letter searches on to the end of it), and choosing among the
// proposals blocks exactly what the plain pairwise overlap test blocks.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanText } from '../../../src/core/citations';
import { letterUnits, suggestTags } from '../../../src/core/suggestions';

const PARAGRAPH = 'Ik zal uw Kamer voor de zomer informeren over Kamerstuk 29 754, nr. 680. Wij concluderen dat het werkt.';
const letter = (paragraphs: number) => `# Brief\n\n${Array.from({ length: paragraphs }, () => PARAGRAPH).join('\n\n')}\n`;

/** letterUnits with a scanner that counts the characters it is given and the calls. */
function scanned(text: string): { chars: number; calls: number; units: number } {
  let chars = 0;
  let calls = 0;
  const units = letterUnits(text, (piece) => {
    chars += piece.length;
    calls++;
    return scanText(piece);
  }).length;
  return { chars, calls, units };
}

describe('suggestions: cost', () => {
  it('scans each paragraph once, reading no more than the letter', () => {
    const small = scanned(letter(50));
    const large = scanned(letter(400));
    assert.equal(small.calls, 50);
    assert.equal(large.calls, 400);
    assert.ok(large.chars <= letter(400).length, `read ${large.chars} characters of a letter of ${letter(400).length}`);
    // Eight times the letter is eight times the reading (not 64).
    assert.equal(large.chars, 8 * small.chars);
    assert.equal(large.units, 8 * (small.units - 1) + 1);
  });

  it('still protects citations from sentence boundaries in a scanned paragraph', () => {
    const units = letterUnits(letter(2)).map((u) => u.text);
    assert.ok(units.includes('Ik zal uw Kamer voor de zomer informeren over Kamerstuk 29 754, nr. 680.'), units.join(' | '));
  });

  it('blocks a proposal exactly when it overlaps an existing tag (which may overlap each other)', () => {
    const text = letter(6);
    const all = suggestTags(text);
    const span = fc
      .record({ start: fc.nat(text.length), length: fc.nat(200) })
      .map(({ start, length }) => ({ start, end: Math.min(text.length, start + length) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), (existing) => {
        const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
        // Every proposal is one unit's, so with existing tags the proposals are those of `all` that overlap none.
        const expected = all.filter((p) => !existing.some((e) => overlaps(e, p)));
        assert.deepEqual(suggestTags(text, { existing }), expected);
      }),
      { numRuns: 200 },
    );
  });
});
