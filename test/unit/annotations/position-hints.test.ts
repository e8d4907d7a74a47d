// Positions are hints: a stored selector that still finds its passage surely is not rewritten, so an annotation
// file changes only where a tag changed (a word typed above a tag shifts every later offset; one typed next to a
// tag, its neighbour's context). A hint is rewritten when the quote occurs again near enough to be confused.
import { strict as assert } from 'node:assert';
import { anchorAnnotations } from '../../../src/core/annotations/anchor';
import type { Annotation } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { reanchorLetter, REFRESH_CONTEXT, selectorUpdates, storedSelectorHolds } from '../../../src/core/annotations/reanchor';
import { LETTER, offsetOf } from './helpers';

function tag(id: string, quote: string, text = LETTER): Annotation {
  const at = offsetOf(text, quote);
  return { id, tag: 'measure', ...captureSelector(text, at, at + quote.length) };
}

const IND = tag('ind', 'Een gespecialiseerde afdeling van de IND verricht sinds 1\u00a0juli 2023 een uitgebreider open bronnenonderzoek.');
const SLOT = tag('slot', 'Hiermee versterken we de veiligheid in Nederland.');
const LEERLIJN = tag('leerlijn', 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.');

describe('positions are hints', () => {
  it('a paragraph inserted above: every passage moved, no selector is rewritten', () => {
    const text = 'Een nieuwe eerste alinea die de analist heeft ingevoegd.\n\n' + LETTER;
    const report = reanchorLetter([IND, SLOT, LEERLIJN], text);
    assert.deepEqual(report.moved.sort(), ['ind', 'leerlijn', 'slot']);
    assert.deepEqual(report.updates, []);
    // Without the letter's text (the old rule) every moved passage was rewritten.
    assert.equal(selectorUpdates([IND, SLOT, LEERLIJN], report.results).length, 3);
  });

  it('a word changed right before a passage: only that passage gets a new context', () => {
    const text = LETTER.replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.');
    const report = reanchorLetter([IND, SLOT, LEERLIJN], text);
    const ind = report.results.find((r) => r.id === 'ind')!;
    assert.ok(ind.context! < REFRESH_CONTEXT, String(ind.context));
    assert.deepEqual(
      report.updates.map((u) => u.id),
      ['ind'],
    );
    assert.ok(report.updates[0].prefix.endsWith('bronnen verrichten.\n\n'));
  });

  it('a copy of the quote near the passage: the drifted hint is rewritten, so it cannot point at the copy', () => {
    const quote = SLOT.quote;
    const at = LETTER.indexOf(quote);
    // The same sentence inserted 100 characters before the passage: the passage shifts by the copy's length.
    const text = `${LETTER.slice(0, at - 100)}${quote} ${LETTER.slice(at - 100)}`;
    const [r] = anchorAnnotations(text, [SLOT]);
    assert.equal(text.slice(r.start, r.end), quote);
    assert.equal(storedSelectorHolds(SLOT, r, text), false);
    assert.deepEqual(
      selectorUpdates([SLOT], [r], { letter: text }).map((u) => u.start),
      [r.start],
    );
    // Far away, the copy cannot be taken for the passage: the hint stays.
    const far = `${quote}\n\n${LETTER}`;
    const [f] = anchorAnnotations(far, [SLOT]);
    assert.equal(far.slice(f.start, f.end), quote);
    assert.equal(storedSelectorHolds(SLOT, f, far), true);
  });

  it('a copy of the quote wrapped onto two lines counts as a copy too (the anchoring collapses whitespace)', () => {
    const quote = SLOT.quote;
    const at = LETTER.indexOf(quote);
    const wrapped = quote.replace(' de veiligheid', '\nde veiligheid');
    const text = `${LETTER.slice(0, at - 100)}${wrapped} ${LETTER.slice(at - 100)}`;
    const [r] = anchorAnnotations(text, [SLOT]);
    assert.equal(text.slice(r.start, r.end), quote);
    assert.equal(storedSelectorHolds(SLOT, r, text), false);
  });

  it('a changed passage or an orphan never holds', () => {
    const text = LETTER.replace('nadere uitwerking', 'nadere uitwerkingen');
    const [r] = anchorAnnotations(text, [LEERLIJN]);
    assert.equal(r.status, 'fuzzy');
    assert.equal(storedSelectorHolds(LEERLIJN, r, text), false);
    const gone = LETTER.replace(LEERLIJN.quote, '');
    const [o] = anchorAnnotations(gone, [LEERLIJN]);
    assert.equal(o.status, 'orphaned');
    assert.equal(storedSelectorHolds(LEERLIJN, o, gone), false);
  });
});
