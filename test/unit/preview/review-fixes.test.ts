// The reading view where markdown-it's tokens are not plain paragraphs: table cells, raw HTML, code spans over
// several lines, the typographer's rarer replacements, tokens another plugin rewrites or moves after the plugin ran.
import { strict as assert } from 'node:assert';
import MarkdownIt, { type Options } from 'markdown-it';
import type { Annotation } from '../../../src/core/annotations';
import { captureSelector, defaultTaxonomy } from '../../../src/core/annotations';
import { hideFrontMatter, kamerstukPreviewPlugin } from '../../../src/core/preview';
import { renderPreview, tagOf } from './helpers';

const marksOf = (html: string) =>
  [...html.matchAll(/<mark class="kst-tag[^"]*"[^>]*data-kst-id="([^"]+)"[^>]*>([^<]*)/g)].map((m) => ({ id: m[1], text: m[2] }));
const linksOf = (html: string) => [...html.matchAll(/<a class="kst-citation" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] }));
const KST_683 = 'https://zoek.officielebekendmakingen.nl/kst-29754-683.html';

/** The plugin on a markdown-it set up by `setup` (which may add plugins before or after it). */
function renderWith(text: string, annotations: Annotation[], setup: (md: MarkdownIt) => void, options: Options = {}): string {
  const md = hideFrontMatter(new MarkdownIt({ html: true, ...options }));
  kamerstukPreviewPlugin(md, { letter: () => ({ annotations, taxonomy: defaultTaxonomy() }) });
  setup(md);
  return md.render(text, {});
}

