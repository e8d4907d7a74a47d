import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { defaultTaxonomy, taxonomyFromSetting } from '../../../src/core/annotations';
import { exportMarkdownOptions, exportTaggedLetter, type LetterExportInput } from '../../../src/core/export';
import { bundledSource } from '../../../src/core/metadata';
import { bundledTitle, SAMPLE_LETTER, sampleAnnotations, tagOf } from '../preview/helpers';

const newMarkdownIt = () => new MarkdownIt({ html: true, linkify: true });
const sampleMeta = () =>
  bundledSource()
    .records()
    .find((r) => r.id === 'kst-29754-716');

function exportOf(input: Partial<LetterExportInput> = {}): string {
  return exportTaggedLetter(newMarkdownIt, {
    letterText: SAMPLE_LETTER,
    fileName: 'kst-29754-716.md',
    annotations: sampleAnnotations(),
    taxonomy: defaultTaxonomy(),
    language: 'nl',
    metadata: sampleMeta(),
    citationTitle: bundledTitle,
    ...input,
  });
}

/** Every URL the page would load by itself: src attributes of elements, <link> elements, CSS url() and @import. */
function resourceUrls(html: string): string[] {
  return [
    ...[...html.matchAll(/<[a-z][^>]*\ssrc\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]),
    ...[...html.matchAll(/url\(([^)]*)\)/gi)].map((m) => m[1]),
    ...[...html.matchAll(/@import[^;]*/gi)].map((m) => m[0]),
  ];
}

/** Every in-page link (`href="#…"`) has its target: notes and their references point at each other. */
function assertInPageLinksResolve(html: string): void {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(targets.length > 0, 'the page has notes');
  assert.deepEqual(
    targets.filter((t) => !ids.has(t)),
    [],
    'links without a target',
  );
}

