import { strict as assert } from 'node:assert';
import { anchorAnnotation, anchorAnnotations, type AnchorResult } from '../../../src/core/annotations/anchor';
import { GOOD_CONTEXT, ORPHAN_THRESHOLD } from '../../../src/core/annotations/anchor-score';
import type { Annotation } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { reanchorLetter, selectorUpdates } from '../../../src/core/annotations/reanchor';
import { LETTER, loadFixture, offsetOf } from './helpers';

/** An annotation on the n-th occurrence of `quote` in the sample letter. */
function tag(id: string, quote: string, occurrence = 0): Annotation {
  const at = offsetOf(LETTER, quote, occurrence);
  return { id, tag: 'measure', ...captureSelector(LETTER, at, at + quote.length) };
}

const IND = tag('ind', 'Een gespecialiseerde afdeling van de IND verricht sinds 1\u00a0juli 2023 een uitgebreider open bronnenonderzoek.');
const LEERLIJN = tag('leerlijn', 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.');
const PARTNERS = tag('partners', 'Alle partners concludeerden dat er in beginsel voldoende mensen, middelen, kennis en wettelijke mogelijkheden zijn');
const MOTIE = tag('motie', 'en daarbij te onderzoeken of dit vaker voorkomt.[^2]');
const LAISSEZ = tag('laissez', 'de afgifte van laissez-passers aan vreemdelingen', 1);
const VEILIGHEID = tag('veiligheid', 'nationale veiligheid', 4);
const SLOT = tag('slot', 'Hiermee versterken we de veiligheid in Nederland.');
const VERKEND = tag(
  'verkend',
  'er meer mogelijkheden zijn tot informatie-uitwisseling wanneer blijkt dat een ander land een verband heeft gelegd met terrorisme',
  0,
);
const ALL = [IND, LEERLIJN, PARTNERS, MOTIE, LAISSEZ, VEILIGHEID, SLOT, VERKEND];

function anchorAll(text: string): Map<string, AnchorResult> {
  return new Map(anchorAnnotations(text, ALL).map((r) => [r.id, r]));
}

/** The result lands on the same words in the new text as the annotation did in the old. */
function assertFollows(text: string, r: AnchorResult, expected: string): void {
  assert.notEqual(r.status, 'orphaned', `${r.id} orphaned`);
  assert.equal(text.slice(r.start, r.end).replace(/\s+/g, ' '), expected.replace(/\s+/g, ' '), r.id);
}

describe('anchoring', () => {
  it('finds every passage of the unchanged letter exactly, with score 1', () => {
    for (const r of anchorAll(LETTER).values()) {
      assert.equal(r.status, 'exact', r.id);
      assert.equal(r.score, 1);
    }
    const fixture = loadFixture().annotations();
    assert.ok(anchorAnnotations(LETTER, fixture).every((r) => r.status === 'exact'));
  });

  it('typo fixes inside a passage: fuzzy, on the corrected words', () => {
    const text = LETTER.replace('uitgebreider open bronnenonderzoek.', 'uitgebreider open-bronnenonderzoek.').replace(
      'nadere uitwerking',
      'nadere uitwerkingen',
    );
    const r = anchorAll(text);
    assert.equal(r.get('ind')!.status, 'fuzzy');
    assertFollows(text, r.get('ind')!, IND.quote.replace('open bronnen', 'open-bronnen'));
    assert.equal(r.get('leerlijn')!.status, 'fuzzy');
    assertFollows(text, r.get('leerlijn')!, 'De komende periode wordt gewerkt aan een nadere uitwerkingen hiervan.');
    assert.ok(r.get('ind')!.score >= ORPHAN_THRESHOLD && r.get('ind')!.score < 1);
    assert.equal(r.get('partners')!.status, 'moved');
    assert.equal(r.get('partners')!.start, PARTNERS.start + 2);
  });

  it('reflowed paragraphs (hard-wrapped at 72 columns): found, whitespace ignored', () => {
    const text = LETTER.split('\n')
      .map((line) => (line.length > 72 ? line.replace(/(.{1,72})(\s|$)/g, '$1\n').trimEnd() : line))
      .join('\n');
    const r = anchorAll(text);
    for (const a of ALL) {
      assert.ok(['exact', 'moved'].includes(r.get(a.id)!.status), `${a.id}: ${r.get(a.id)!.status}`);
      assertFollows(text, r.get(a.id)!, a.quote);
    }
  });

  it('inserted paragraphs: everything below moves by the inserted length', () => {
    const inserted = 'Een nieuwe alinea over iets anders.\n\n'.repeat(3);
    const at = offsetOf(LETTER, '## Stand van zaken maatregelen');
    const text = LETTER.slice(0, at) + inserted + LETTER.slice(at);
    const r = anchorAll(text);
    for (const a of ALL) {
      const res = r.get(a.id)!;
      const shift = a.start >= at ? inserted.length : 0;
      assert.equal(res.start, a.start + shift, a.id);
      assert.equal(res.status, shift ? 'moved' : 'exact', a.id);
    }
  });

  it('deleted paragraphs (untagged): everything below moves back', () => {
    const para = LETTER.match(/In een wereld waarin[^\n]*\n\n/)![0];
    const text = LETTER.replace(para, '');
    for (const a of ALL) assertFollows(text, anchorAll(text).get(a.id)!, a.quote);
  });

  it('renumbered footnotes: a passage with a footnote marker follows the new number', () => {
    const text = LETTER.replace('[^2]', '[^3]')
      .replace('[^1]', '[^2]')
      .replace('Den Haag, 18 juni 2024', 'Den Haag, 18 juni 2024[^1]')
      .replace('[^2]: Kamerstukken II 2022–2023, 29 754, nr. 683.', '[^3]: Kamerstukken II 2022–2023, 29 754, nr. 683.')
      .replace('[^1]: Kamerstukken', '[^1]: Nieuwe voetnoot.\n[^2]: Kamerstukken');
    const r = anchorAll(text).get('motie')!;
    assert.equal(r.status, 'fuzzy');
    assertFollows(text, r, 'en daarbij te onderzoeken of dit vaker voorkomt.[^3]');
  });

  it('a footnote inserted before the others, without the previous text: the tag stays on its own footnote, word for word', () => {
    const FN1 = 'Kamerstukken II 2022–2023, 29 754, nr. 680.';
    const FN2 = 'Kamerstukken II 2022–2023, 29 754, nr. 683.';
    const fn = tag('fn1', FN1);
    const text = LETTER.replace(`[^1]: ${FN1}\n[^2]: ${FN2}`, `[^1]: Kamerstukken II 2023–2024, 29 754, nr. 3212.\n[^2]: ${FN1}\n[^3]: ${FN2}`);
    assert.notEqual(text, LETTER);
    const [r] = anchorAnnotations(text, [fn]);
    assert.equal(r.start, text.indexOf(`[^2]: ${FN1}`) + 6, `on ${JSON.stringify(text.slice(r.start, r.end))}`);
    assert.notEqual(r.status, 'orphaned');
  });

  it('a deleted tagged passage is orphaned, never moved elsewhere', () => {
    const text = LETTER.replace(' De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', '').replace(
      'Hiermee versterken we de veiligheid in Nederland.',
      '',
    );
    const r = anchorAll(text);
    assert.equal(r.get('leerlijn')!.status, 'orphaned');
    assert.equal(r.get('slot')!.status, 'orphaned');
    assert.equal(r.get('leerlijn')!.start, LEERLIJN.start, 'an orphan keeps its stored position');
    assert.equal(r.get('partners')!.status, 'moved');
  });

  it('the same phrase elsewhere with the wrong context does not win', () => {
    // The phrase is also in the heading of section 3, with other words around it.
    const para = LETTER.match(/Ook wordt het beleid over de afgifte[^\n]*\n\n/)![0];
    const r = anchorAnnotation(LETTER.replace(para, ''), LAISSEZ);
    assert.equal(r.status, 'orphaned');
    // With the paragraph present, the tagged occurrence wins over the heading's.
    assert.equal(anchorAnnotation(LETTER, { ...LAISSEZ, start: 0, end: 0 }).start, LAISSEZ.start);
  });

  it('a similar sentence elsewhere (the heading repeating a deleted paragraph) does not inherit the tag', () => {
    const para = LETTER.match(/Zowel binnen de asiel- en veiligheidsketen[^\n]*\n\n/)![0];
    const r = anchorAnnotation(LETTER.replace(para, ''), VERKEND);
    assert.equal(r.status, 'orphaned');
  });

  it('a short common phrase follows its own occurrence when the letter above it changes', () => {
    const text = LETTER.replace('In een wereld waarin', 'In een snel veranderende wereld waarin');
    assertFollows(text, anchorAnnotation(text, VEILIGHEID), 'nationale veiligheid');
    assert.equal(anchorAnnotation(text, VEILIGHEID).start, VEILIGHEID.start + ' snel veranderende'.length);
  });

  it('a moved paragraph is found in its new place', () => {
    const para = LETTER.match(/Alle partners concludeerden[^\n]*\n\n/)![0];
    const at = offsetOf(LETTER, '## Stand van zaken maatregelen');
    const text = LETTER.slice(0, at) + para + LETTER.slice(at).replace(para, '');
    const r = anchorAnnotation(text, PARTNERS);
    assert.equal(r.status, 'moved');
    assert.equal(r.start, at);
  });

  it('a rewritten passage (more than a quarter changed) is orphaned', () => {
    const text = LETTER.replace(LEERLIJN.quote, 'In de komende maanden werkt de IND de leerlijn verder uit met partners.');
    assert.equal(anchorAnnotation(text, LEERLIJN).status, 'orphaned');
  });

  it('stale or impossible hints do not matter when the quote is there', () => {
    for (const start of [0, LETTER.length, LETTER.length + 500, IND.start + 3]) {
      const r = anchorAnnotation(LETTER, { ...IND, start, end: start + 5 });
      assert.equal(r.start, IND.start);
      assert.equal(r.status, 'moved');
    }
  });

  it('an empty letter orphans everything; an empty quote is orphaned', () => {
    assert.ok(anchorAnnotations('', ALL).every((r) => r.status === 'orphaned'));
    assert.equal(anchorAnnotation(LETTER, { ...IND, quote: '  ' }).status, 'orphaned');
  });

  it('re-anchoring to a new version reports unchanged, moved, changed and orphaned, with updates', () => {
    const text = ('Nieuwe inleiding.\n\n' + LETTER)
      .replace('nadere uitwerking', 'nadere uitwerkingen')
      .replace('Hiermee versterken we de veiligheid in Nederland.', '');
    const report = reanchorLetter(ALL, text);
    assert.deepEqual(report.orphaned, ['slot']);
    assert.ok(report.changed.includes('leerlijn'));
    assert.ok(report.moved.includes('ind'));
    assert.equal(report.unchanged.length, 0);
    assert.ok(!report.updates.some((u) => u.id === 'slot'));
    // A changed passage is stored only when the analyst accepts its new text.
    assert.ok(!report.updates.some((u) => u.id === 'leerlijn'));
    const leerlijn = reanchorLetter(ALL, text, { acceptChanged: true }).updates.find((u) => u.id === 'leerlijn')!;
    assert.equal(leerlijn.quote, 'De komende periode wordt gewerkt aan een nadere uitwerkingen hiervan.');
    assert.equal(text.slice(leerlijn.start, leerlijn.end), leerlijn.quote);
  });

  it('honours an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    assert.throws(() => anchorAnnotations(LETTER, ALL, { signal: controller.signal }));
  });

  it('captures 32 characters of context without splitting a surrogate pair', () => {
    // A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // Odd and even lead-ins and quote lengths put the 32-unit cut both between pairs and inside one.
    for (const lead of ['', 'x']) {
      for (const quote of ['quote', 'quote!']) {
        const text = lead + '😀'.repeat(20) + quote + '😀'.repeat(20);
        const at = lead.length + 40;
        const s = captureSelector(text, at, at + quote.length);
        assert.equal(s.quote, quote);
        assert.ok(s.prefix.length <= 32 && s.suffix.length <= 32);
        assert.ok(s.prefix.length >= 31 && s.suffix.length >= 31, 'at most one code unit is given up per side');
        assert.ok(!lone.test(s.prefix), `prefix ${JSON.stringify(s.prefix)} splits a pair`);
        assert.ok(!lone.test(s.suffix), `suffix ${JSON.stringify(s.suffix)} splits a pair`);
        assert.ok([...s.prefix].every((ch) => ch === '😀') && [...s.suffix].every((ch) => ch === '😀'));
        assert.equal(text.slice(s.start - s.prefix.length, s.end + s.suffix.length), s.prefix + s.quote + s.suffix);
      }
    }
  });

  describe('the same words elsewhere without their context (deleted passages, summaries, duplicates)', () => {
    /** The letter's conclusion sentence, whole (longer than prefix and suffix together). */
    const SENTENCE =
      'Alle partners concludeerden dat er in beginsel voldoende mensen, middelen, kennis en wettelijke mogelijkheden zijn om bij deze specifieke casuïstiek signalen die de nationale veiligheid kunnen raken te onderkennen en te zorgen voor passende opvolging.';
    const CONCLUSION = tag('conclusie', SENTENCE);
    const OPENING = 'De asielprocedure heeft tot doel';
    /** `text` with `paragraph` inserted as a paragraph before the first occurrence of `before`. */
    const insertBefore = (text: string, before: string, paragraph: string) => {
      const at = offsetOf(text, before);
      return text.slice(0, at) + paragraph + '\n\n' + text.slice(at);
    };

    it('a deleted conclusion repeated in a summary at the top is orphaned, alone and among other tags', () => {
      assert.ok(SENTENCE.length > 64);
      const text = insertBefore(LETTER.replace(SENTENCE + ' ', ''), OPENING, `Samenvatting. ${SENTENCE}`);
      const single = anchorAnnotation(text, CONCLUSION);
      assert.equal(single.status, 'orphaned');
      assert.equal(single.start, CONCLUSION.start, 'an orphan reports its stored hint');
      assert.ok(single.score < ORPHAN_THRESHOLD);
      const results = new Map(anchorAnnotations(text, [...ALL, CONCLUSION]).map((r) => [r.id, r]));
      assert.equal(results.get('conclusie')!.status, 'orphaned');
      // (PARTNERS, the first half of the same sentence, keeps its suffix in the copy — the rest of its own
      // sentence — and cannot be told from a moved paragraph by its selector; it is not asserted here.)
      // The others shift with the summary and are found.
      for (const a of [IND, LEERLIJN, MOTIE, LAISSEZ, SLOT]) assertFollows(text, results.get(a.id)!, a.quote);
      // Nothing is stored for the orphan.
      const updates = selectorUpdates([...ALL, CONCLUSION], [...results.values()]);
      assert.ok(!updates.some((u) => u.id === 'conclusie'));
    });

    it('a deleted passage whose sentence is added in another section is orphaned', () => {
      for (const place of ['## Robuust systeem', '### 4. Onderzoeken', OPENING, 'De Minister van Justitie en Veiligheid,']) {
        const text = insertBefore(LETTER.replace(' ' + LEERLIJN.quote, ''), place, LEERLIJN.quote);
        assert.equal(anchorAnnotation(text, LEERLIJN).status, 'orphaned', place);
        assert.equal(anchorAll(text).get('leerlijn')!.status, 'orphaned', place);
      }
      // Also when the sentence is added into another paragraph, between two sentences.
      const text = LETTER.replace(' ' + LEERLIJN.quote, '').replace('Dit komt ook de naslag', `${LEERLIJN.quote} Dit komt ook de naslag`);
      assert.equal(anchorAnnotation(text, LEERLIJN).status, 'orphaned');
    });

    it('a deleted sentence that also occurs elsewhere, with a typo, is not inherited either', () => {
      const edited = SENTENCE.replace('passende opvolging', 'passende opvolgingen');
      const text = insertBefore(LETTER.replace(SENTENCE + ' ', ''), OPENING, `Samenvatting. ${edited}`);
      assert.equal(anchorAnnotation(text, CONCLUSION).status, 'orphaned');
    });

    it('the same sentence twice, the original unchanged: the original wins', () => {
      const below = insertBefore(LETTER, 'De Minister van Justitie en Veiligheid,', `Samengevat: ${SENTENCE}`);
      const r = anchorAnnotation(below, CONCLUSION);
      assert.equal(r.status, 'exact');
      assert.equal(r.start, CONCLUSION.start);
      assert.equal(anchorAnnotation(below, { ...CONCLUSION, start: 0, end: 0 }).start, CONCLUSION.start, 'even with a useless hint');
      // A summary above shifts the original; it still wins over the copy at the top.
      const summary = `Samenvatting. ${SENTENCE}`;
      const above = insertBefore(LETTER, OPENING, summary);
      for (const result of [anchorAnnotation(above, CONCLUSION), anchorAnnotations(above, [IND, CONCLUSION])[1]]) {
        assert.equal(result.status, 'moved');
        assert.equal(result.start, CONCLUSION.start + summary.length + 2);
      }
    });

    it('a section moved elsewhere whole, with its heading, is found (moved or fuzzy, never orphaned)', () => {
      const section = LETTER.match(/### 2\. De IND zal[^\n]*\n\n[^\n]*\n\n/)![0];
      const rest = LETTER.replace(section, '');
      const text = insertBefore(rest, '## Robuust systeem', section.trimEnd());
      const tags = [
        IND,
        tag('maatregel', 'Met deze maatregel wordt beoogd de melding aan de AIVD completer te maken.'),
        tag('naslag', 'Dit komt ook de naslag in de eigen systemen door de AIVD ten goede.'),
      ];
      for (const r of anchorAnnotations(text, tags)) {
        assert.ok(['moved', 'fuzzy'].includes(r.status), `${r.id}: ${r.status}`);
        assertFollows(text, r, tags.find((a) => a.id === r.id)!.quote);
      }
    });

    it('a paragraph moved whole keeps the context of its next sentence: moved', () => {
      const para = LETTER.match(/Alle partners concludeerden[^\n]*\n\n/)![0];
      const text = insertBefore(LETTER.replace(para, ''), '## Stand van zaken maatregelen', para.trimEnd());
      const r = anchorAnnotation(text, CONCLUSION);
      assert.equal(r.status, 'moved');
      assertFollows(text, r, SENTENCE);
      assert.ok(r.context! >= GOOD_CONTEXT);
    });

    it('an unchanged quote whose surroundings were both rewritten, at its place: fuzzy, and not stored', () => {
      // The sentences before and after the tagged one are rewritten (same length, so the passage stays put).
      const before =
        'Voor een goede toepassing van de vastgestelde screeningsinstructie en uitbreiding van de training en expertise van screeners ontwikkelt de IND een zogeheten leerlijn screening.';
      const after =
        '### 2. De IND zal bij een signaal dat een persoon mogelijk een gevaar vormt voor de nationale veiligheid, een uitgebreider open bronnenonderzoek verrichten.';
      const text = LETTER.replace(before, 'X'.repeat(before.length - 20) + ' '.repeat(19) + '.').replace(after, 'Y'.repeat(after.length));
      const r = anchorAnnotation(text, LEERLIJN);
      assert.equal(r.status, 'fuzzy');
      assert.equal(r.start, LEERLIJN.start);
      assert.ok(r.context! < GOOD_CONTEXT);
      assert.deepEqual(selectorUpdates([LEERLIJN], [r], { acceptChanged: true }), [], 'a fuzzy match whose context did not agree is not stored, even accepted');
      // The same sentence with that lack of context far from its place is not accepted at all.
      const far = insertBefore(text.replace(LEERLIJN.quote, ''), '## Robuust systeem', LEERLIJN.quote);
      assert.equal(anchorAnnotation(far, LEERLIJN).status, 'orphaned');
    });

    it('moved is reserved for a verbatim quote with good context; typo fixes are fuzzy and stored only when accepted', () => {
      const text = ('Nieuwe inleiding.\n\n' + LETTER).replace('nadere uitwerking', 'nadere uitwerkingen');
      const results = anchorAnnotations(text, ALL);
      for (const r of results) {
        if (r.status === 'moved') assert.ok(r.context! >= GOOD_CONTEXT, r.id);
      }
      const leerlijn = results.find((r) => r.id === 'leerlijn')!;
      assert.equal(leerlijn.status, 'fuzzy');
      assert.ok(leerlijn.context! >= GOOD_CONTEXT);
      assert.ok(!selectorUpdates(ALL, results).some((u) => u.id === 'leerlijn'));
      assert.ok(selectorUpdates(ALL, results, { acceptChanged: true }).some((u) => u.id === 'leerlijn'));
    });
  });
});
