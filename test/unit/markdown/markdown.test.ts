// Markdown awareness: code skipped, links merged, footnotes resolve name-only motions, front matter, exact spans.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyseMarkdown, proseRanges, scanMarkdown } from '../../../src/core/markdown';
import { assertSpans } from '../citations/helpers';

const letter = readFileSync('test/fixtures/corpus/kst-29754-716.md', 'utf8');
const note = readFileSync('test/fixtures/citations/note.md', 'utf8');

describe('markdown scan', () => {
  it('the letter kst-29754-716: the motion Van Haga gets kst-29754-683 from footnote 2', () => {
    const refs = scanMarkdown(letter);
    assertSpans(letter, refs);
    const vanHaga = refs.find((r) => r.kind === 'motie' && r.text === 'motie van het lid Van Haga')!;
    assert.ok(vanHaga, 'the motion is found');
    assert.equal(vanHaga.id, 'kst-29754-683');
    assert.equal(vanHaga.parts.footnote, '2');
    assert.deepEqual(vanHaga.parts.submitters, ['Van Haga']);
    assert.ok(letter.slice(vanHaga.end).startsWith(', die oproept'));
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id]),
      [
        ['motie', 'kst-29754-683'],
        ['motie', null],
        ['motie', null],
        ['kamerstuk', 'kst-29754-680'],
        ['kamerstuk', 'kst-29754-683'],
      ],
    );
  });

  it('the letter: front matter gives its own id and is not scanned', () => {
    const scan = analyseMarkdown(letter);
    assert.equal(scan.frontMatter?.selfId, 'kst-29754-716');
    assert.equal(scan.frontMatter?.data.zaak, '2024Z10806');
    assert.ok(!scan.refs.some((r) => r.id === '2024D25640'), 'documentnummer in front matter is not a citation');
    assert.deepEqual([...scan.footnotes.keys()], ['1', '2']);
  });

  it('a note: code of every kind is skipped, links merged, lists split', () => {
    const refs = scanMarkdown(note);
    assertSpans(note, refs);
    assert.deepEqual(
      refs.map((r) => r.id),
      [
        'kst-29754-716',
        'kst-29754-680',
        'kst-29754-716',
        '2024D25640',
        'kst-25424-359',
        'kst-29754-683',
        'kst-36410-VI-7',
        'kst-36410-VI-8',
        'kst-21501-32-1188',
        'kst-21501-32-1105',
        'stb-2022-524',
        'h-tk-20102011-108-5',
        'kst-29754-683',
      ],
    );
    const link = refs.find((r) => r.form === 'link')!;
    assert.equal(link.text, '[de brief](https://zoek.officielebekendmakingen.nl/kst-29754-716.html)');
  });

  it('a link whose text cites the same document is one reference', () => {
    const text = 'Zie [Kamerstuk 29 754, nr. 681](https://zoek.officielebekendmakingen.nl/kst-29754-681.html).';
    const refs = scanMarkdown(text);
    assert.equal(refs.length, 1);
    assert.equal(refs[0].text, '[Kamerstuk 29 754, nr. 681](https://zoek.officielebekendmakingen.nl/kst-29754-681.html)');
    assert.equal(refs[0].parts.dossier, '29754');
  });

  it('a link on a motion name gives the motion its id', () => {
    const refs = scanMarkdown('de [motie-Van Haga](https://zoek.officielebekendmakingen.nl/kst-29754-683.html) is aangenomen');
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id]),
      [['motie', 'kst-29754-683']],
    );
  });

  it('bare URLs and autolinks', () => {
    const text =
      'Zie <https://zoek.officielebekendmakingen.nl/kst-29754-680.html> en https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z06635&did=2024D28850.';
    const refs = scanMarkdown(text);
    assertSpans(text, refs);
    assert.deepEqual(
      refs.map((r) => r.id),
      ['kst-29754-680', '2024D28850'],
    );
  });

  it('inline code splits prose: nothing inside code, not even half a citation', () => {
    assert.deepEqual(scanMarkdown('Kamerstuk `29 754`, nr. 5 en ``kst-29754-716``'), []);
    assert.deepEqual(scanMarkdown('~~~\nkst-29754-716\n~~~\n'), []);
  });

  it('citations in headings, lists, quotes, tables and emphasis', () => {
    const text =
      '## motie Van Haga (29 754, nr. 683)\n\n> Kamerstukken II 2022/23,\n> 29 754, nr. 680\n\n| a | b |\n|---|---|\n| kst-29754-716 | *Kamerstukken II* 2015/16, 34442, nr. 3 |\n';
    const refs = scanMarkdown(text);
    assertSpans(text, refs);
    assert.deepEqual(
      refs.map((r) => r.id),
      ['kst-29754-683', 'kst-29754-680', 'kst-29754-716', 'kst-34442-3'],
    );
  });

  it('CRLF line ends and non-BMP characters keep offsets exact', () => {
    const text = '😀 Zie\r\nKamerstukken II 2022/23, 29 754, nr. 680\r\n\r\n😀😀 kst-29754-716\r\n';
    const refs = scanMarkdown(text);
    assertSpans(text, refs);
    assert.deepEqual(
      refs.map((r) => r.id),
      ['kst-29754-680', 'kst-29754-716'],
    );
  });

  it('a footnote whose text cites nothing leaves the motion unresolved (with a diagnostic)', () => {
    const scan = analyseMarkdown('De motie van het lid Klaver is uitgevoerd.[^1]\n\n[^1]: Zie de brief van juni.\n');
    assert.equal(scan.refs[0].id, null);
    assert.ok(scan.problems.some((p) => p.code === 'motie-unresolved'));
  });

  it('prose ranges leave out front matter and code', () => {
    const text = '---\na: 1\n---\n\nfoo `bar` baz\n\n```\ncode\n```\n';
    const prose = proseRanges(text).map((r) => text.slice(r.start, r.end));
    assert.ok(!prose.some((p) => p.includes('a: 1') || p.includes('bar') || p.includes('code')));
    assert.ok(prose.some((p) => p.includes('foo')) && prose.some((p) => p.includes('baz')));
  });
});
