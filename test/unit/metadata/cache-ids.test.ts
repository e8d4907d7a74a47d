// Canonical id parsing, the metadata cache's expiry policy, vote tallies, and the bundled catalog's facts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  BUNDLED_RECORDS,
  CacheSource,
  MemoryStorage,
  outcomeFromBesluitTekst,
  parseCanonicalId,
  parseLooseId,
  tally,
  type DocumentMetadata,
} from '../../../src/core/metadata';
import { signal } from './support';

const DAY = 24 * 3600 * 1000;

describe('metadata: canonical ids', () => {
  it('parses every kind of canonical id and normalises case', () => {
    assert.deepEqual(parseCanonicalId('kst-29754-716'), {
      id: 'kst-29754-716',
      kind: 'kamerstuk',
      dossier: '29754',
      toevoeging: undefined,
      ondernummer: '716',
    });
    assert.deepEqual(parseCanonicalId('KST-36200-vi-45'), { id: 'kst-36200-VI-45', kind: 'kamerstuk', dossier: '36200', toevoeging: 'VI', ondernummer: '45' });
    assert.equal(parseCanonicalId('kst-21501-32-1740')?.toevoeging, '32');
    assert.equal(parseCanonicalId('kst-35925-E')?.ondernummer, 'E');
    assert.equal(parseCanonicalId('kst-31700-VI-D')?.id, 'kst-31700-VI-D');
    assert.equal(parseCanonicalId('dossier-36200-vi')?.id, 'dossier-36200-VI');
    assert.equal(parseCanonicalId('2024d25640')?.id, '2024D25640');
    assert.equal(parseCanonicalId('2024Z10806')?.kind, 'tk-zaak');
    assert.deepEqual(parseCanonicalId('h-tk-20102011-108-5'), {
      id: 'h-tk-20102011-108-5',
      kind: 'handelingen',
      kamer: 'tk',
      vergaderjaar: '2010-2011',
      vergadering: '108',
      item: '5',
    });
    assert.equal(parseCanonicalId('ah-ek-20142015-12')?.kind, 'aanhangsel');
    assert.equal(parseCanonicalId('stb-2022-524')?.kind, 'staatsblad');
    assert.equal(parseCanonicalId('stcrt-2022-1')?.kind, 'staatscourant');
    for (const bad of ['kst-29754', 'kst-', 'foo', '2024X1', 'kst-29754-716-1-2']) assert.equal(parseCanonicalId(bad), undefined, bad);
  });

  it('accepts loose forms typed on a command line', () => {
    assert.equal(parseLooseId('29754-716')?.id, 'kst-29754-716');
    assert.equal(parseLooseId('29 754, nr. 683')?.id, 'kst-29754-683');
    assert.equal(parseLooseId('36200 VI, nr. 45')?.id, 'kst-36200-VI-45');
    assert.equal(parseLooseId('hello'), undefined);
  });
});

