// Ids, TK numbers, URLs, Handelingen, Aanhangsel, Staatsblad and Staatscourant.
import { strict as assert } from 'node:assert';
import { scanText } from '../../../src/core/citations';
import { ids, one } from './helpers';

const cases: Array<[string, Array<string | null>]> = [
  ['Zie kst-29754-716 en document 2024D25640 (zaak 2024Z10806).', ['kst-29754-716', '2024D25640', '2024Z10806']],
  ['KST-36200-VI-45, kst-35925-E, kst-21501-08-928 en kst-33328-AI', ['kst-36200-VI-45', 'kst-35925-E', 'kst-21501-08-928', 'kst-33328-AI']],
  ['h-tk-20102011-108-5, h-ek-20142015-11-4 en h-tk-20192020-31-8-n1', ['h-tk-20102011-108-5', 'h-ek-20142015-11-4', 'h-tk-20192020-31-8-n1']],
  ['ah-tk-20142015-1241 en ah-ek-20142015-12', ['ah-tk-20142015-1241', 'ah-ek-20142015-12']],
  ['stb-2022-524, stcrt-2019-64418', ['stb-2022-524', 'stcrt-2019-64418']],
  ['https://zoek.officielebekendmakingen.nl/kst-29754-680.html', ['kst-29754-680']],
  ['zie zoek.officielebekendmakingen.nl/kst-29754-680.html.', ['kst-29754-680']],
  ['https://zoek.officielebekendmakingen.nl/behandelddossier/kst-31200-VI-79.html', ['kst-31200-VI-79']],
  ['https://zoek.officielebekendmakingen.nl/kst-29754-680/metadata.xml', ['kst-29754-680']],
  ['https://zoek.officielebekendmakingen.nl/dossier/29754', ['dossier-29754']],
  ['https://zoek.officielebekendmakingen.nl/h-tk-20232024-4-26.html', ['h-tk-20232024-4-26']],
  ['https://zoek.officielebekendmakingen.nl/stb-2019-143.html', ['stb-2019-143']],
  ['https://repository.overheid.nl/frbr/officielepublicaties/h-tk/20242025/h-tk-20242025-87-13/1/pdf/h-tk-20242025-87-13.pdf', ['h-tk-20242025-87-13']],
  ['https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2022D06725&id=2022Z03223', ['2022D06725']],
  ['https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2025Z13941&did=2025D31618', ['2025D31618']],
  ['https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z06635', ['2024Z06635']],
  ['https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=wetsvoorsteldetails&qry=wetsvoorstel%3A36228', ['dossier-36228']],
  ['https://berthub.eu/tkconv/document.html?nummer=2023D41173', ['2023D41173']],
  ['https://www.tweedekamer.nl/kamerstukken/stemmingsuitslagen/detail?id=2016P16766', []],
  ['Handelingen II 2010/11, nr. 108, item 5, p. 25-36', ['h-tk-20102011-108-5']],
  ['Handelingen I 2014/15, nr. 11, item 4, p. 5.', ['h-ek-20142015-11-4']],
  ['Handelingen II 2010/11, nr. 108, items 5 en 7', ['h-tk-20102011-108-5', 'h-tk-20102011-108-7']],
  ['Hand. II 2010/11, nr. 108, item 5', ['h-tk-20102011-108-5']],
  ['Handelingen II 2007/08, nr. 70, p. 4867', [null]],
  ['Aanhangsel Handelingen II 2014/15, nr. 1241.', ['ah-tk-20142015-1241']],
  ['Aanhangsel van de Handelingen II, vergaderjaar 2014–2015, nr. 1241', ['ah-tk-20142015-1241']],
  ['Aanhangsel Handelingen I 2014/15, nr. 12.', ['ah-ek-20142015-12']],
  ['Stb. 2022, 524', ['stb-2022-524']],
  ['Staatsblad 2022, nr. 524 en 525', ['stb-2022-524', 'stb-2022-525']],
  ['(Stcrt. 2019, 38007)', ['stcrt-2019-38007']],
  ['Staatscourant 2019, 64418', ['stcrt-2019-64418']],
  ['Zie de Staatscourant van 12 maart 2024, nr. 5678.', ['stcrt-2024-5678']],
  ['Stb. 2022', []],
];

describe('ids, URLs, Handelingen, Aanhangsel, gazettes', () => {
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(ids(text), expected));
  }

  it('kinds', () => {
    const kinds = scanText('kst-29754-716 2024D25640 2024Z10806 h-tk-20102011-108-5 ah-tk-20142015-1241 stb-2022-524 stcrt-2019-64418').map((r) => r.kind);
    assert.deepEqual(kinds, ['kamerstuk', 'tk-document', 'tk-zaak', 'handelingen', 'aanhangsel', 'staatsblad', 'staatscourant']);
  });

  it('a URL is one reference spanning the URL, without trailing punctuation', () => {
    const text = 'Zie https://zoek.officielebekendmakingen.nl/kst-29754-680.html.';
    const r = one(text);
    assert.equal(r.text, 'https://zoek.officielebekendmakingen.nl/kst-29754-680.html');
    assert.equal(r.form, 'url');
  });

  it('a tweedekamer.nl URL keeps its zaak number', () => {
    const r = one('https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z06635&did=2024D28850');
    assert.deepEqual(r.parts, { number: '2024D28850', zaak: '2024Z06635' });
  });

  it('Handelingen parts', () => {
    assert.deepEqual(one('Handelingen II 2010/11, nr. 108, item 5, p. 25-36').parts, {
      kamer: 'II',
      vergaderjaar: '2010-2011',
      vergadering: '108',
      item: '5',
      page: '25-36',
    });
  });
});
