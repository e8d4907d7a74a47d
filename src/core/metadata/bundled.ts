// The bundled catalog: metadata of the sample letter and the documents it cites, so hovers work with no network
// and no team catalog. Only facts the letter states (front matter, text, footnotes); anything else is absent.
import type { DocumentMetadata } from './model';
import { StaticSource } from './source';

const DOSSIER = { nummer: '29754', titel: 'Terrorismebestrijding' };
const MINISTERS = [
  { naam: 'D. Yeşilgöz-Zegerius', functie: 'Minister van Justitie en Veiligheid' },
  { naam: 'E. van der Burg', functie: 'Staatssecretaris van Justitie en Veiligheid' },
];

export const BUNDLED_RECORDS: DocumentMetadata[] = [
  {
    id: 'kst-29754-716',
    aliases: ['2024D25640', '2024Z10806'],
    kind: 'kamerstuk',
    soort: 'Brief regering',
    title: 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen',
    date: '2024-06-18',
    vergaderjaar: '2023-2024',
    dossier: DOSSIER,
    ondernummer: '716',
    documentnummer: '2024D25640',
    zaaknummer: '2024Z10806',
    signatories: MINISTERS,
    links: { html: 'https://zoek.officielebekendmakingen.nl/kst-29754-716.html' },
    source: 'bundled',
  },
  {
    // Footnote 1 of kst-29754-716: "onze brief van 5 juni 2023", Kamerstukken II 2022–2023, 29 754, nr. 680.
    id: 'kst-29754-680',
    kind: 'kamerstuk',
    soort: 'Brief regering',
    date: '2023-06-05',
    vergaderjaar: '2022-2023',
    dossier: DOSSIER,
    ondernummer: '680',
    signatories: MINISTERS,
    links: { html: 'https://zoek.officielebekendmakingen.nl/kst-29754-680.html' },
    source: 'bundled',
  },
  {
    // Footnote 2 of kst-29754-716; "Op 6 juli 2023 heeft uw Kamer een motie aangenomen van het lid Van Haga."
    id: 'kst-29754-683',
    kind: 'motie',
    soort: 'Motie',
    title: 'Motie van het lid Van Haga',
    vergaderjaar: '2022-2023',
    dossier: DOSSIER,
    ondernummer: '683',
    motion: {
      submitters: [{ naam: 'Van Haga' }],
      outcome: { result: 'aangenomen', date: '2023-07-06' },
    },
    links: { html: 'https://zoek.officielebekendmakingen.nl/kst-29754-683.html' },
    source: 'bundled',
  },
  {
    id: 'dossier-29754',
    kind: 'dossier',
    title: 'Terrorismebestrijding',
    dossier: DOSSIER,
    links: { html: 'https://zoek.officielebekendmakingen.nl/dossier/29754' },
    source: 'bundled',
  },
];

export function bundledSource(): StaticSource {
  return new StaticSource('bundled', BUNDLED_RECORDS);
}
