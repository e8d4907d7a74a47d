// Anchoring through the letter's history (issue 10): with the previous text, every tag found there is mapped
// through the diff, so the cases that put tags on the wrong text without it cannot: a footnote inserted before
// the others, a copied paragraph, a repeated sentence whose tagged copy was deleted, cascades in long letters of
// repeated content. What the diff deleted is only sought in text the new version added.
import { strict as assert } from 'node:assert';
import { anchorAnnotations, type AnchorResult } from '../../../src/core/annotations/anchor';
import type { Annotation } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { diffTexts } from '../../../src/core/annotations/text-diff';
import { LETTER, offsetOf } from './helpers';

function tagIn(text: string, id: string, quote: string, occurrence = 0): Annotation {
  const at = offsetOf(text, quote, occurrence);
  return { id, tag: 'measure', ...captureSelector(text, at, at + quote.length) };
}

/** The text of a result, and the offset of the n-th occurrence of `quote` in `text`. */
const textOf = (text: string, r: AnchorResult) => text.slice(r.start, r.end);

describe('anchoring through history (the previous text and a diff)', () => {
  const FN1 = 'Kamerstukken II 2022–2023, 29 754, nr. 680.';
  const FN2 = 'Kamerstukken II 2022–2023, 29 754, nr. 683.';

  it('a footnote inserted before the others: the tag stays on its own footnote text, now one line down', () => {
    const tag = tagIn(LETTER, 'fn1', FN1);
    const revised = LETTER.replace(`[^1]: ${FN1}\n[^2]: ${FN2}`, `[^1]: Kamerstukken II 2023–2024, 29 754, nr. 3212.\n[^2]: ${FN1}\n[^3]: ${FN2}`);
    assert.notEqual(revised, LETTER);
    const [r] = anchorAnnotations(revised, [tag], { previous: { text: LETTER } });
    assert.equal(textOf(revised, r), FN1);
    assert.equal(r.start, revised.indexOf(`[^2]: ${FN1}`) + 6);
    assert.equal(r.status, 'moved');
    assert.equal(r.reason, 'diff');
  });

  it('a copied paragraph at the tag’s old offset: the tag stays with the original, not the nearer copy', () => {
    const paragraph = 'De IND zal bij een signaal van een mogelijk veiligheidsrisico de zaak voorleggen aan de AIVD.';
    const old = `Inleiding van de brief.\n\n${paragraph}\n\nSlot van de brief.\n`;
    const tag = tagIn(old, 'p', 'een mogelijk veiligheidsrisico');
    // The copy with the same surroundings lands where the original was; the original moves down.
    const revised = `Inleiding van de brief.\n\n${paragraph}\n\nEen nieuwe alinea.\n\nInleiding van de brief.\n\n${paragraph}\n\nSlot van de brief.\n`;
    const withHistory = anchorAnnotations(revised, [tag], { previous: { text: old } })[0];
    // Myers keeps the original aligned with the old text; which of the two copies is the original is the diff's
    // reading, and it is the same reading the diff gives of every other word: the tag follows its paragraph.
    const d = diffTexts(old, revised)!;
    const oldTok = d.old.starts.findIndex((s) => s === tag.start);
    const mappedStart = d.new.starts[d.oldToNew[oldTok]];
    assert.equal(withHistory.start, mappedStart);
    assert.equal(textOf(revised, withHistory), tag.quote);
    assert.equal(withHistory.reason, 'diff');
  });

  it('a repeated sentence whose tagged copy was deleted is orphaned, not moved to the other copy', () => {
    const sentence = 'Het kabinet blijft dit nauwlettend volgen.';
    const old = `Over de screening. ${sentence}\n\nOver de uitwisseling van informatie. ${sentence}\n`;
    const tag = tagIn(old, 'second', sentence, 1);
    const revised = `Over de screening. ${sentence}\n\nOver de uitwisseling van informatie.\n`;
    const [r] = anchorAnnotations(revised, [tag], { previous: { text: old } });
    assert.equal(r.status, 'orphaned', `placed at ${r.start}: ${textOf(revised, r)}`);
  });

  it('a moved paragraph is found where it went (text the new version added), as moved', () => {
    const a = 'Eerste alinea over de screening van asielzoekers in de aanmeldfase.';
    const b = 'Tweede alinea over de uitwisseling van informatie met andere landen.';
    const c = 'Derde alinea over de inzet van de AIVD bij signalen van terrorisme.';
    const old = `${a}\n\n${b}\n\n${c}\n`;
    const tag = tagIn(old, 'b', 'de uitwisseling van informatie met andere landen');
    const revised = `${a}\n\n${c}\n\n${b}\n`;
    const [r] = anchorAnnotations(revised, [tag], { previous: { text: old } });
    assert.equal(textOf(revised, r), tag.quote);
    assert.equal(r.start, revised.indexOf(tag.quote));
    assert.ok(r.status === 'moved' || r.status === 'exact', r.status);
  });

  it('a clause with about 30% of its words changed and its context intact is fuzzy at its place, not orphaned', () => {
    const old = 'Inleiding.\n\nWij zullen de Kamer voor de zomer informeren over de voortgang van de screening.\n\nSlot.\n';
    const tag = tagIn(old, 'c', 'Wij zullen de Kamer voor de zomer informeren over de voortgang van de screening.');
    const revised = 'Inleiding.\n\nWij zullen uw Kamer na de zomer informeren over de stand van de screening.\n\nSlot.\n';
    const [r] = anchorAnnotations(revised, [tag], { previous: { text: old } });
    assert.equal(r.status, 'fuzzy');
    assert.equal(r.reason, 'diff');
    assert.equal(textOf(revised, r), 'Wij zullen uw Kamer na de zomer informeren over de stand van de screening.');
  });

  it('unchanged text is exact; a reflowed paragraph and CRLF line endings are no edit', () => {
    const tags = [tagIn(LETTER, 'fn1', FN1), tagIn(LETTER, 'fn2', FN2)];
    assert.deepEqual(
      anchorAnnotations(LETTER, tags, { previous: { text: LETTER } }).map((r) => r.status),
      ['exact', 'exact'],
    );
    const crlf = LETTER.replace(/\n/g, '\r\n');
    const results = anchorAnnotations(crlf, tags, { previous: { text: LETTER } });
    assert.deepEqual(
      results.map((r) => r.status),
      ['exact', 'exact'],
    );
  });

  it('a long letter of ten varied copies: one deleted copy drags no neighbour into another copy', () => {
    const section = (n: number) =>
      `## Onderdeel ${n}\n\nDe minister zal de Kamer informeren over de voortgang.${n % 3 === 0 ? ' Dit geldt ook voor de gemeenten.' : ''}\n\nHet kabinet blijft dit volgen.\n`;
    const sections = Array.from({ length: 10 }, (_, i) => section(i + 1));
    const old = sections.join('\n');
    const tags = sections.flatMap((_, i) => [
      tagIn(old, `inform-${i}`, 'De minister zal de Kamer informeren over de voortgang.', i),
      tagIn(old, `volgen-${i}`, 'Het kabinet blijft dit volgen.', i),
    ]);
    // Section 4 is deleted; a new section is added at the top.
    const revisedSections = [...sections.slice(0, 3), ...sections.slice(4)];
    const revised = `## Nieuw\n\nEen nieuwe inleiding.\n\n` + revisedSections.join('\n');
    const results = new Map(anchorAnnotations(revised, tags, { previous: { text: old } }).map((r) => [r.id, r]));
    for (let i = 0; i < 10; i++) {
      for (const kind of ['inform', 'volgen']) {
        const r = results.get(`${kind}-${i}`)!;
        if (i === 3) {
          assert.equal(r.status, 'orphaned', `${kind}-${i} placed at ${r.start}`);
          continue;
        }
        // Its own section: the heading before it is its own.
        const heading = revised.lastIndexOf('## Onderdeel', r.start);
        assert.equal(revised.slice(heading, revised.indexOf('\n', heading)), `## Onderdeel ${i + 1}`, `${kind}-${i}`);
        assert.equal(r.status, 'moved');
      }
    }
  });

  it('a text the diff cannot align is searched, not mapped: the words found once in new text are offered for review', () => {
    const tag = tagIn(LETTER, 'fn1', FN1);
    // No block of the letter is left and the words differ throughout: nothing for the diff to align.
    const unrelated = Array.from({ length: 3000 }, (_, i) => `woord${i}`).join(' ') + ` ${FN1}\n`;
    const [r] = anchorAnnotations(unrelated, [tag], { previous: { text: LETTER } });
    assert.notEqual(r.reason, 'diff');
    assert.equal(r.status, 'fuzzy');
    assert.equal(textOf(unrelated, r), FN1);
    // And a block that survives whole is found through the diff, however much else changed.
    const kept = Array.from({ length: 3000 }, (_, i) => `woord${i}`).join(' ') + `\n\n[^1]: ${FN1}\n`;
    const [k] = anchorAnnotations(kept, [tag], { previous: { text: LETTER } });
    assert.equal(k.reason, 'diff');
    assert.equal(textOf(kept, k), FN1);
  });

  it('a tag not found in the previous text is searched for as before', () => {
    const tag = { ...tagIn(LETTER, 'fn1', FN1), quote: 'Kamerstukken II 2022–2023, 29 754, nr. 680!' };
    const [r] = anchorAnnotations(LETTER, [tag], { previous: { text: LETTER.replace(FN1, 'iets anders') } });
    assert.notEqual(r.reason, 'diff');
  });

  it('the diff is bounded by counted work, not by time: a run too costly to align stays unaligned, the same on every run', () => {
    // Every paragraph of the letter edited (a word changed in each): one long run of replaced blocks.
    const revised = LETTER.split('\n\n')
      .map((p) => p.replace(/\b(de|het|een)\b/, 'dit'))
      .join('\n\n');
    assert.notEqual(revised, LETTER);
    const aligned = (d: ReturnType<typeof diffTexts>) => (d ? Array.from(d.oldToNew).filter((n) => n >= 0).length : -1);
    const full = diffTexts(LETTER, revised);
    assert.ok(full && aligned(full) > 0.9 * full.old.values.length, 'with the default work the letter aligns');
    const starved = [1, 2, 3].map(() => aligned(diffTexts(LETTER, revised, { work: 1000 })));
    assert.ok(
      starved.every((n) => n === starved[0]),
      `not deterministic: ${starved.join(', ')}`,
    );
    assert.ok(starved[0] < aligned(full), 'the bound did not bound');
  });

  it('a tag made after the previous text was taken stays where it was made, not on the look-alike the old text had', () => {
    const para = 'Het kabinet zal de Kamer voor de zomer informeren over de voortgang van het programma.';
    const before = `# Brief\n\nInleiding over het beleid.\n\n${para}\n\nSlotalinea.\n`;
    const now = `${before}\n${para}\n`; // the paragraph pasted again at the end, and tagged there
    const intro = tagIn(before, 'intro', 'Inleiding');
    const base = { text: before, results: anchorAnnotations(before, [intro]), annotations: [intro] };
    const fresh = tagIn(now, 'fresh', 'voor de zomer informeren', 1);
    const [, r] = anchorAnnotations(now, [intro, fresh], { previous: base });
    assert.equal(r.start, now.lastIndexOf('voor de zomer informeren'), JSON.stringify(r));
  });

  it('a kept result is only reused for the selector it was found with: a re-attached tag goes where it was re-attached', () => {
    const before = '# Brief\n\nHet kabinet zal de Kamer voor de zomer informeren.\n\nDe minister stuurt in het najaar een tweede brief.\n';
    const now = before.replace('voor de zomer', 'voor het zomerreces');
    const x0 = tagIn(before, 'x', 'Het kabinet zal de Kamer voor de zomer informeren.');
    const base = { text: before, results: anchorAnnotations(before, [x0]), annotations: [x0] };
    const x1 = tagIn(now, 'x', 'De minister stuurt in het najaar een tweede brief.');
    const [r] = anchorAnnotations(now, [x1], { previous: base });
    assert.equal(textOf(now, r), x1.quote);
    assert.equal(r.start, x1.start);
  });

  it('a short sentence moved verbatim into new text is offered at its new place (fuzzy), not orphaned', () => {
    const before = '# Debat\n\nDe voorzitter: Wilt u afronden alstublieft?\n\nDe heer Jansen: Ik kom tot een afronding van mijn betoog.\n\nSlot.\n';
    const now = '# Debat\n\nDe voorzitter: Dank u.\n\nDe heer Jansen: Ik kom tot een afronding van mijn betoog. Wilt u afronden alstublieft?\n\nSlot.\n';
    const t = tagIn(before, 'kort', 'Wilt u afronden alstublieft?');
    const [r] = anchorAnnotations(now, [t], { previous: { text: before } });
    assert.equal(r.status, 'fuzzy');
    assert.equal(r.start, now.indexOf('Wilt u afronden'));
  });

  it('a sentence moved and copied into new text: both places offered, never orphaned, never trusted', () => {
    const s = 'Hieruit vloeien diverse verzoeken van de Kamer aan de regering voort.';
    const before = `# Brief\n\nEerste alinea. ${s}\n\nTweede alinea over iets anders.\n\nDerde alinea tot slot.\n`;
    const now = `# Brief\n\nEerste alinea.\n\nTweede alinea over iets anders. ${s}\n\nDerde alinea tot slot. ${s}\n`;
    const [r] = anchorAnnotations(now, [tagIn(before, 'x', s)], { previous: { text: before } });
    assert.equal(r.status, 'fuzzy');
    const places = [r.start, ...(r.alternatives ?? []).map((p) => p.start)].sort((a, b) => a - b);
    assert.deepEqual(places, [now.indexOf(s), now.lastIndexOf(s)]);
  });
});