describe('reading view: tables, raw HTML, code spans, typographer, other plugins', () => {
  it('marks tags and links citations in table cells (markdown-it gives cells no line map)', () => {
    const letter = [
      'Een inleiding.',
      '',
      '| Maatregel | Bron |',
      '| --- | --- |',
      '| Screening van *alle* aanvragen | Kamerstuk 29 754, nr. 683 |',
      '| Betere uitwisseling van gegevens | geen |',
      '',
    ].join('\n');
    const tags = [tagOf(letter, 't1', 'measure', 'Screening van *alle* aanvragen'), tagOf(letter, 't2', 'commitment', 'uitwisseling van gegevens')];
    const html = renderPreview(letter, { annotations: tags });
    assert.deepEqual(
      marksOf(html).map((m) => [m.id, m.text]),
      [
        ['t1', 'Screening van '],
        ['t1', 'alle'],
        ['t1', ' aanvragen'],
        ['t2', 'uitwisseling van gegevens'],
      ],
    );
    assert.match(
      html,
      /<td><a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-683\.html"[^>]*>Kamerstuk 29 754, nr\. 683<\/a><\/td>/,
    );
    assert.doesNotMatch(html, /kst-unshown/);
  });

  it('lists tags whose passage no rendered text shows (code, raw HTML), in the reader’s language', () => {
    const letter = ['Gewone tekst.', '', '```', 'maatregel in code', '```', '', '<div>maatregel in html</div>', '', 'Slot.', ''].join('\n');
    const tags = [
      tagOf(letter, 'c1', 'measure', 'maatregel in code'),
      tagOf(letter, 'h1', 'measure', 'maatregel in html'),
      tagOf(letter, 's1', 'conclusion', 'Slot'),
    ];
    const en = renderPreview(letter, { annotations: tags });
    assert.deepEqual(
      marksOf(en).map((m) => m.id),
      ['s1'],
    );
    assert.match(en, /<div class="kst-unshown"><h2>Tags not shown in the text<\/h2><p>[^<]+<\/p><ul><li data-kst-id="c1">.*<li data-kst-id="h1">/);
    assert.doesNotMatch(en, /<div class="kst-orphans">/, 'found in the text: not orphans');
    const nl = renderPreview(letter, { annotations: tags, language: 'nl' });
    assert.match(nl, /<div class="kst-unshown"><h2>Labels die niet in de getoonde tekst staan<\/h2>/);
  });

  it('never links a citation inside a link or code of raw HTML (tags case-insensitive, with attributes)', () => {
    const note = [
      'Zie <a href="https://x.nl">Kamerstuk 29 754, nr. 683</a> en <code>Kamerstuk 29 754, nr. 683</code>.',
      '',
      'Ook <CODE class="x">Kamerstuk 29 754, nr. 683</CODE> niet, <pre>Kamerstuk 29 754, nr. 683</pre> niet; daarna wel: Kamerstuk 29 754, nr. 683.',
      '',
    ].join('\n');
    const html = renderPreview(note);
    assert.match(html, /<a href="https:\/\/x\.nl">Kamerstuk 29 754, nr\. 683<\/a>/, 'no link in a link');
    assert.doesNotMatch(html, /<code[^>]*><a /i);
    assert.doesNotMatch(html, /<pre><a /);
    assert.deepEqual(linksOf(html), [{ href: KST_683, text: 'Kamerstuk 29 754, nr. 683' }]);
    assert.match(html, /daarna wel: <a class="kst-citation"/);
  });

  it('leaves text that a plugin rewrote after the plugin mapped it unmarked, not marked on the wrong characters', () => {
    const letter = 'Hij zei dat het kabinet het doet. Daarna niets.\n';
    const tags = [tagOf(letter, 't1', 'commitment', 'Daarna')];
    // Installed after the reading view: its core rule runs after the source was mapped (VS Code orders plugins as it likes).
    const html = renderWith(letter, tags, (md) =>
      md.core.ruler.push('later_rewrite', (state) => {
        for (const t of state.tokens) for (const c of t.children ?? []) if (c.type === 'text') c.content = c.content.replace('zei dat ', '');
      }),
    );
    assert.match(html, /<p>Hij het kabinet het doet\. Daarna niets\.<\/p>/);
    assert.deepEqual(marksOf(html), []);
    assert.match(html, /<li data-kst-id="t1">/, 'listed as not shown');
  });

  it('finds tags and citations in tokens that come out of document order (a rule moves the first paragraph to the end)', () => {
    const letter = [
      'Eerste alinea met *nadruk* en dan Kamerstuk 29 754, nr. 683 en een maatregel.',
      '',
      'Tweede alinea met een besluit.',
      '',
      'Derde alinea, met Kamerstuk 29 754, nr. 680.',
      '',
    ].join('\n');
    const tags = [tagOf(letter, 'm1', 'measure', 'een maatregel'), tagOf(letter, 'b1', 'conclusion', 'een besluit')];
    // As markdown-it-footnote moves its definitions to the end of the token stream.
    const html = renderWith(letter, tags, (md) =>
      md.core.ruler.push('move_first_paragraph', (state) => {
        const first = state.tokens.findIndex((t) => t.type === 'paragraph_open');
        state.tokens.push(...state.tokens.splice(first, 3));
      }),
    );
    assert.match(html, /^<p>Tweede/);
    assert.deepEqual(
      marksOf(html)
        .map((m) => [m.id, m.text])
        .sort(),
      [
        ['b1', 'een besluit'],
        ['m1', 'een maatregel'],
      ],
    );
    assert.deepEqual(
      linksOf(html).map((l) => l.text),
      ['Kamerstuk 29 754, nr. 680', 'Kamerstuk 29 754, nr. 683'],
    );
  });

  it('locates the text after a code span over several lines (its content has spaces for the line breaks)', () => {
    // The words after the code span are in it too: the text token must not be placed inside the code span.
    const letter = 'Zie `x\n en Kamerstuk 29 754, nr. 683` en Kamerstuk 29 754, nr. 683\n';
    const quote = 'en Kamerstuk';
    const start = letter.lastIndexOf(quote);
    const tag: Annotation = { id: 'q1', tag: 'measure', ...captureSelector(letter, start, start + quote.length) };
    const html = renderPreview(letter, { annotations: [tag] });
    assert.match(html, /<code>x {2}en Kamerstuk 29 754, nr\. 683<\/code>/);
    // The citation after the code span is linked, and the tag marks its first words.
    assert.match(
      html,
      /<\/code> <span class="kst-tag-label"[^>]*>measure<\/span><mark [^>]*data-kst-id="q1"[^>]*>en <a class="kst-citation" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-683\.html"[^>]*>Kamerstuk<\/a><\/mark><a class="kst-citation"[^>]*> 29 754, nr\. 683<\/a><\/p>/,
    );
  });

  it('places tags in text with the typographer’s rarer replacements: (c) (TM) (r) +- .. ?.... !!!! ,,', () => {
    const letter = 'Start (c) en (TM) en (r), plusmin +- vijf.. Echt?.... Ja!!!! Zo,, klaar en dan het slot.\n';
    const tags = [
      tagOf(letter, 'w1', 'measure', '(c) en (TM) en (r), plusmin +- vijf.. Echt?.... Ja!!!! Zo,, klaar'),
      tagOf(letter, 'w2', 'conclusion', 'het slot'),
    ];
    const html = renderWith(letter, tags, () => undefined, { typographer: true });
    assert.deepEqual(
      marksOf(html).map((m) => [m.id, m.text]),
      [
        ['w1', '© en ™ en ®, plusmin ± vijf… Echt?.. Ja!!! Zo, klaar'],
        ['w2', 'het slot'],
      ],
    );
  });
});
