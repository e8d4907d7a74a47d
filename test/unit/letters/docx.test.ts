// DOCX -> markdown letter (the Tweede Kamer route): real .docx files CONSTRUCTED in the test (docx-fixtures.ts),
// converted with mammoth; structure, front matter, footnote numbering, determinism, and what is refused.
import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { visit } from 'unist-util-visit';
import { convertDocx, LetterError, tkDocumentInfo, type LetterErrorCode } from '../../../src/core/letters';
import { letterFrontMatter } from '../../../src/core/letters';
import { mammothToHtml } from '../../../src/core/letters/docx-mammoth';
import { buildDocx, documentRow, footnoteRef, para, run, sampleLetterParts } from './docx-fixtures';

const META = tkDocumentInfo(documentRow('2099D77001')).metadata;
const MAMMOTH = { toHtml: mammothToHtml };
const bodyOf = (md: string) => md.slice(md.indexOf('\n---\n') + 5);

function parse(md: string): Root {
  return fromMarkdown(bodyOf(md), { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
}

async function refused(run: () => Promise<unknown>, code: LetterErrorCode, message: RegExp): Promise<void> {
  await assert.rejects(run, (e: unknown) => {
    assert.ok(e instanceof LetterError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
}

describe('DOCX to markdown (Tweede Kamer letters KOOP has not published)', () => {
  it('keeps headings, numbered and nested lists, bullets, a table, emphasis, a link and footnotes', async () => {
    const md = (await convertDocx(await buildDocx(sampleLetterParts()), META, MAMMOTH)).markdown;
    const body = bodyOf(md);
    assert.match(body, /^# 1\. Aanleiding$/m);
    assert.match(body, /^## Uitvoering$/m);
    assert.match(body, /^1\. eerste maatregel\n2\. tweede maatregel\n {3}1\. onderdeel van de tweede\n3\. derde maatregel$/m);
    assert.match(body, /^- capaciteit\n- financiering$/m);
    assert.match(body, /^\| Jaar +\| Bedrag +\|\n\| -+ \| -+ \|\n\| 2024 +\| € 12 mln \|\n\| 2025 +\| € 15 mln \|$/m);
    assert.match(body, /Het kabinet heeft \*\*drie\*\* maatregelen \*genomen\*:/);
    assert.match(body, /Zie ook \[de vorige brief\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-700\.html\)\.\[\^2\]/);
    assert.match(body, /de voortgang\[\^1\] van het programma\./);
    assert.match(body, /^\[\^1\]: Kamerstukken II 2022\/23, 29 754, nr\. 680\.\n\[\^2\]: Kamerstukken II 2023\/24, 29 754, nr\. 700\.\n$/m);
    assert.ok(!/↑|footnote-ref/.test(body), "mammoth's back links are not in the letter");

    // The markdown reads back as the same structure: every reference has its definition.
    const tree = parse(md);
    const refs: string[] = [];
    const defs: string[] = [];
    visit(tree, 'footnoteReference', (n: FootnoteReference) => void refs.push(n.identifier));
    visit(tree, 'footnoteDefinition', (n: FootnoteDefinition) => void defs.push(n.identifier));
    assert.deepEqual(refs, ['1', '2']);
    assert.deepEqual(defs, ['1', '2']);
  });

  it('writes the front matter of the OData Document with source: tweedekamer-docx', async () => {
    const { markdown, metadata, id } = await convertDocx(await buildDocx(sampleLetterParts()), META, MAMMOTH);
    assert.equal(id, '2099D77001');
    const fm = letterFrontMatter(markdown)!;
    assert.equal(fm.kamerstuk, '2099D77001');
    assert.equal(fm.documentnummer, '2099D77001');
    assert.equal(fm.zaak, '2099Z77001');
    assert.equal(fm.soort, 'Brief regering');
    assert.equal(fm.datum, '2099-03-14');
    assert.equal(fm.titel, 'Voortgangsbrief programma weerbaarheid');
    assert.deepEqual(fm.ondertekenaars, [{ naam: 'J. de Vries', functie: 'minister van Justitie en Veiligheid' }]);
    assert.equal(fm.source, 'tweedekamer-docx');
    assert.equal(metadata.documentnummer, '2099D77001');
  });

  it('is deterministic: the same file gives byte-identical markdown', async () => {
    const a = await convertDocx(await buildDocx(sampleLetterParts()), META, MAMMOTH);
    const b = await convertDocx(await buildDocx(sampleLetterParts()), META, MAMMOTH);
    assert.equal(a.markdown, b.markdown);
    assert.deepEqual(a.warnings, b.warnings);
  });

  it('numbers footnotes by first reference; a note referred to twice is one definition', async () => {
    const bytes = await buildDocx({
      body: [para([run('Eerst'), footnoteRef(7), run(' dan'), footnoteRef(3), run(' en weer'), footnoteRef(7)])].join(''),
      footnotes: { 3: 'Noot drie.', 5: 'Nergens genoemd.', 7: 'Noot zeven.' },
    });
    const body = bodyOf((await convertDocx(bytes, META, MAMMOTH)).markdown);
    assert.match(body, /^Eerst\[\^1\] dan\[\^2\] en weer\[\^1\]$/m);
    assert.match(body, /\n\n\[\^1\]: Noot zeven\.\n\[\^2\]: Noot drie\.\n$/);
  });

  it('footnotes and endnotes share one numbering; a note the text never refers to comes last', async () => {
    const note = (key: string, text: string) => `<li id="${key}"><p>${text} <a href="#${key.replace('-', '-ref-')}">↑</a></p></li>`;
    const html =
      '<p>Een<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup> twee<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      `<ol>${note('footnote-1', 'Voetnoot.')}${note('footnote-2', 'Los.')}</ol><ol>${note('endnote-1', 'Eindnoot.')}</ol>`;
    const r = await convertDocx(await buildDocx({ body: para('x') }), META, { toHtml: async () => ({ html, messages: [] }) });
    assert.equal(bodyOf(r.markdown), '\nEen[^1] twee[^2]\n\n[^1]: Eindnoot.\n[^2]: Voetnoot.\n[^3]: Los.\n');
  });

  it('text that looks like markdown stays text', async () => {
    const bytes = await buildDocx({ body: [para('# geen kop'), para('*geen nadruk* en [geen](link) | pipe'), para('1. geen lijst')].join('') });
    const tree = parse((await convertDocx(bytes, META, MAMMOTH)).markdown);
    assert.deepEqual(
      tree.children.map((n) => n.type),
      ['paragraph', 'paragraph', 'paragraph'],
    );
    const texts: string[] = [];
    visit(tree, 'text', (n: { value: string }) => void texts.push(n.value));
    assert.deepEqual(texts, ['# geen kop', '*geen nadruk* en [geen](link) | pipe', '1. geen lijst']);
  });

  it('a table cell with several paragraphs, a list or a nested table is one line of text, with a warning for the structure lost', async () => {
    const tc = (...content: string[]) => `<w:tc>${content.join('')}</w:tc>`;
    const tbl = (...rows: string[][]) => `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;
    const body = tbl(
      [tc(para('Onderwerp')), tc(para('Stand'))],
      [tc(para('eerste alinea'), para('tweede alinea')), tc(para('item een', { numId: 2 }), para('item twee', { numId: 2 }))],
      [
        tc(tbl([tc(para('binnen een')), tc(para('binnen twee'))], [tc(para('rij twee'))]), para('erna')),
        tc(para('<w:r><w:t>regel1</w:t><w:br/><w:t>regel2</w:t></w:r>')),
      ],
    );
    const r = await convertDocx(await buildDocx({ body }), META, MAMMOTH);
    // One table, every row on one line (a list or a break in a cell would end the row).
    const lines = bodyOf(r.markdown).trim().split('\n');
    assert.ok(
      lines.every((l) => l.startsWith('|') && l.endsWith('|')),
      bodyOf(r.markdown),
    );
    const rows = lines.map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
    assert.deepEqual(rows.slice(-3), [
      ['Onderwerp', 'Stand'],
      ['eerste alinea tweede alinea', 'item een; item twee'],
      ['binnen een binnen twee; rij twee erna', 'regel1 regel2'],
    ]);
    assert.ok(r.warnings.includes('lists in table cells are kept as text on one line'), r.warnings.join('; '));
    assert.ok(r.warnings.includes('tables in table cells are kept as text on one line'), r.warnings.join('; '));
  });

  it('a small DOCX that unpacks past the size limit (a zip bomb) is refused before it is read', async () => {
    // ~24 MB of one repeated paragraph compresses to a few tens of kilobytes, well under the download limit.
    const bomb = await buildDocx({ body: para('a'.repeat(100)).repeat(200_000) });
    assert.ok(bomb.length < 1024 * 1024, `the test's zip is ${bomb.length} bytes`);
    let read = 0;
    const reader = { toHtml: async () => (read++, { html: '<p>x</p>', messages: [] }) };
    await refused(() => convertDocx(bomb, META, reader), 'too-large', /unpacks to \d+ bytes, more than the limit of 20971520 bytes/);
    assert.equal(read, 0, 'the DOCX was handed to the reader');
    // The limit is the caller's; the sample letter is far below any reasonable one.
    const sample = await buildDocx(sampleLetterParts());
    await refused(() => convertDocx(sample, META, { ...reader, maxBytes: 1000 }), 'too-large', /more than the limit of 1000 bytes/);
    assert.ok((await convertDocx(sample, META, { ...MAMMOTH, maxBytes: 1024 * 1024 })).markdown.includes('Aanleiding'));
  });

  it('a file that is no zip, a truncated zip and a zip without a Word document are refused with a clear message', async () => {
    await refused(
      () => convertDocx(new TextEncoder().encode('<html><body>Fout</body></html>'), META, MAMMOTH),
      'malformed',
      /not a DOCX file: .*starts with '<html><body>Fout/,
    );
    await refused(() => convertDocx(new Uint8Array(0), META, MAMMOTH), 'malformed', /not a DOCX file: .*empty/);
    const whole = await buildDocx(sampleLetterParts());
    await refused(
      () => convertDocx(whole.slice(0, Math.floor(whole.length / 2)), META, MAMMOTH),
      'malformed',
      /the DOCX could not be read \(a damaged or incomplete file\?\)/,
    );
    const zip = new JSZip();
    zip.file('hello.txt', 'not a Word document');
    await refused(async () => convertDocx(await zip.generateAsync({ type: 'uint8array' }), META, MAMMOTH), 'malformed', /the DOCX could not be read/);
  });

  it('goes through an injected toHtml; images, struck text and internal links are handled and reported once', async () => {
    const html =
      '<p>Zie <a href="#_Toc1">paragraaf 2</a> en <a href="#_Toc2">3</a>, <s>oud</s> nieuw.</p><p><img src="" alt="Grafiek 1" /><img src="" /></p>' +
      '<p><a href="javascript:alert(1)">klik</a></p>';
    let seen: Uint8Array | undefined;
    const bytes = await buildDocx({ body: para('x') });
    const r = await convertDocx(bytes, META, { toHtml: async (b) => ((seen = b), { html, messages: ['Unrecognised paragraph style: Brief'] }) });
    assert.equal(seen, bytes);
    const body = bodyOf(r.markdown);
    assert.match(body, /^Zie paragraaf 2 en 3, oud nieuw\.$/m);
    assert.match(body, /^\\\[Grafiek 1]$/m);
    assert.match(body, /^klik$/m);
    assert.deepEqual(r.warnings, [
      'DOCX: Unrecognised paragraph style: Brief',
      'images are not imported (their alternative text is kept)',
      'links within the DOCX (cross-references, bookmarks) are kept as text',
    ]);
  });

  it('a merged table cell fills the cells it spans; &, < and > in the text arrive as text', async () => {
    const cell = (text: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${para(text)}</w:tc>`;
    const tbl = `<w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('Kosten & baten', 2)}</w:tr><w:tr>${cell('2024')}${cell('< 5 mln >')}</w:tr></w:tbl>`;
    const md = (await convertDocx(await buildDocx({ body: tbl + para('A & B <c> "d"') }), META, MAMMOTH)).markdown;
    const rows = bodyOf(md)
      .split('\n')
      .filter((l) => l.startsWith('|'));
    assert.equal(rows.length, 3);
    assert.match(rows[0], /^\| Kosten & baten \| +\|$/);
    assert.match(rows[2], /^\| 2024 +\| < 5 mln > \|$/);
    // (the test's parser has no GFM tables: the table reads as a paragraph before the last one)
    const last = parse(md).children.at(-1)!;
    const texts: string[] = [];
    visit(last, 'text', (n: { value: string }) => void texts.push(n.value));
    assert.deepEqual(texts, ['A & B <c> "d"']);
  });

  it('Dutch heading style names (Kop 1, Kop 2) are headings; other unknown styles are listed in one warning', async () => {
    const bytes = await buildDocx({
      body: [
        para('Inleiding', { style: 'Kop1' }),
        para('Achtergrond', { style: 'Kop2' }),
        para('Geachte voorzitter,', { style: 'Aanhef' }),
        para('Tekst.', { style: 'Slot' }),
      ].join(''),
      styles: { Kop1: 'Kop 1', Kop2: 'Kop 2', Aanhef: 'Aanhef', Slot: 'Brief slot' },
    });
    const r = await convertDocx(bytes, META, MAMMOTH);
    assert.equal(bodyOf(r.markdown), '\n# Inleiding\n\n## Achtergrond\n\nGeachte voorzitter,\n\nTekst.\n');
    assert.deepEqual(r.warnings, ['Word styles read as plain text (no heading or list): Aanhef, Brief slot']);
  });

  it('a DOCX with no text gives a letter of front matter only, with a warning', async () => {
    const r = await convertDocx(await buildDocx({ body: '' }), META, MAMMOTH);
    assert.equal(bodyOf(r.markdown), '\n');
    assert.ok(r.warnings.includes('the DOCX has no text'));
  });
});