describe('metadata: cache', () => {
  const meta = (over: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
    id: 'kst-29754-716',
    aliases: ['2024D25640'],
    kind: 'kamerstuk',
    title: 'T',
    source: 'tweedekamer',
    ...over,
  });

  it('answers under the id and each alias, with origin and fetch time', async () => {
    let now = Date.UTC(2025, 0, 1);
    const cache = new CacheSource(new MemoryStorage(), { now: () => now });
    await cache.put(meta());
    const hit = await cache.get('2024D25640', signal());
    assert.equal(hit?.source, 'cache');
    assert.equal(hit?.origin, 'tweedekamer');
    assert.equal(hit?.fetchedAt, '2025-01-01T00:00:00.000Z');
    assert.deepEqual(hit?.aliases, ['kst-29754-716']);
    assert.equal(hit?.stale, undefined);
    now += 31 * DAY;
    assert.equal((await cache.get('kst-29754-716', signal()))?.stale, true, 'older than 30 days: stale');
    now += 400 * DAY;
    assert.equal(await cache.get('kst-29754-716', signal()), undefined, 'older than a year: dropped');
  });

  it('keeps a motion without an outcome fresh for a day only', async () => {
    let now = Date.UTC(2025, 0, 1);
    const cache = new CacheSource(new MemoryStorage(), { now: () => now });
    await cache.put(meta({ kind: 'motie', motion: {} }));
    now += 2 * DAY;
    assert.equal((await cache.get('kst-29754-716', signal()))?.stale, true);
  });

  it('ignores and removes corrupt entries', async () => {
    const storage = new MemoryStorage();
    storage.set('kamerstuk.metadata/kst-29754-716', '{not json');
    storage.set('kamerstuk.metadata/kst-29754-717', JSON.stringify({ v: 1, fetchedAt: 'yesterday', record: {} }));
    const cache = new CacheSource(storage);
    assert.equal(await cache.get('kst-29754-716', signal()), undefined);
    assert.equal(await cache.get('kst-29754-717', signal()), undefined);
    assert.equal(storage.map.size, 0);
  });

  it('searches its entries once per document', async () => {
    const cache = new CacheSource(new MemoryStorage());
    await cache.put(meta({ title: 'Stand van zaken terrorismebestrijding' }));
    await cache.put(meta({ id: 'kst-29754-683', aliases: undefined, title: 'Motie' }));
    assert.deepEqual(
      (await cache.search('terrorisme', signal())).map((m) => m.id),
      ['kst-29754-716'],
    );
    assert.equal((await cache.search('', signal())).length, 2);
  });
});

describe('metadata: vote tallies and outcomes', () => {
  it('reads the outcome from BesluitTekst', () => {
    assert.equal(outcomeFromBesluitTekst('Aangenomen.'), 'aangenomen');
    assert.equal(outcomeFromBesluitTekst('Overeenkomstig het voorstel besloten.'), 'aangenomen');
    assert.equal(outcomeFromBesluitTekst('Verworpen.'), 'verworpen');
    assert.equal(outcomeFromBesluitTekst('Aangehouden (op verzoek van een lid).'), 'aangehouden');
    assert.equal(outcomeFromBesluitTekst('Ingetrokken.'), 'ingetrokken');
    assert.equal(outcomeFromBesluitTekst('Controversieel verklaard.'), 'controversieel');
    assert.equal(outcomeFromBesluitTekst('Ingediend.'), undefined);
  });

  it('sums seats per Soort, one row per fractie, and skips deleted rows', () => {
    const rows = [
      { Soort: 'Voor', FractieGrootte: 10, ActorFractie: 'A' },
      { Soort: 'Voor', FractieGrootte: 10, ActorFractie: 'A' },
      { Soort: 'Tegen', FractieGrootte: 5, ActorFractie: 'B' },
      { Soort: 'Tegen', FractieGrootte: 5, ActorFractie: 'C', Verwijderd: true },
      { Soort: 'Onthouden', FractieGrootte: 2, ActorFractie: 'D' },
    ];
    const t = tally(rows, false);
    assert.deepEqual(t.totals, { voor: 10, tegen: 5, nietDeelgenomen: 0 });
    assert.deepEqual(
      t.votes.map((v) => `${v.fractie}:${v.soort}:${v.zetels}`),
      ['A:Voor:10', 'B:Tegen:5', 'D:Onthouden:2'],
    );
  });
});

describe('metadata: bundled catalog', () => {
  it('states what the sample letter states', () => {
    const letter = BUNDLED_RECORDS.find((r) => r.id === 'kst-29754-716')!;
    const front = readFileSync('test/fixtures/corpus/kst-29754-716.md', 'utf8').split('---')[1];
    const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(front)?.[1];
    assert.equal(letter.documentnummer, field('documentnummer'));
    assert.equal(letter.zaaknummer, field('zaak'));
    assert.equal(letter.soort, field('soort'));
    assert.equal(letter.date, field('datum'));
    assert.equal(letter.title, field('titel'));
    assert.equal(letter.dossier?.nummer, field('dossier'));
    const motie = BUNDLED_RECORDS.find((r) => r.id === 'kst-29754-683')!;
    assert.equal(motie.motion?.stemming, undefined, 'no vote numbers the letter does not give');
  });
});
