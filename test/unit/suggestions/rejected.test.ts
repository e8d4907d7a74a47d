// Rejected suggestions: the core does not propose the same tag on the same passage again, and the file's
// `rejected:` list keeps what it had (hand-written entries, malformed ones) while remembering and forgetting.
import { strict as assert } from 'node:assert';
import { AnnotationStore } from '../../../src/core/annotations';
import { readRejected, REJECTED_KEY, suggestTags, updateRejected } from '../../../src/core/suggestions';

const LETTER = 'Ik zal uw Kamer voor de zomer informeren. Ik constateer dat het werkt. Ik zal u in het najaar de brief sturen.';
const quoteOf = (p: { start: number; end: number }) => LETTER.slice(p.start, p.end);

describe('suggestions: rejected ones', () => {
  it('does not propose a rejected tag on the same passage again, however its white space was wrapped', () => {
    const all = suggestTags(LETTER);
    assert.equal(all.length, 3);
    const [first, second] = all;
    const again = suggestTags(LETTER, { rejected: [{ tag: first.tag, quote: quoteOf(first).replace(' ', '\n  ') }] });
    assert.deepEqual(again.map(quoteOf), all.slice(1).map(quoteOf));
    // Another tag on that passage, or the same tag on another passage, is still proposed.
    const other = suggestTags(LETTER, {
      rejected: [
        { tag: 'measure', quote: quoteOf(first) },
        { tag: first.tag, quote: quoteOf(second) },
      ],
    });
    assert.equal(other.length, second.tag === first.tag ? 2 : 3);
    assert.ok(other.some((p) => p.start === first.start));
  });

  it('remembers and forgets entries, keeps others, and leaves a value that is not a list alone', () => {
    const hand = { tag: 'conclusion', quote: 'Een eigen zin.', note: 'door een analist' };
    const list = updateRejected([hand, 'rommel'], [{ tag: 'commitment', quote: 'Ik zal  u\ninformeren.' }]);
    assert.deepEqual(list, [hand, 'rommel', { tag: 'commitment', quote: 'Ik zal u informeren.' }]);
    assert.deepEqual(updateRejected(list, [{ tag: 'commitment', quote: 'Ik zal u informeren.' }]), list, 'no duplicate');
    assert.deepEqual(updateRejected(list, [], [{ tag: 'commitment', quote: 'Ik zal u informeren.' }]), [hand, 'rommel']);
    assert.deepEqual(readRejected(list), [hand, { tag: 'commitment', quote: 'Ik zal u informeren.' }]);
    assert.equal(updateRejected({ tag: 'x' }, [{ tag: 'commitment', quote: 'q' }]), undefined);
    assert.deepEqual(readRejected('not a list'), []);
  });

  it('survives a write of the annotation file as a top-level list', () => {
    const store = AnnotationStore.create({ path: 'kst-1.md' });
    store.setTopLevelExtra(REJECTED_KEY, updateRejected(undefined, [{ tag: 'commitment', quote: 'Ik zal u informeren.' }]));
    const parsed = AnnotationStore.parse(store.toString());
    assert.ok(parsed.ok);
    assert.deepEqual(readRejected(parsed.store.topLevelExtras()[REJECTED_KEY]), [{ tag: 'commitment', quote: 'Ik zal u informeren.' }]);
  });
});
