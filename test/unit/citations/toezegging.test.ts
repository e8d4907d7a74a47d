// Toezegging register numbers (`TZ202504-057`): the forms they are written in, the look-alikes that stay prose, and
// properties over random text. Real numbers: `TZ202504-057` (a SyncFeed entity quoted in OpenDataPortaal issue
// #179), `TZ202412-116` and `TZ202603-130` (other repositories' fixtures), reference §3.2.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { citationDiagnostics, formatCitation, toezeggingId } from '../../../src/core/citations';
import { scanPlain } from '../../../src/core/citations/scanner';
import { analyseMarkdown } from '../../../src/core/markdown';
import { parseCanonicalId } from '../../../src/core/metadata';
import { assertSpans } from './helpers';

function found(text: string): [string, string | null, string][] {
  const refs = scanPlain(text).refs;
  assertSpans(text, refs);
  return refs.map((r) => [r.kind, r.id, r.text]);
}

describe('toezegging numbers: forms', () => {
  const cases: [string, string, string][] = [
    ['Toezegging TZ202504-057 is afgedaan.', 'TZ202504-057', 'TZ202504-057'],
    ['(toezegging TZ202412-116)', 'TZ202412-116', 'TZ202412-116'],
    ['Hiermee kom ik de toezegging na (TZ202603-130).', 'TZ202603-130', 'TZ202603-130'],
    ['toezeggingen: TZ202504-057, TZ202412-116 en TZ202603-130', 'TZ202504-057', 'TZ202504-057'],
    ['TZ202504\u2013057 met een halve kastlijn', 'TZ202504-057', 'TZ202504\u2013057'],
    ['TZ202504\u2011057 met een vast afbreekstreepje', 'TZ202504-057', 'TZ202504\u2011057'],
    ['Nummer: TZ202504-057;', 'TZ202504-057', 'TZ202504-057'],
    ['zie TZ202504-057.', 'TZ202504-057', 'TZ202504-057'],
    ['*TZ202504-057*', 'TZ202504-057', 'TZ202504-057'],
    ['refs: [TZ202504-057]', 'TZ202504-057', 'TZ202504-057'],
    ['TZ199912-001', 'TZ199912-001', 'TZ199912-001'],
  ];
  for (const [text, id, span] of cases) {
    it(JSON.stringify(text), () => {
      const refs = found(text);
      assert.deepEqual(refs[0], ['toezegging', id, span]);
    });
  }

  it('a list gives each number, in order, beside other citations', () => {
    assert.deepEqual(
      found('Toezeggingen TZ202504-057 en TZ202412-116 (Kamerstuk 29 754, nr. 716; 2024D25640).').map(([k, id]) => `${k} ${id}`),
      ['toezegging TZ202504-057', 'toezegging TZ202412-116', 'kamerstuk kst-29754-716', 'tk-document 2024D25640'],
    );
  });

  it('is a reference of its own: parts, form, no diagnostics, no official publication link', () => {
    const out = scanPlain('Zie TZ202504-057.');
    assert.deepEqual(out.refs[0].parts, { number: 'TZ202504-057' });
    assert.equal(out.refs[0].form, 'id');
    assert.deepEqual(citationDiagnostics(out.problems, 'Zie TZ202504-057.'), []);
    assert.equal(formatCitation(out.refs[0], 'kst'), 'TZ202504-057');
    assert.equal(formatCitation(out.refs[0], 'link'), null);
  });

  it('in markdown: prose yes, code and HTML comments no', () => {
    const ids = (md: string) => analyseMarkdown(md).refs.map((r) => r.id);
    assert.deepEqual(ids('# Toezeggingen\n\nDe minister deed toezegging TZ202504-057.\n'), ['TZ202504-057']);
    assert.deepEqual(ids('Zie `TZ202504-057` en\n\n```\nTZ202412-116\n```\n<!-- TZ202603-130 -->\n'), []);
  });

  it('canonical id: upper case, a plain dash; anything else is none', () => {
    assert.equal(toezeggingId('tz202504-057'), 'TZ202504-057');
    assert.equal(toezeggingId(' TZ202504\u2212057 '), 'TZ202504-057');
    for (const bad of [
      'TZ202513-001',
      'TZ202500-001',
      'TZ188001-001',
      'TZ202504-57',
      'TZ202504057',
      'TO202504-057',
      'T0123',
      'T012345',
      'TO3357',
      'TZ-202504-057',
    ]) {
      assert.equal(toezeggingId(bad), undefined, bad);
    }
    assert.deepEqual(parseCanonicalId('tz202504-057'), { id: 'TZ202504-057', kind: 'toezegging', number: 'TZ202504-057' });
  });
});

