// DOCX fixtures for the Tweede Kamer route: CONSTRUCTED here with jszip from minimal OOXML parts (content types,
// relationships, document, styles, numbering, footnotes), not recorded from the API. The texts are made up in the
// style of a letter to the Kamer; the OData Document rows below follow the field names of the real API
// (DocumentNummer, Soort, Onderwerp, Titel, Datum, Volgnummer, Kamerstukdossier, DocumentActor, Zaak).
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run of text, optionally bold and/or italic. */
export function run(text: string, style: { b?: boolean; i?: boolean } = {}): string {
  const props = `${style.b ? '<w:b/>' : ''}${style.i ? '<w:i/>' : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs (a string is one plain run), with a paragraph style id (Heading1, Heading2) or list numbering. */
export function para(content: string | string[], opts: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const runs = typeof content === 'string' ? (content.startsWith('<w:') ? content : run(content)) : content.join('');
  const style = opts.style ? `<w:pStyle w:val="${opts.style}"/>` : '';
  const num = opts.numId !== undefined ? `<w:numPr><w:ilvl w:val="${opts.ilvl ?? 0}"/><w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  return `<w:p>${style || num ? `<w:pPr>${style}${num}</w:pPr>` : ''}${runs}</w:p>`;
}

/** The reference mark of footnote `id` (a run). */
export function footnoteRef(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

/** An external hyperlink around plain text; its relationship is added by `buildDocx`. */
export function hyperlink(relId: string, text: string): string {
  return `<w:hyperlink r:id="${relId}">${run(text)}</w:hyperlink>`;
}

/** A table; the first row is marked as the header row when `header` is set. */
export function table(rows: string[][], header = true): string {
  const tr = (cells: string[], i: number) =>
    `<w:tr>${i === 0 && header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr/>${rows.map(tr).join('')}</w:tbl>`;
}

export interface DocxParts {
  /** The body's block XML (paragraphs, tables). */
  body: string;
  /** Footnote texts by id (Word numbers them from 1; 0 and -1 are its separators). */
  footnotes?: Record<number, string>;
  /** External hyperlink targets by relationship id. */
  links?: Record<string, string>;
  /** More paragraph styles: style id -> style name (as a Dutch template names them: `Kop 1`, `Aanhef`). */
  styles?: Record<string, string>;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>
</w:styles>`;

/** numId 1: a decimal numbered list; numId 2: a bulleted list. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** A real, minimal .docx (a zip of OOXML parts), deterministic: fixed file dates. */
export async function buildDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date('2024-06-18T00:00:00Z');
  const add = (name: string, text: string) => zip.file(name, text, { date });
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const links = Object.entries(parts.links ?? {})
    .map(([id, target]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${esc(target)}" TargetMode="External"/>`)
    .join('');
  add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}">
<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>
${links}</Relationships>`,
  );
  const extraStyles = Object.entries(parts.styles ?? {})
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${esc(name)}"/></w:style>`)
    .join('');
  add('word/styles.xml', STYLES.replace('</w:styles>', `${extraStyles}</w:styles>`));
  add('word/numbering.xml', NUMBERING);
  const notes = Object.entries(parts.footnotes ?? {})
    .map(
      ([id, text]) =>
        `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>${footnoteRef(Number(id)).replace(/<w:footnoteReference[^>]*\/>/, '<w:footnoteRef/>')}${run(` ${text}`)}</w:p></w:footnote>`,
    )
    .join('');
  add(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}" xmlns:r="${R}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
${notes}</w:footnotes>`,
  );
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A letter with every structure the converter maps: headings, numbered and bulleted lists, a table, footnotes, emphasis, a link. */
export function sampleLetterParts(): DocxParts {
  return {
    body: [
      para('Geachte voorzitter,'),
      para(['<w:r><w:t xml:space="preserve">Hierbij informeer ik uw Kamer over de voortgang</w:t></w:r>', footnoteRef(1), run(' van het programma.')]),
      para('1. Aanleiding', { style: 'Heading1' }),
      para([run('Het kabinet heeft '), run('drie', { b: true }), run(' maatregelen '), run('genomen', { i: true }), run(':')]),
      para('eerste maatregel', { numId: 1 }),
      para('tweede maatregel', { numId: 1 }),
      para('onderdeel van de tweede', { numId: 1, ilvl: 1 }),
      para('derde maatregel', { numId: 1 }),
      para('Uitvoering', { style: 'Heading2' }),
      para('Punten van aandacht:'),
      para('capaciteit', { numId: 2 }),
      para('financiering', { numId: 2 }),
      table([
        ['Jaar', 'Bedrag'],
        ['2024', '€ 12 mln'],
        ['2025', '€ 15 mln'],
      ]),
      para(['<w:r><w:t xml:space="preserve">Zie ook </w:t></w:r>', hyperlink('rIdLink1', 'de vorige brief'), run('.'), footnoteRef(2)]),
      para('De minister van Justitie en Veiligheid,'),
    ].join(''),
    footnotes: { 1: 'Kamerstukken II 2022/23, 29 754, nr. 680.', 2: 'Kamerstukken II 2023/24, 29 754, nr. 700.' },
    links: { rIdLink1: 'https://zoek.officielebekendmakingen.nl/kst-29754-700.html' },
  };
}

/** An OData Document row (as the API answers with Kamerstukdossier, DocumentActor and Zaak expanded). */
export function documentRow(number: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Id: '5e1c2d3a-4b5c-4d6e-8f70-000000077001',
    Soort: 'Brief regering',
    DocumentNummer: number,
    Titel: 'Voortgang programma',
    Onderwerp: 'Voortgangsbrief programma weerbaarheid',
    Datum: '2099-03-14T00:00:00+01:00',
    Volgnummer: null,
    Vergaderjaar: '2098-2099',
    ContentType: DOCX_CONTENT_TYPE,
    Verwijderd: false,
    DocumentActor: [
      { Id: 'a1', ActorNaam: 'J. de Vries', Functie: 'minister van Justitie en Veiligheid', Relatie: 'Eerste ondertekenaar', Verwijderd: false },
      { Id: 'a2', ActorNaam: 'Verwijderd Persoon', Functie: 'x', Relatie: 'Mede ondertekenaar', Verwijderd: true },
    ],
    Kamerstukdossier: [],
    Zaak: [{ Id: 'z1', Nummer: '2099Z77001', Verwijderd: false }],
    ...extra,
  };
}
