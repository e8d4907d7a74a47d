import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { defaultTaxonomy, taxonomyFromSetting } from '../../../src/core/annotations';
import { hideFrontMatter, kamerstukPreviewPlugin, type LetterTags } from '../../../src/core/preview';
import { assertGolden, renderPreview, SAMPLE_BRIEF, SAMPLE_LETTER, sampleAnnotations, tagOf } from './helpers';

const marksOf = (html: string) => [...html.matchAll(/<mark class="kst-tag[^"]*"[^>]*data-kst-id="([^"]+)"/g)].map((m) => m[1]);
const linksOf = (html: string) => [...html.matchAll(/<a class="kst-citation" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));

/** Whether every element opened is closed in order (the marks nest). */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(mark|a|span|sup|em|strong|p|h\d|section|div|ul|li|q)\b[^>]*>/g)) {
    if (!m[1]) stack.push(m[2]);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

// Tags that overlap, nest, and cross emphasis and a footnote reference.
const SMALL_LETTER = `---
kamerstuk: kst-36000-1
---

# Brief

De minister *zegt toe* dat de Kamer vóór de zomer een brief ontvangt.[^1] Daarna volgt een besluit over de **financiering**.

De Immigratie &amp; Naturalisatiedienst \\*versterkt\\* het onderzoek.

[^1]: Kamerstukken II 2023/24, 36 000, nr. 2.
`;
const SMALL_TAGS = [
  tagOf(SMALL_LETTER, 'a1', 'commitment', 'zegt toe* dat de Kamer vóór de zomer een brief ontvangt.[^1] Daarna', { status: 'agreed', note: 'Termijn: zomer.' }),
  tagOf(SMALL_LETTER, 'b2', 'measure', 'de Kamer vóór de zomer'),
  tagOf(SMALL_LETTER, 'c3', 'conclusion', 'een brief ontvangt.[^1] Daarna volgt een besluit over de **financiering', { status: 'disputed' }),
  tagOf(SMALL_LETTER, 'd4', 'measure', 'Immigratie &amp; Naturalisatiedienst \\*versterkt\\*'),
  { ...tagOf(SMALL_LETTER, 'e5', 'measure', 'Daarna volgt'), quote: 'Een zin die uit de brief is verdwenen.', prefix: 'niets ervoor', suffix: 'niets erna' },
];

describe('reading view: the markdown-it plugin', () => {
  it('marks the sample letter’s tagged passages and links its citations (golden, Dutch)', () => {
    const html = renderPreview(SAMPLE_LETTER, { annotations: sampleAnnotations(), language: 'nl' });
    assertGolden('sample-letter.nl.html', html);
    assert.deepEqual(new Set(marksOf(html)), new Set(sampleAnnotations().map((a) => a.id)));
    assert.match(html, /<h2>Legenda<\/h2>/);
    assert.ok(linksOf(html).some((l) => l.href === 'https://zoek.officielebekendmakingen.nl/kst-29754-680.html'));
    assert.ok(balanced(html));
  });

  it('links the sample brief’s citations: the workspace letter when present, else the publication; code stays code (golden)', () => {
    const html = renderPreview(SAMPLE_BRIEF, { letters: { 'kst-29754-716': '../letters/kst-29754-716.md' } });
    assertGolden('sample-brief.en.html', html);
    const links = linksOf(html);
    assert.deepEqual(
      links.filter((l) => l.href.includes('716')).map((l) => l.text),
      ['Kamerstukken II 2023/24, 29 754, nr. 716', 'kst-29754-716'],
    );
    assert.ok(links.every((l) => !l.href.includes('716') || l.href === '../letters/kst-29754-716.md'));
    // A TK number has no publication page of its own: it is marked, with its title, but not linked.
    assert.match(html, /<span class="kst-citation" data-kst-ref="2024D25640" title="Stand van zaken[^"]*">2024D25640<\/span>/);
    assert.ok(
      links.some(
        (l) => l.href === 'https://zoek.officielebekendmakingen.nl/kst-29754-683.html' && l.text === 'motie van het lid Van Haga (Kamerstuk 29 754, nr. 683)',
      ),
    );
    // The bundled catalog's title is the tooltip.
    assert.match(html, /data-kst-ref="kst-29754-716" title="Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen"/);
    // The code block's `29 754, nr. 999` and the existing link are left alone; a brief has no legend.
    assert.match(html, /<code class="language-text">Codevoorbeeld, geen verwijzing: 29 754, nr. 999\n<\/code>/);
    assert.doesNotMatch(html, /nr\. 999<\/a>/);
    assert.doesNotMatch(html, /<a[^>]*><a/);
    assert.doesNotMatch(html, /kst-legend/);
  });

  it('keeps overlapping and nested tags readable across emphasis and a footnote reference (golden)', () => {
    const html = renderPreview(SMALL_LETTER, { annotations: SMALL_TAGS, footnotes: true });
    assertGolden('overlapping-tags.en.html', html);
    assert.ok(balanced(html), 'marks nest properly');
    // Each passage's label is shown once, where it starts.
    for (const label of ['commitment', 'conclusion']) assert.equal(html.split(`>${label}</span><mark`).length - 1, 1, label);
    // The commitment is cut at the emphasis and at the footnote reference, and covers both sides of them; the
    // measure nests inside it, the conclusion overlaps its end and reaches into the bold text.
    assert.match(html, /<em><span class="kst-tag-label"[^>]*>commitment<\/span><mark [^>]*data-kst-id="a1"[^>]*>zegt toe<\/mark><\/em>/);
    assert.match(
      html,
      /<mark [^>]*data-kst-id="a1"[^>]*> dat <span[^>]*>measure<\/span><mark [^>]*data-kst-id="b2"[^>]*>de Kamer vóór de zomer<\/mark> <span[^>]*>conclusion<\/span><mark [^>]*data-kst-id="c3"[^>]*>een brief ontvangt\.<\/mark><\/mark><sup class="footnote-ref">\[1\]<\/sup><mark [^>]*data-kst-id="a1"[^>]*><mark [^>]*data-kst-id="c3"[^>]*> Daarna<\/mark><\/mark><mark [^>]*data-kst-id="c3"[^>]*> volgt een besluit over de <\/mark><strong><mark [^>]*data-kst-id="c3"[^>]*>financiering<\/mark><\/strong>/,
    );
    // Entities and backslash escapes in a passage.
    assert.match(html, /data-kst-id="d4"[^>]*>Immigratie &amp; Naturalisatiedienst \*versterkt\*<\/mark>/);
    // The orphan is listed at the end, not placed.
    assert.deepEqual(
      marksOf(html).filter((id) => id === 'e5'),
      [],
    );
    assert.match(html, /<div class="kst-orphans"><h2>Tags no longer found in the text<\/h2>.*data-kst-id="e5"/s);
  });

  it('renders hostile notes, labels, colours, titles and links inert', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { taxonomy } = taxonomyFromSetting({ measure: { label: hostile, color: 'red;background:url(javascript:alert(3))' } });
    const letter = 'Kamerstuk 29 754, nr. 683 zegt iets. [klik](javascript:alert(4)) en <https://example.org/x>.\n';
    const html = renderPreview(letter, {
      annotations: [tagOf(letter, 'h1', 'measure', 'zegt iets', { note: `"><script>alert(5)</script>`, status: 'agreed' })],
      taxonomy,
      context: {
        title: () => '"><script>alert(6)</script>',
        letterHref: () => 'javascript:alert(7)',
      },
    });
    assert.doesNotMatch(html, /<script|<img|onerror="|href="javascript:|url\(javascript/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /title="[^"]*&quot;&gt;&lt;script&gt;alert\(5\)/);
    assert.match(html, /--kst-tag-color:#808080/);
    // The citation's unsafe link target is dropped: the citation stays a span with its (escaped) title.
    assert.match(
      html,
      /<span class="kst-citation" data-kst-ref="kst-29754-683" title="&quot;&gt;&lt;script&gt;alert\(6\)&lt;\/script&gt;">Kamerstuk 29 754, nr. 683<\/span>/,
    );
    assert.match(html, /\[klik\]\(javascript:alert\(4\)\)/, 'markdown-it does not link javascript:');
  });

  it('places tags in a CRLF letter where it places them in the LF letter', () => {
    const lf = renderPreview(SAMPLE_LETTER, { annotations: sampleAnnotations() });
    const crlf = renderPreview(SAMPLE_LETTER.replace(/\n/g, '\r\n'), { annotations: sampleAnnotations() });
    assert.equal(crlf, lf);
  });

  it('marks a passage whose words changed as changed, in the reader’s language', () => {
    const edited = SAMPLE_LETTER.replace('De komende periode wordt gewerkt', 'De komende maanden wordt gewerkt');
    const html = renderPreview(edited, { annotations: sampleAnnotations(), language: 'nl' });
    assert.match(html, /class="kst-tag kst-line-1 kst-changed kst-status-proposed"[^>]*data-kst-id="c5t1w8n3h2"[^>]*>De komende maanden wordt gewerkt/);
    assert.match(html, /<span class="kst-changed-note">\(gewijzigd\)<\/span>/);
  });

  it('renders cached tokens again with the tags of the moment (VS Code keeps tokens per document version)', () => {
    const md = hideFrontMatter(new MarkdownIt({ html: true }));
    const now: { tags?: LetterTags } = {};
    kamerstukPreviewPlugin(md, { letter: () => now.tags });
    const tokens = md.parse(SAMPLE_LETTER, {});
    assert.deepEqual(marksOf(md.renderer.render(tokens, md.options, {})), []);
    now.tags = { annotations: sampleAnnotations().slice(0, 2), taxonomy: defaultTaxonomy() };
    assert.deepEqual(marksOf(md.renderer.render(tokens, md.options, {})), ['m3a8k2x7q1', 'c5t1w8n3h2']);
  });

  it('places tags in text the typographer rewrote, and leaves text a plugin rewrote unmarked rather than misplaced', () => {
    const letter = 'Hij zei "dit doen we" -- en deed het... Daarna niets.\n';
    const tags = [tagOf(letter, 't1', 'measure', 'dit doen we" -- en deed het'), tagOf(letter, 't2', 'commitment', 'Daarna')];
    const md = hideFrontMatter(new MarkdownIt({ typographer: true }));
    kamerstukPreviewPlugin(md, { letter: () => ({ annotations: tags, taxonomy: defaultTaxonomy() }) });
    assert.match(
      md.render(letter),
      /Hij zei “<span class="kst-tag-label"[^>]*>measure<\/span><mark [^>]*data-kst-id="t1"[^>]*>dit doen we” – en deed het<\/mark>… <span/,
    );
    const shouting = hideFrontMatter(new MarkdownIt());
    shouting.core.ruler.after('inline', 'shout', (state) => {
      for (const t of state.tokens) for (const c of t.children ?? []) if (c.type === 'text') c.content = c.content.toUpperCase();
    });
    kamerstukPreviewPlugin(shouting, { letter: () => ({ annotations: tags, taxonomy: defaultTaxonomy() }) });
    const html = shouting.render(letter);
    assert.match(html, /<p>HIJ ZEI &quot;DIT DOEN WE&quot; -- EN DEED HET... DAARNA NIETS.<\/p>/);
    assert.deepEqual(marksOf(html), []);
  });
});