describe('toezegging numbers: look-alikes stay prose', () => {
  const negatives = [
    'Postbus 20018, 2500 EA Den Haag en 2511 TZ Den Haag.', // postcodes
    'Bezoekadres: Turfmarkt 147, 2511TZ Den Haag.',
    'De KATZ202504-057 en ATZ202504-057 zijn productcodes.', // TZ inside a word
    'Onderdeel TZ2000 en TZ-2000 en TZ 202504-057.', // product codes, a space
    'TZ202504-0571 en TZ202504-057-A en TZ202504-057B.', // more of an identifier after it
    'TZ202504-05 en TZ20250-057 en TZ2025040-057.', // too short or too long
    'TZ202513-001 en TZ202500-001 en TZ188001-001.', // no month, an impossible year
    'tz202504-057 in kleine letters.', // the register writes capitals
    'Onderdeel TO3357 en T01237 van de catalogus.', // T-numbers without a register context (toezegging-ek.test.ts)
    'Artikel 2:TZ en de TZ-regeling.',
    '1TZ202504-057 en _TZ202504-057x',
  ];
  for (const text of negatives)
    it(JSON.stringify(text), () =>
      assert.deepEqual(
        found(text).filter(([k]) => k === 'toezegging'),
        [],
      ),
    );
});

describe('toezegging numbers: properties', () => {
  const number = fc
    .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 999 }))
    .map(([y, m, n]) => `TZ${y}${String(m).padStart(2, '0')}-${String(n).padStart(3, '0')}`);
  const filler = fc.array(fc.constantFrom(' ', ', ', '(', ')', '.', ' en ', '\n', ' toezegging ', ': ', '; '), { maxLength: 4 }).map((x) => x.join(''));
  // prettier-ignore
  const noise = fc.array(fc.oneof(fc.constantFrom('TZ', 'T', 'Z', 'O', '2025', '04', '-', '\u2013', '057', '0571', 'A', 'x', ' ', '\n', '2511 TZ', 'TZ202504-057', 'TZ202504'), fc.nat(999999).map(String)), { maxLength: 30 }).map((x) => x.join(''));

  it('a number set off by punctuation or spaces is found, with its exact span and id', () => {
    fc.assert(
      fc.property(filler, number, filler, (before, nr, after) => {
        const text = `${before}${nr}${after}`;
        const refs = scanPlain(text).refs.filter((r) => r.kind === 'toezegging');
        assert.equal(refs.length, 1);
        assert.equal(refs[0].id, nr);
        assert.equal(refs[0].start, before.length);
        assert.equal(refs[0].text, nr);
      }),
      { numRuns: 2000 },
    );
  });

  it('in random text every toezegging found is a whole token of the exact shape', () => {
    fc.assert(
      fc.property(noise, (text) => {
        const refs = scanPlain(text).refs;
        assertSpans(text, refs);
        for (const r of refs.filter((x) => x.kind === 'toezegging')) {
          assert.equal(toezeggingId(r.text), r.id);
          assert.ok(r.start === 0 || !/[\p{L}\p{N}]/u.test(text[r.start - 1]), `glued on the left in ${JSON.stringify(text)}`);
          assert.ok(!/^[\p{L}\p{N}]|^[-\u2010-\u2015\u2212][\p{L}\p{N}]/u.test(text.slice(r.end)), `glued on the right in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
