// Review integrity: a passage whose words changed is `changed`, its agreement suspended until someone accepts the
// new text; its stored quote is replaced only on that accept; a re-attached agreed tag goes back to proposed.
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { reanchorLetter } from '../../../src/core/annotations/reanchor';
import { acceptedText, newTagStatus, reattachment, reviewOf, wordChanges } from '../../../src/core/annotations/review';
import { LETTER, offsetOf } from './helpers';

function tag(id: string, quote: string, status?: Annotation['status']): Annotation {
  const at = offsetOf(LETTER, quote);
  return { id, tag: 'measure', ...captureSelector(LETTER, at, at + quote.length), ...(status ? { status } : {}) };
}

const IND = tag('ind', 'Een gespecialiseerde afdeling van de IND verricht sinds 1\u00a0juli 2023 een uitgebreider open bronnenonderzoek.', 'agreed');

describe('review of changed passages', () => {
  it('one word changed inside an agreed passage: changed, agreement suspended, the stored quote kept', () => {
    const text = LETTER.replace('2023 een uitgebreider open bronnenonderzoek', '2023 een grondiger open bronnenonderzoek');
    const report = reanchorLetter([IND], text);
    const [result] = report.results;
    assert.deepEqual(report.changed, ['ind']);
    assert.deepEqual(report.updates, [], 'the new words were stored without an accept');
    assert.deepEqual(reviewOf(IND, result), { changed: true, suspended: true });
    assert.deepEqual(reviewOf({ ...IND, status: 'proposed' }, result), { changed: true, suspended: false });
    const accepted = acceptedText(result)!;
    assert.ok(accepted.quote.includes('grondiger') && !accepted.quote.includes('uitgebreider'), accepted.quote);
    assert.equal(text.slice(accepted.start, accepted.end), accepted.quote);
  });

  it('an unchanged or moved passage is neither changed nor suspended, and has no new text to accept', () => {
    const [same] = reanchorLetter([IND], LETTER).results;
    assert.deepEqual(reviewOf(IND, same), { changed: false, suspended: false });
    assert.equal(acceptedText(same), undefined);
    const [moved] = reanchorLetter([IND], 'Nieuwe alinea.\n\n' + LETTER).results;
    assert.equal(moved.status, 'moved');
    assert.equal(acceptedText(moved), undefined);
  });

  it('re-attaching by hand: an agreed tag goes back to proposed, other statuses stay', () => {
    const selector = captureSelector(LETTER, 10, 40);
    assert.equal(reattachment({ status: 'agreed' }, selector).status, 'proposed');
    assert.equal(reattachment({ status: 'disputed' }, selector).status, undefined);
    assert.equal(reattachment({}, selector).quote, selector.quote);
  });

  it('new tags start as proposed unless the team says otherwise', () => {
    assert.equal(newTagStatus(undefined), 'proposed');
    assert.equal(newTagStatus('proposed'), 'proposed');
    assert.equal(newTagStatus('agreed'), 'agreed');
    assert.equal(newTagStatus('none'), undefined);
    assert.equal(newTagStatus('akkoord?'), 'proposed');
  });

  it('marks the words that differ between the tagged and the current text', () => {
    const { tagged, now } = wordChanges('een uitgebreider open bronnenonderzoek.', 'een veel grondiger open bronnenonderzoek.');
    assert.deepEqual(
      tagged.filter((w) => w.changed).map((w) => w.word),
      ['uitgebreider'],
    );
    assert.deepEqual(
      now.filter((w) => w.changed).map((w) => w.word),
      ['veel', 'grondiger'],
    );
    assert.equal(now.map((w) => w.word).join(' '), 'een veel grondiger open bronnenonderzoek.');
  });
});
