// Importing a kamerstuk: converting a 1 MB publication XML (KOOP op-xsd-2012-2 element names, generated here:
// divisies with numbered koppen, paragraphs with emphasis, links and footnotes, lists and a table per section) to
// a markdown letter. The goal: median ≤ 300 ms. Parsing the XML alone is printed beside it.
import { convertPublication } from '../../src/core/letters';
import { parseXml } from '../../src/core/letters/xml';
import { measure, type BenchCase } from './harness';

const PARAGRAPH = (i: number) =>
  `<al>In het kader van de integrale aanpak wordt <nadruk type="cur">groot belang</nadruk> gehecht aan vroegtijdige informatie-uitwisseling en samenwerking binnen de migratie- en veiligheidsketen, zoals eerder gemeld.<noot id="n${i}" type="voet"><noot.nr>${i}</noot.nr><noot.al><nadruk type="cur">Kamerstukken II</nadruk> 2022/23, <extref doc="kst-29754-${(i % 900) + 1}" soort="document">29 754, nr. ${(i % 900) + 1}</extref>.</noot.al></noot> De UZI-server<?xpp afbm?>certificaten worden in <nadruk type="vet">2025</nadruk> vervangen.</al>`;

const SECTION = (s: number, notes: { next: number }) =>
  `<divisie><kop><nr>${s}.</nr><titel>Onderdeel ${s}</titel></kop>${PARAGRAPH(notes.next++)}${PARAGRAPH(notes.next++)}
  <divisie><kop><nr>${s}.1</nr><titel>Uitwerking</titel></kop>${PARAGRAPH(notes.next++)}
  <lijst type="expliciet"><li><li.nr>a.</li.nr><al>eerste onderdeel;</al></li><li><li.nr>b.</li.nr><al>tweede onderdeel.</al></li></lijst>
  <table><tgroup cols="3"><colspec colname="c1"/><colspec colname="c2"/><colspec colname="c3"/><thead><row><entry><al>Post</al></entry><entry><al>2024</al></entry><entry><al>2025</al></entry></row></thead>
  <tbody><row><entry><al>Subsidies</al></entry><entry><al>12,5</al></entry><entry><al>13,0</al></entry></row></tbody></tgroup></table></divisie></divisie>`;

/** A generated publication of about `bytes` characters (also the parser's test input). */
export function publication(bytes: number): string {
  const notes = { next: 1 };
  const sections: string[] = [];
  let size = 0;
  for (let s = 1; size < bytes; s++) {
    const section = SECTION(s, notes);
    sections.push(section);
    size += section.length;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk><kamerstukkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2023-2024</tekstregel></kamerstukkop>
  <dossier><dossiernummer><dossiernr>29 754</dossiernr></dossiernummer><titel>Terrorismebestrijding</titel></dossier>
  <stuk><stuknr>Nr. <ondernummer>716</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER</titel><algemeen><vrije-tekst><tekst>${sections.join('\n')}</tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>`;
}

export const cases: BenchCase[] = [
  {
    name: 'letters: convert a 1 MB publication XML to a markdown letter',
    async run() {
      const xml = new TextEncoder().encode(publication(1024 * 1024));
      let markdown = 0;
      const subject = await measure(() => (markdown = convertPublication(xml, { id: 'kst-29754-716' }).markdown.length), { iterations: 15, warmup: 2 });
      const text = new TextDecoder().decode(xml);
      const parse = await measure(() => parseXml(text), { iterations: 15, warmup: 2 });
      return {
        subject,
        target: 'median ≤ 300 ms',
        met: subject.median <= 300,
        notes: [
          `${(xml.length / 1024).toFixed(0)} KB of XML to ${(markdown / 1024).toFixed(0)} KB of markdown; parsing the XML alone: median ${parse.median.toFixed(1)} ms`,
        ],
      };
    },
  },
];
