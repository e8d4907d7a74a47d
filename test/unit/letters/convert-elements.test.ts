// KOOP elements -> markdown, one behaviour per test, on the reconstructed fixtures and on small inline publications.
import { strict as assert } from 'node:assert';
import { convertPublication } from '../../../src/core/letters';
import { koopFixture } from './koop-fixtures';

/** The markdown body (front matter left out) of a publication whose `tekst` holds `body`. */
function body(inner: string, after = ''): { text: string; warnings: string[] } {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk><stuk><stuknr>Nr. <ondernummer>1</ondernummer></stuknr>
    <titel>BRIEF</titel><algemeen><vrije-tekst><tekst>${inner}</tekst></vrije-tekst></algemeen>${after}</stuk></kamerstuk></officiele-publicatie>`;
  const r = convertPublication(xml, { id: 'kst-36000-1' });
  const text = r.markdown.slice(r.markdown.indexOf('\n---\n') + 5).replace(/^\n# Nr\. 1 BRIEF\n\n?/, '');
  return { text, warnings: r.warnings.filter((w) => !w.startsWith('no metadata.xml')) };
}

const elements = () => convertPublication(koopFixture('kst-36410-XIII-80.xml')).markdown;

describe('KOOP XML to markdown: text', () => {
  it('a processing instruction mid-word is dropped without a space, also between elements', () => {
    assert.equal(body('<al>De UZI-server<?xpp afbm?>certificaten en spa<?xpp lead;-1?>tie<?xpp qa?>.</al>').text, 'De UZI-servercertificaten en spatie.\n');
    assert.match(elements(), /over de UZI-servercertificaten en de \*voortgang\*/);
  });

  it('XML whitespace is one space; a no-break space is kept', () => {
    assert.equal(body('<al>\n  Den\n   Haag,   18\u00a0juni\t2024\n</al>').text, 'Den Haag, 18\u00a0juni 2024\n');
  });

  it('nadruk: vet bold, cur italic, vetcur both, other kinds plain text; spaces move outside the marks', () => {
    const { text } = body(
      '<al>Dit is <nadruk type="vet">belangrijk </nadruk>en <nadruk type="cur"> schuin</nadruk>, <nadruk type="vetcur">beide</nadruk>, <nadruk type="onder">onder</nadruk>.</al>',
    );
    assert.equal(text, 'Dit is **belangrijk** en *schuin*, **_beide_**, onder.\n');
  });

  it('markdown characters in the text are escaped, so the text reads back as written', () => {
    assert.equal(body('<al>Kosten *geschat* op [ca.] 5 &lt;x&gt; &amp; meer_dan_dat</al>').text, 'Kosten \\*geschat\\* op \\[ca.] 5 \\<x> & meer_dan_dat\n');
  });

  it('an unknown element keeps its text and is reported once, with a count', () => {
    const { text, warnings } = body(
      '<al>Een <onbekend>eerste</onbekend> en <onbekend>tweede</onbekend> stuk.</al><raadsel><al>Blok</al></raadsel><raadsel>los</raadsel>',
    );
    assert.equal(text, 'Een eerste en tweede stuk.\n\nBlok\n\nlos\n');
    assert.deepEqual(warnings, ['unknown element <onbekend>: its text is kept (2 times)', 'unknown element <raadsel>: its text is kept (2 times)']);
  });

  it('the head of a kamerstuk: kamerstukkop lines (kamer number beside the kamer), the dossier line, the title as the one level-1 heading', () => {
    const md = elements();
    assert.match(
      md,
      /\n---\n\nTweede Kamer der Staten-Generaal 2\nVergaderjaar 2023-2024\n\n36 410 XIII Vaststelling van de begrotingsstaten .* voor het jaar 2024\n\n# Nr\. 80 BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN EN KLIMAAT\[\^1\]\n/,
    );
    assert.equal(md.match(/^# /gm)?.length, 1);
  });

  it('a citaat is a block quote; a signature is one paragraph of lines', () => {
    const md = elements();
    assert.match(md, /\n> Een aanhaling uit het rapport\.\n/);
    assert.match(md, /\nDe Minister van Economische Zaken en Klimaat,\nM\.A\.M\. Adriaansens\n/);
  });
});

describe('KOOP XML to markdown: headings', () => {
  it('numbered divisies take their level from the number, nested or not ("2.1" beside "2.")', () => {
    const headings = elements().match(/^#{2,6} .*$/gm);
    assert.deepEqual(headings?.slice(3), [
      '## 1. Inleiding',
      '### 1.1 Achtergrond',
      '## 2. Maatregelen',
      '### 2.1 Naast in plaats van binnen',
      '## 3. Cijfers',
      '## Bijlage: overzicht',
    ]);
  });

  it('numbers count from the nearest unnumbered heading, and never rise above the section they sit in', () => {
    const { text } = body(
      `<divisie><kop><titel>Stand van zaken</titel></kop>
        <divisie><kop><nr>1.</nr><titel>Een</titel></kop><divisie><kop><nr>1.</nr><titel>Nieuwe reeks</titel></kop></divisie></divisie>
        <divisie><kop><nr>1.2.3</nr><titel>Diep</titel></kop></divisie>
      </divisie>
      <divisie><kop><nr>§ 4</nr><titel>Paragraaf</titel></kop></divisie>
      <divisie><kop><nr>1.2.3.4.5.6.7</nr><titel>Te diep</titel></kop></divisie>`,
    );
    assert.deepEqual(text.match(/^#+ .*$/gm), [
      '## Stand van zaken',
      '### 1. Een',
      '#### 1. Nieuwe reeks',
      '##### 1.2.3 Diep',
      '## § 4 Paragraaf',
      '###### 1.2.3.4.5.6.7 Te diep',
    ]);
  });

  it('tussenkoppen are ranked by typography within their container: vet, then vetcur, then cur', () => {
    const headings = elements().match(/^#{2,6} .*$/gm);
    assert.deepEqual(headings?.slice(0, 3), ['## Hoofdlijn', '#### Detail', '### Tussenlaag']);
    const { text } = body('<divisie><kop><nr>1.</nr><titel>H</titel></kop><tussenkop kopopmaak="cur">Onder een divisie</tussenkop></divisie>');
    assert.deepEqual(text.match(/^#+ .*$/gm), ['## 1. H', '### Onder een divisie']);
  });
});

describe('KOOP XML to markdown: lists and tables', () => {
  it('a list numbered 1., 2., … is an ordered list; dashes a bullet list; other markers are kept literally', () => {
    const md = elements();
    assert.match(md, /\n1\. eerste maatregel;\n2\. tweede maatregel\.\n/);
    assert.match(md, /\n- a\. onderdeel a;\n- b\. onderdeel b, met\n {2}- een streepje;\n {2}- nog een\.\n/);
    assert.match(md, /\n\* 1° eerste graad;\n\n\* 2° tweede graad\.\n\n {2}Met een tweede alinea\.\n/);
  });

  it('numbers out of sequence, or closed by a parenthesis, stay literal (escaped where markdown would read a list)', () => {
    const { text } = body('<lijst><li><li.nr>1.</li.nr><al>een</al></li><li><li.nr>3.</li.nr><al>drie</al></li></lijst>');
    assert.equal(text, '- 1\\. een\n- 3\\. drie\n');
    const paren = body('<lijst><li><li.nr>1)</li.nr><al>een</al></li><li><li.nr>2)</li.nr><al>twee</al></li></lijst>').text;
    assert.equal(paren, '- 1\\) een\n- 2\\) twee\n');
  });

  it('tables are GFM tables: the title before, spans as empty cells, pipes escaped, table notes as footnotes', () => {
    const md = elements();
    assert.match(
      md,
      /\nTabel 1 Uitgaven \(x € 1 mln\)\n\n\| Post +\| Jaar \| +\|\n\| -+ \| -+ \| -+ \|\n\| Subsidies \\\| regelingen \| 2024 \| 12,5\[\^a\] \|\n\| +\| 2025 \| 13,0 +\|\n/,
    );
    assert.match(md, /\n\[\^a\]: Raming\.\n/);
  });

  it('a table without thead takes its first row as the header', () => {
    const { text } = body(
      '<table><tgroup cols="2"><colspec colname="c1"/><colspec colname="c2"/><tbody><row><entry>A</entry><entry>B</entry></row><row><entry>1</entry><entry><al>x</al><al>y</al></entry></row></tbody></tgroup></table>',
    );
    assert.equal(text, '| A | B   |\n| - | --- |\n| 1 | x y |\n');
  });
});

describe('KOOP XML to markdown: links and footnotes', () => {
  it('extref: a document, a dossier, a law, a web address; an unknown target stays text, reported', () => {
    const md = elements();
    assert.match(md, /\[36 410 XIII, nr\. 12\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-36410-XIII-12\.html\)/);
    assert.match(md, /\[dossier\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/dossier\/36410-XIII\)/);
    assert.match(md, /\[Algemene wet bestuursrecht\]\(https:\/\/wetten\.overheid\.nl\/jci1\.3:c:BWBR0005537\)/);
    assert.match(md, /\[rijksoverheid\.nl\]\(https:\/\/www\.rijksoverheid\.nl\/onderwerpen\/energie\)/);
    const { text, warnings } = body('<al><extref doc="javascript:alert(1)" soort="URL">klik</extref> en <extref doc="iets raars">raar</extref>.</al>');
    assert.equal(text, 'klik en raar.\n');
    assert.deepEqual(warnings, ['a link (extref) to an unknown kind of target is kept as text (2 times)']);
  });

  it('footnotes: unique labels when the title and the text both number from 1, and in an attachment whose numbering restarts', () => {
    const md = elements();
    assert.match(md, /^# Nr\. 80 .*\[\^1\]$/m);
    assert.match(md, /programma\.\[\^1-2\] Zie ook/);
    assert.match(md, /Tekst van de bijlage\.\[\^b1-1\]/);
    const definitions = md.match(/^\[\^[^\]]+\]:/gm);
    assert.deepEqual(definitions, ['[^1]:', '[^1-2]:', '[^a]:', '[^b1-1]:', '[^b1-2]:']);
    assert.match(md, /\n\[\^1-2\]: \*Kamerstukken II\* 2023\/24, \[36 410 XIII, nr\. 12\]\(/);
  });

  it('a second attachment has its own labels too', () => {
    const note = (n: string) => `<al>Noot.<noot id="x${n}" type="voet"><noot.nr>1</noot.nr><noot.al>N ${n}</noot.al></noot></al>`;
    const { text } = body(note('main'), `<bijlage>${note('b1')}</bijlage><bijlage>${note('b2')}</bijlage>`);
    assert.deepEqual(text.match(/^\[\^[^\]]+\]: .*$/gm), ['[^1]: N main', '[^b1-1]: N b1', '[^b2-1]: N b2']);
  });

  it('a note with several paragraphs keeps them in its definition; no space is left before a reference', () => {
    const { text } = body('<al>Tekst <noot id="n" type="voet"><noot.nr>1</noot.nr><noot.al>Een.</noot.al><noot.al>Twee.</noot.al></noot> verder.</al>');
    assert.equal(text, 'Tekst[^1] verder.\n\n[^1]: Een.\n\n    Twee.\n');
  });

  it('older footnotes: a voetnoot placed by its voetref, and one standing inline', () => {
    const md = convertPublication(koopFixture('kst-24095-50.xml')).markdown;
    assert.match(md, /\nEerste verwijzing\[\^1\] en een inline noot\[\^2\]\.\n\n\[\^1\]: Geplaatst door de voetref\.\n\[\^2\]: Inline oude noot\.\n$/);
  });
});

describe('KOOP XML to markdown: Aanhangsel', () => {
  it('Kamervragen: the subject as title, the description, then each vraag and antwoord under its own heading', () => {
    const r = convertPublication(koopFixture('ah-tk-20232024-1234.xml'), { id: 'ah-tk-20232024-1234' });
    assert.match(r.markdown, /^---\nkamerstuk: ah-tk-20232024-1234\ntitel: Vragen over de bereikbaarheid van de huisartsenpost\n/);
    const afterFrontMatter = r.markdown.slice(r.markdown.indexOf('\n---\n') + 5);
    assert.equal(
      afterFrontMatter,
      [
        '',
        '1234',
        '',
        '# Vragen over de bereikbaarheid van de huisartsenpost',
        '',
        'Vragen van het lid Jansen (SP) aan de Minister van Volksgezondheid, Welzijn en Sport over de bereikbaarheid van de huisartsenpost (ingezonden 8 januari 2024).',
        '',
        '## Vraag 1',
        '',
        'Bent u bekend met het bericht over lange wachttijden?[^1]',
        '',
        '## Antwoord 1',
        '',
        'Ja.',
        '',
        '## Vraag 2',
        '',
        'Hoe lang is de gemiddelde wachttijd?',
        '',
        '## Antwoord 2',
        '',
        'Gemiddeld **zes minuten**.',
        '',
        '[^1]: Dagblad, 5 januari 2024.',
        '',
      ].join('\n'),
    );
    assert.equal(r.metadata.kind, 'aanhangsel');
  });
});
