// metadata.xml -> the catalog record.
import { strict as assert } from 'node:assert';
import { LetterError, metadataFromKoopFields, readMetadataXml } from '../../../src/core/letters';
import { koopFixture } from './koop-fixtures';

const fields = (pairs: [string, string, string?][]) => pairs.map(([name, content, scheme]) => ({ name, content, ...(scheme ? { scheme } : {}) }));

describe('KOOP metadata.xml', () => {
  it('the sample letter: subject from DC.title, soort from its KamerstukTypen type, the letter date, the indieners', () => {
    const meta = metadataFromKoopFields('kst-29754-716', readMetadataXml(koopFixture('kst-29754-716.metadata.xml')));
    assert.deepEqual(meta, {
      id: 'kst-29754-716',
      kind: 'kamerstuk',
      source: 'koop',
      soort: 'Brief regering',
      title: 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen',
      date: '2024-06-18',
      vergaderjaar: '2023-2024',
      dossier: { nummer: '29754', titel: 'Terrorismebestrijding' },
      ondernummer: '716',
      signatories: [{ naam: 'D. Yeşilgöz-Zegerius' }, { naam: 'E. van der Burg' }],
      links: { html: 'https://zoek.officielebekendmakingen.nl/kst-29754-716.html' },
    });
  });

  it('two dossiers: the first; a toevoeging split off; a motion is kind motie; the publication date when no letter date', () => {
    const meta = metadataFromKoopFields(
      'kst-36200-VI-45',
      fields([
        ['OVERHEIDop.dossiernummer', '36200-VI;36201'],
        ['DC.type', 'Motie', 'OVERHEIDop.KamerstukTypen'],
        ['DCTERMS.issued', '2022-11-10'],
        ['OVERHEIDop.datumBrief', 'onbekend'],
      ]),
    );
    assert.deepEqual(meta.dossier, { nummer: '36200', toevoeging: 'VI' });
    assert.equal(meta.kind, 'motie');
    assert.equal(meta.date, '2022-11-10');
  });

  it('without a documenttitel split (before 2010) the whole DC.title is the title', () => {
    const meta = metadataFromKoopFields('kst-32203-2', fields([['DC.title', 'Wijziging van de Wet op de zorgtoeslag']]));
    assert.equal(meta.title, 'Wijziging van de Wet op de zorgtoeslag');
  });

  it('a web page or another root is refused; metadata of another document is refused', () => {
    assert.throws(
      () => readMetadataXml('<!DOCTYPE html><html><body>Niet gevonden</body></html>'),
      (e: LetterError) => e.code === 'not-xml',
    );
    assert.throws(
      () => readMetadataXml('<officiele-publicatie/>'),
      (e: LetterError) => e.code === 'malformed' && /metadata_gegevens/.test(e.message),
    );
    assert.throws(
      () => metadataFromKoopFields('kst-29754-716', fields([['DC.identifier', 'kst-29754-680', 'OVERHEIDop.ParlID']])),
      (e: LetterError) => e.code === 'mismatch',
    );
  });
});
