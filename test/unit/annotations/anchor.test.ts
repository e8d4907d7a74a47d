import { strict as assert } from 'node:assert';
import { anchorAnnotation, anchorAnnotations, type AnchorResult } from '../../../src/core/annotations/anchor';
import { ORPHAN_THRESHOLD } from '../../../src/core/annotations/anchor-score';
import type { Annotation } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { reanchorLetter } from '../../../src/core/annotations/reanchor';
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
const VERKEND = tag('verkend', 'er meer mogelijkheden zijn tot informatie-uitwisseling wanneer blijkt dat een ander land een verband heeft gelegd met terrorisme', 0);
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
    const text = LETTER.replace('uitgebreider open bronnenonderzoek.', 'uitgebreider open-bronnenonderzoek.').replace('nadere uitwerking', 'nadere uitwerkingen');
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

  it('a deleted tagged passage is orphaned, never moved elsewhere', () => {
    const text = LETTER.replace(' De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', '').replace('Hiermee versterken we de veiligheid in Nederland.', '');
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
    const leerlijn = report.updates.find((u) => u.id === 'leerlijn')!;
    assert.equal(leerlijn.quote, 'De komende periode wordt gewerkt aan een nadere uitwerkingen hiervan.');
    assert.equal(text.slice(leerlijn.start, leerlijn.end), leerlijn.quote);
  });

  it('honours an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    assert.throws(() => anchorAnnotations(LETTER, ALL, { signal: controller.signal }));
  });

  it('captures 32 characters of context without splitting a surrogate pair', () => {
    const text = '😀'.repeat(20) + 'quote' + '😀'.repeat(20);
    const s = captureSelector(text, 40, 45);
    assert.equal(s.quote, 'quote');
    assert.ok(s.prefix.length <= 32 && s.suffix.length <= 32);
    assert.equal([...s.prefix].join(''), s.prefix);
    assert.ok(!/^[\udc00-\udfff]/.test(s.prefix) && !/[\ud800-\udbff]$/.test(s.suffix));
  });
});