const countsOf = (html: string) =>
  Object.fromEntries([...html.matchAll(/<tr data-kst-tag="([^"]+)"><td>.*?<\/td><td class="kst-number">(\d+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2])]));

describe('export: a tagged letter as one HTML page', () => {
  it('holds the letter with its tags marked, a summary with counts per tag, the legend, notes and metadata', () => {
    const html = exportOf();
    assert.match(html, /^<!DOCTYPE html>\n<html lang="nl">/);
    assert.deepEqual(countsOf(html), { measure: 3, commitment: 2, conclusion: 1 });
    assert.equal(html.match(/<tr data-kst-id=/g)?.length, 6, 'one summary row per passage');
    assert.equal(new Set([...html.matchAll(/<mark [^>]*data-kst-id="([^"]+)"/g)].map((m) => m[1])).size, 6);
    assert.match(html, /<h2>Overzicht<\/h2>/);
    assert.match(html, /<div class="kst-legend"><h2>Legenda<\/h2>/);
    // Five passages have a status or a note: each has a numbered note, referred to right after the passage.
    const notes = [...html.matchAll(/<li id="kst-note-(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(notes.length, 5);
    for (const n of notes) assert.match(html, new RegExp(`<sup class="kst-note-ref"><a href="#kst-note-${n}" id="kst-note-ref-${n}">${n}</a></sup>`));
    assert.match(html, /<li id="kst-note-\d+" value="\d+">.*?<span class="kst-status">betwist<\/span> — <span class="kst-note">Termijn: zomer 2024\./);
    assert.match(html, /Verwijst naar: kst-29754-683/);
    // Metadata from the front matter, completed by the catalog.
    assert.match(html, /<dd data-kst-field="id">kst-29754-716<\/dd>/);
    assert.match(html, /<dd data-kst-field="dossier">29754 Terrorismebestrijding<\/dd>/);
    assert.match(html, /<dd data-kst-field="signatories">[^<]*Yeşilgöz-Zegerius/);
    assert.match(html, /<title>Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen<\/title>/);
    // Citations link to the official publication, with the title as tooltip; the front matter is not shown as text.
    assert.match(
      html,
      /<a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-683\.html"[^>]*title="Motie van het lid Van Haga">/,
    );
    assert.doesNotMatch(html, /documentnummer: 2024D25640/);
  });

  it('is self-contained: no scripts, no resources from the network, print styles inline', () => {
    const html = exportOf();
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(resourceUrls(html), []);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(html, /<style>[\s\S]*@media print[\s\S]*print-color-adjust: exact[\s\S]*<\/style>/);
  });

  it('escapes everything from the letter, the notes and the settings; remote images become their description', () => {
    const letter = [
      '---',
      'titel: "<script>alert(1)</script>"',
      '---',
      '',
      'Een zin met <script>alert(2)</script> en <img src="https://example.org/x.png" onerror="alert(3)">.',
      '',
      '![logo](https://example.org/logo.png) en [klik](javascript:alert(4)) en een tag.',
      '',
    ].join('\n');
    const { taxonomy } = taxonomyFromSetting({ measure: { label: '<b onmouseover=alert(5)>m</b>', color: '#123456;background:url(https://x)' } });
    const html = exportOf({
      letterText: letter,
      annotations: [tagOf(letter, 'x1', 'measure', 'een tag', { note: '</li><script>alert(6)</script>', status: 'agreed', refs: ['<i>kst</i>'] })],
      taxonomy,
      metadata: undefined,
      language: 'en',
    });
    // No element from the input: only its text. No event handler on any element, no javascript: link.
    assert.doesNotMatch(html, /<script|<img|<b |<i>|href="javascript:/i);
    assert.doesNotMatch(html.replace(/"[^"]*"/g, '""'), /<[a-z][^>]*\son\w+=/i);
    assert.deepEqual(resourceUrls(html), []);
    assert.match(html, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.match(html, /Een zin met &lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(html, /<span class="kst-image">\[image: logo\]<\/span>/);
    assert.match(html, /<span class="kst-note">&lt;\/li&gt;&lt;script&gt;alert\(6\)&lt;\/script&gt;<\/span>/);
    assert.match(html, /Refers to: &lt;i&gt;kst&lt;\/i&gt;/);
    assert.match(html, /--kst-tag-color:#808080/);
    assert.match(html, /<h2>Summary<\/h2>/);
  });

  it('counts orphans in the summary and lists them with their notes', () => {
    const annotations = sampleAnnotations();
    annotations[0] = { ...annotations[0], quote: 'Een passage die er niet meer staat.', prefix: 'x', suffix: 'y' };
    const html = exportOf({ annotations, language: 'en' });
    assert.deepEqual(countsOf(html), { measure: 3, commitment: 2, conclusion: 1 });
    assert.equal(new Set([...html.matchAll(/<mark [^>]*data-kst-id="([^"]+)"/g)].map((m) => m[1])).size, 5);
    assert.match(html, /<div class="kst-orphans"><h2>Tags no longer found in the text<\/h2>.*data-kst-id="m3a8k2x7q1".*Maatregel 1: screeningsinstructie/s);
  });

  it('a letter without tags says so', () => {
    const html = exportOf({ annotations: [], language: 'en' });
    assert.match(html, /<p>This letter has no tags\.<\/p>/);
    assert.deepEqual(countsOf(html), { measure: 0, commitment: 0, conclusion: 0 });
  });

  it('marks a tag in a table cell, with its note reference there for the note’s way back', () => {
    const letter = ['# Brief', '', '| Maatregel | Termijn |', '| --- | --- |', '| Screening van aanvragen | voor de zomer |', ''].join('\n');
    const html = exportOf({
      letterText: letter,
      annotations: [tagOf(letter, 't1', 'measure', 'Screening van aanvragen', { note: 'In de tabel.' })],
      metadata: undefined,
    });
    assert.match(
      html,
      /<td><span class="kst-tag-label"[^>]*>maatregel<\/span><mark [^>]*data-kst-id="t1"[^>]*>Screening van aanvragen<\/mark><sup class="kst-note-ref"><a href="#kst-note-1" id="kst-note-ref-1">1<\/a><\/sup><\/td>/,
    );
    assertInPageLinksResolve(html);
  });

  it('lists tags the letter’s rendered text does not show (a code block), with their notes, in the reader’s language', () => {
    const letter = ['# Brief', '', '```', 'maatregel in code', '```', '', 'Gewone tekst.', ''].join('\n');
    const annotations = [tagOf(letter, 'c1', 'measure', 'maatregel in code', { note: 'Staat in code.' }), tagOf(letter, 'g1', 'conclusion', 'Gewone tekst')];
    for (const [language, heading] of [
      ['nl', 'Labels die niet in de getoonde tekst staan'],
      ['en', 'Tags not shown in the text'],
    ] as const) {
      const html = exportOf({ letterText: letter, annotations, metadata: undefined, language });
      assert.match(
        html,
        new RegExp(`<div class="kst-unshown"><h2>${heading}</h2><p>[^<]+</p><ul><li data-kst-id="c1">.*<a href="#kst-note-1" id="kst-note-ref-1">1</a>`),
      );
      assert.doesNotMatch(html, /<mark [^>]*data-kst-id="c1"/);
      assertInPageLinksResolve(html);
    }
  });

  it('builds its notes from the same anchoring as the marks (markdown-it’s normalised source), so note links resolve', () => {
    // markdown-it reads U+0000 as U+FFFD: anchored against the file's own text, the tag would be exact there and
    // changed in the render, and the render's note reference would have no note.
    const letter = 'Een zin met een nul\u0000teken erin en meer tekst daarna.\n';
    const html = exportOf({ letterText: letter, annotations: [tagOf(letter, 'z1', 'measure', 'nul\u0000teken erin')], metadata: undefined });
    assert.match(html, /data-kst-id="z1"/);
    assertInPageLinksResolve(html);
  });

  it('hides front matter after a byte order mark', () => {
    const letter = '\uFEFF---\ntitel: Een brief met BOM\nkamerstuk: kst-36000-1\n---\n\nDe tekst.\n';
    const html = exportOf({ letterText: letter, annotations: [], metadata: undefined });
    assert.match(html, /<title>Een brief met BOM<\/title>/);
    assert.match(html, /<main class="kst-letter"><h2>De brief<\/h2>\n+<p>De tekst\.<\/p>/);
    assert.doesNotMatch(html, /<hr>|titel: Een brief/);
  });

  it('sets markdown-it’s options itself: a default instance (as VS Code’s Markdown extension gives) links bare addresses too', () => {
    const letter = 'Zie https://www.tweedekamer.nl/kamerstukken voor meer.\n';
    for (const factory of [() => new MarkdownIt(), () => new MarkdownIt({ html: true, linkify: false, typographer: true })]) {
      const html = exportTaggedLetter(factory, { letterText: letter, fileName: 'x.md', annotations: [], taxonomy: defaultTaxonomy(), language: 'en' });
      assert.match(html, /<a href="https:\/\/www\.tweedekamer\.nl\/kamerstukken">https:\/\/www\.tweedekamer\.nl\/kamerstukken<\/a>/);
    }
    assert.deepEqual(exportMarkdownOptions(), { html: false, linkify: true, typographer: false, breaks: false, xhtmlOut: false });
  });
});
