// anchorsIn (prefilter.ts) searches with the anchor pattern after a character that is not an ASCII letter or
// digit, for speed; here it is compared with the plain reading it must equal: the scanner's pattern tried from every
// offset, an anchor kept when no letter or digit comes before it, the digits after a number skipped.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { digitRun, isAlnum, isDigit } from '../../../src/core/citations/chars';
import { ANCHOR_SOURCE, anchorsIn } from '../../../src/core/workspace/prefilter';
import { generateTeamRepository } from '../../support/generated-notes';
import { fuzzBudget, FUZZ_TIMEOUT_MS } from '../fuzz/budget';

function plainAnchors(text: string, from = 0, to = text.length): number[] {
  const re = new RegExp(ANCHOR_SOURCE, 'g');
  const out: number[] = [];
  re.lastIndex = from;
  for (let a = re.exec(text); a && a.index < to; a = re.exec(text)) {
    const p = a.index;
    if (p === 0 || !isAlnum(text.charCodeAt(p - 1))) out.push(p);
    re.lastIndex = isDigit(text.charCodeAt(p)) ? p + digitRun(text, p, to) : p + 1;
  }
  return out;
}

describe('workspace prefilter: anchorsIn equals the plain reading of the pattern', function () {
  this.timeout(FUZZ_TIMEOUT_MS * 2);

  it('at the edges: the start of the text or range, after letters of other scripts, underscores and digits', () => {
    const cases = [
      'kst-29754-680',
      'Kamerstuk 29 754',
      '_Kamerstuk 29 754_',
      '*kst-1234*',
      'ékst-29754 en 9kst-1 en xkst en (kst-2)',
      '29754 123456 29 754 a29754',
      'Stb. 2022, 524\r\nStcrt.',
      'nr.5 NR 5 TZ202504-057',
      '',
      'k',
    ];
    for (const text of cases) {
      assert.deepEqual(anchorsIn(text), plainAnchors(text), text);
      for (let from = 0; from <= text.length; from++) assert.deepEqual(anchorsIn(text, from), plainAnchors(text, from), `${text} from ${from}`);
      assert.deepEqual(anchorsIn(text, 0, text.length, 1), plainAnchors(text).slice(0, 1), text);
    }
    assert.deepEqual(anchorsIn('een kst-1 in Kamerstuk 5', 2, 12), plainAnchors('een kst-1 in Kamerstuk 5', 2, 12));
  });

  it('over generated team notes', () => {
    let anchors = 0;
    for (const f of generateTeamRepository({ notes: 80, seed: 11 }).filter((x) => x.path.endsWith('.md'))) {
      const expected = plainAnchors(f.text);
      anchors += expected.length;
      assert.deepEqual(anchorsIn(f.text), expected, f.path);
    }
    assert.ok(anchors > 1000, `only ${anchors} anchors: the comparison proves little`);
  });

  it('over fuzzed text of anchor pieces, letters, digits and punctuation', () => {
    const piece = fc.constantFrom(
      'kst-',
      'Kamerstuk',
      'nr',
      'NR',
      'Stb',
      'h-',
      'Ah-',
      '29',
      '754',
      '12345',
      ' ',
      '\n',
      '_',
      '*',
      'é',
      'x',
      '(',
      ',',
      'CXX,',
      'TZ123456',
      'www.',
      'https://',
      '\r\n',
      '> ',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        fc.nat(),
        (text, cut) => {
          assert.deepEqual(anchorsIn(text), plainAnchors(text));
          const from = text.length ? cut % text.length : 0;
          assert.deepEqual(anchorsIn(text, from), plainAnchors(text, from));
        },
      ),
      fuzzBudget(2000, 10),
    );
  });
});
