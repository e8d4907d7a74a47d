// The bundled sample letter must be what the importer makes of a publication of the same letter. The publication
// (test/fixtures/koop/kst-29754-716.xml and .metadata.xml) is reconstructed from the letter's text, not recorded.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertPublication, letterFrontMatter, letterIdOf } from '../../../src/core/letters';
import { bundledSource, metadataFromFrontMatter, parseCatalog, saveToCatalog } from '../../../src/core/metadata';
import { koopFixture } from './koop-fixtures';

const SAMPLE = readFileSync(join(__dirname, '../../../samples/letters/kst-29754-716.md'), 'utf8');

/**
 * The front matter lines the importer writes and the sample does not have. The difference is deliberate and kept
 * to added lines after the sample's own keys: the import writes what the publication says (vergaderjaar,
 * dossiertitel, ondernummer, ondertekenaars, source), and the sample predates the importer. Changing the sample
 * would move every offset of its annotation file (hints, but other suites read them), so it stays as it is.
 */
const ADDED_LINES = [
  'vergaderjaar: 2023-2024',
  'dossiertitel: Terrorismebestrijding',
  'ondernummer: 716',
  'ondertekenaars:',
  '  - naam: D. Yeşilgöz-Zegerius',
  '    functie: Minister van Justitie en Veiligheid',
  '  - naam: E. van der Burg',
  '    functie: Staatssecretaris van Justitie en Veiligheid',
  'source: https://zoek.officielebekendmakingen.nl/kst-29754-716.html',
];

/** TK numbers are not in KOOP's files: the CLI takes them from the team or bundled catalog, as here. */
function knownNumbers() {
  const r = bundledSource()
    .records()
    .find((m) => m.id === 'kst-29754-716')!;
  return { documentnummer: r.documentnummer, zaaknummer: r.zaaknummer };
}

function importSample() {
  return convertPublication(koopFixture('kst-29754-716.xml'), {
    id: 'kst-29754-716',
    metadataXml: koopFixture('kst-29754-716.metadata.xml'),
    known: knownNumbers(),
  });
}

describe('importing the sample letter', () => {
  it('gives the sample letter: the text byte for byte, the front matter with only the added keys', () => {
    const { markdown, warnings } = importSample();
    const lines = markdown.split('\n');
    const end = lines.indexOf('---', 1);
    const added = lines.slice(1, end).filter((l) => !SAMPLE.split('\n').slice(0, end).includes(l));
    assert.deepEqual(added, ADDED_LINES);
    const withoutAdded = lines.filter((l, i) => !(i < end && ADDED_LINES.includes(l))).join('\n');
    assert.equal(withoutAdded, SAMPLE);
    assert.deepEqual(warnings, []);
  });

  it('is deterministic: two imports are byte-identical', () => {
    assert.equal(importSample().markdown, importSample().markdown);
  });

  it('the imported front matter reads back as the letter and its metadata (Dutch keys of letter-source)', () => {
    const { markdown } = importSample();
    assert.equal(letterIdOf('whatever.md', markdown), 'kst-29754-716');
    const meta = metadataFromFrontMatter('kst-29754-716', letterFrontMatter(markdown)!)!;
    assert.equal(meta.title, 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen');
    assert.equal(meta.soort, 'Brief regering');
    assert.equal(meta.date, '2024-06-18');
    assert.equal(meta.vergaderjaar, '2023-2024');
    assert.equal(meta.ondernummer, '716');
    assert.equal(meta.zaaknummer, '2024Z10806');
    assert.deepEqual(
      meta.signatories?.map((s) => s.functie),
      ['Minister van Justitie en Veiligheid', 'Staatssecretaris van Justitie en Veiligheid'],
    );
    assert.equal(meta.links?.html, 'https://zoek.officielebekendmakingen.nl/kst-29754-716.html');
  });

  it('gives the catalog record the bundled catalog has, and saveToCatalog writes it', () => {
    const { metadata } = importSample();
    const bundled = bundledSource()
      .records()
      .find((m) => m.id === 'kst-29754-716')!;
    for (const k of ['title', 'soort', 'date', 'vergaderjaar', 'ondernummer', 'documentnummer', 'zaaknummer'] as const) {
      assert.equal(metadata[k], bundled[k], k);
    }
    assert.deepEqual(metadata.signatories, bundled.signatories);
    assert.deepEqual(metadata.dossier, { nummer: '29754', titel: 'Terrorismebestrijding' });
    const catalog = parseCatalog(saveToCatalog('', metadata));
    assert.deepEqual(catalog.issues, []);
    const saved = catalog.records.find((r) => r.id === 'kst-29754-716')!;
    assert.equal(saved.title, bundled.title);
    assert.deepEqual(saved.aliases, ['2024D25640', '2024Z10806']);
  });
});
