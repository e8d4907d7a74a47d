// Offsets into a letter are defined on its text without BOM and with LF line endings.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LetterSource } from '../../../src/core/annotations/letter-source';

describe('letter source (offsets without BOM, LF line endings)', () => {
  it('leaves LF text without BOM as it is', () => {
    const s = new LetterSource('a\nb');
    assert.equal(s.text, 'a\nb');
    assert.ok(s.isCanonical);
    assert.equal(s.toRaw(2), 2);
  });

  it('drops the BOM and the CR of each CRLF; a lone CR becomes LF', () => {
    const raw = '\ufeffEen\r\nTwee\rDrie\r\n';
    const s = new LetterSource(raw);
    assert.equal(s.text, 'Een\nTwee\nDrie\n');
    // "Twee" starts at canonical 4, raw 6 (after BOM, "Een", CR, LF).
    assert.equal(s.toRaw(4), 6);
    assert.equal(s.fromRaw(6), 4);
    // A line end maps before its CR, so a passage ending at "Een" ends before the line break in the document too.
    assert.equal(s.toRaw(3), 4);
    assert.equal(raw.slice(s.toRaw(0), s.toRaw(3)), 'Een');
    assert.equal(s.fromRaw(5), 3, 'between CR and LF: the LF');
    assert.equal(s.fromRaw(0), 0, 'at the BOM: the first character');
  });

  it('every canonical character maps to the same character of the raw text, and back', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', '\r', 'é', '😀');
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 40 }), (bom, pieces) => {
        const raw = (bom ? '\ufeff' : '') + pieces.join('');
        const s = new LetterSource(raw);
        for (let c = 0; c < s.text.length; c++) {
          const r = s.toRaw(c);
          const expected = s.text[c] === '\n' ? /[\r\n]/ : new RegExp(s.text[c].replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
          assert.match(raw[r], expected, `canonical ${c} -> raw ${r}`);
          assert.equal(s.fromRaw(r), c);
        }
        assert.equal(s.toRaw(s.text.length), raw.length);
      }),
      { seed: 1201, numRuns: 300 },
    );
  });
});
