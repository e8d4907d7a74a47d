// The team catalog: reading (with positions of problems) and saving (comments kept, broken files never written).
import { strict as assert } from 'node:assert';
import {
  BUNDLED_RECORDS,
  CATALOG_MESSAGES,
  CatalogSource,
  englishTemplates,
  formatCatalogMessage,
  MetadataError,
  parseCatalog,
  saveToCatalog,
  type DocumentMetadata,
} from '../../../src/core/metadata';
import { signal } from './support';

const TEXT = `# Team catalog: committed, shared with everyone
version: 1
documents:
  # the sample letter
  kst-29754-716:
    title: Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen
    soort: Brief regering   # from the letter head
    date: 2024-06-18
    dossier: { nummer: 29754, titel: Terrorismebestrijding }
    documentnummer: 2024D25640
    aliases: [2024D25640]
    signatories:
      - naam: D. Yeşilgöz-Zegerius
        functie: Minister van Justitie en Veiligheid
      - E. van der Burg
    team-note: kept as is
  kst-29754-683:
    kind: motie
    title: Motie van het lid Van Haga
    motion:
      submitters: [Van Haga]
      outcome: { result: aangenomen, date: 2023-07-06 }
`;

describe('metadata: team catalog', () => {
  it('reads documents by id, with numbers as text and the parts the id gives', () => {
    const { records, issues } = parseCatalog(TEXT);
    assert.deepEqual(issues, []);
    const [letter, motie] = records;
    assert.equal(letter.id, 'kst-29754-716');
    assert.equal(letter.date, '2024-06-18');
    assert.deepEqual(letter.dossier, { nummer: '29754', titel: 'Terrorismebestrijding' });
    assert.equal(letter.ondernummer, '716');
    assert.deepEqual(letter.signatories, [{ naam: 'D. Yeşilgöz-Zegerius', functie: 'Minister van Justitie en Veiligheid' }, { naam: 'E. van der Burg' }]);
    assert.equal(motie.kind, 'motie');
    assert.deepEqual(motie.motion, { submitters: [{ naam: 'Van Haga' }], outcome: { result: 'aangenomen', date: '2023-07-06' } });
    assert.equal(motie.source, 'catalog');
  });

  it('also reads documents as a list with ids', () => {
    const { records, issues } = parseCatalog('documents:\n  - id: 2024D25640\n    title: Brief\n');
    assert.deepEqual(issues, []);
    assert.equal(records[0].kind, 'tk-document');
  });

  it('reports a syntax error with line and column, and never throws', () => {
    const { records, issues } = parseCatalog('documents:\n  kst-12345-2:\n    title: "open\n  kst-12345-3: {\n');
    assert.equal(records.length, 0);
    assert.ok(issues.length > 0);
    assert.equal(issues[0].severity, 'error');
    assert.ok(issues[0].line >= 3, JSON.stringify(issues[0]));
    for (const text of ['- just\n- a list\n', 'documents: 12\n', 'documents:\n  not-an-id: {}\n  kst-12345-2: [1]\n', '\u0000\u0001', '']) {
      assert.doesNotThrow(() => parseCatalog(text));
    }
    assert.equal(parseCatalog('- a\n').issues[0].message, "the catalog should be a mapping with a 'documents' key");
  });

  it('reports wrong field types where they are, and keeps the rest of the record', () => {
    const { records, issues } = parseCatalog('documents:\n  kst-12345-2:\n    title: Ok\n    date: [2024]\n    signatories: nope\n  nonsense: {}\n');
    assert.equal(records.length, 1);
    assert.equal(records[0].title, 'Ok');
    assert.equal(records[0].date, undefined);
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity]),
      [
        [4, 'warning'],
        [5, 'warning'],
        [6, 'error'],
      ],
    );
    assert.match(issues[2].message, /not a canonical id/);
  });

  it('gives every problem a template of CATALOG_MESSAGES and arguments that format to its message', () => {
    const { issues } = parseCatalog(
      'documents:\n  kst-12345-2:\n    date: [2024]\n    motion: { outcome: { result: maybe } }\n  nonsense: {}\n  KST-12345-2: {}\n',
    );
    assert.deepEqual(
      issues.map((i) => [i.template, i.args]),
      [
        [CATALOG_MESSAGES.fieldNotText, ['kst-12345-2', 'date']],
        [CATALOG_MESSAGES.resultInvalid, ['kst-12345-2', 'aangenomen, verworpen, aangehouden, ingetrokken, controversieel, overig']],
        [CATALOG_MESSAGES.notCanonicalId, ['nonsense']],
        [CATALOG_MESSAGES.duplicateEntry, ['KST-12345-2']],
      ],
    );
    assert.equal(issues[0].message, "kst-12345-2: 'date' should be text");
    assert.equal(issues[2].message, "nonsense: 'nonsense' is not a canonical id (e.g. kst-29754-716, 2024D25640)");
    assert.equal(issues[3].message, 'KST-12345-2: duplicate entry, the first one is used');
    const syntax = parseCatalog('documents:\n  a: "open\n').issues[0];
    assert.equal(syntax.template, CATALOG_MESSAGES.yamlSyntax);
    assert.equal(syntax.args.length, 1);
    assert.ok(!syntax.args[0].includes('\n'));
    const templates = new Set<string>(Object.values(CATALOG_MESSAGES));
    for (const i of [
      ...issues,
      syntax,
      ...parseCatalog('- a\n').issues,
      ...parseCatalog('documents: 12\n').issues,
      ...parseCatalog('documents:\n  - title: x\n').issues,
    ]) {
      assert.ok(templates.has(i.template), i.template);
      assert.equal(formatCatalogMessage(i.template, i.args), i.message);
      // What the editor does with vscode.l10n.t when no translation applies.
      assert.equal(englishTemplates(i.template, ...i.args), i.message);
    }
  });

  it('serves as a source and reloads when the file changes', async () => {
    const src = new CatalogSource(TEXT);
    assert.equal((await src.get('2024D25640', signal()))?.aliases?.[0], 'kst-29754-716');
    src.load('documents: {}\n');
    assert.equal(await src.get('kst-29754-716', signal()), undefined);
  });

  it('saves a record, keeping comments, unknown keys and other entries', () => {
    const updated: DocumentMetadata = {
      ...parseCatalog(TEXT).records[0],
      title: 'Nieuwe titel',
      zaaknummer: '2024Z10806',
      source: 'tweedekamer',
      fetchedAt: '2024-07-01T00:00:00Z',
    };
    const out = saveToCatalog(TEXT, updated);
    for (const kept of ['# Team catalog: committed', '# the sample letter', '# from the letter head', 'team-note: kept as is', 'kst-29754-683:'])
      assert.ok(out.includes(kept), kept);
    const again = parseCatalog(out);
    assert.deepEqual(again.issues, []);
    assert.equal(again.records[0].title, 'Nieuwe titel');
    assert.equal(again.records[0].zaaknummer, '2024Z10806');
    assert.ok(!out.includes('fetchedAt') && !out.includes('source:'), 'provenance is not written');
  });

  it('saving changes only the lines of the saved entry: the others keep their own style', () => {
    const text = `# Team catalog
version: 1
documents:
  kst-29754-716:
    title: Stand van zaken   # from the letter head
    aliases: [2024D25640, 2024Z10806]

  # a motion
  kst-29754-683:
    kind: motie
    title: Motie van het lid Van Haga
    motion: { submitters: [ Van Haga ] }
`;
    const updated = { ...parseCatalog(text).records[1], title: 'Motie-Van Haga over informatie-uitwisseling', source: 'tweedekamer' };
    const out = saveToCatalog(text, updated);
    // Everything before the saved entry, its comment and blank line included, byte for byte (`[a, b]`, three spaces).
    assert.ok(out.startsWith(text.slice(0, text.indexOf('  kst-29754-683:'))), out);
    assert.ok(out.includes('    title: Motie-Van Haga over informatie-uitwisseling\n'), out);
    assert.deepEqual(
      parseCatalog(out).records.map((r) => r.title),
      ['Stand van zaken', 'Motie-Van Haga over informatie-uitwisseling'],
    );
    // A new entry goes after the last one, indented like it; nothing else changes.
    const added = saveToCatalog(text, { id: 'kst-29754-680', kind: 'kamerstuk', title: 'Nieuw', source: 'tweedekamer' });
    assert.equal(added, `${text}  kst-29754-680:\n    kind: kamerstuk\n    title: Nieuw\n`);
  });

  it('saving again and again keeps each comment once, and a CRLF catalog stays CRLF', () => {
    const text = 'documents:\n  kst-36000-1:\n    title: Old\n    # note\n  kst-36000-2:\n    title: B\n';
    let out = text;
    for (const title of ['One', 'Two', 'Three']) out = saveToCatalog(out, { id: 'kst-36000-1', kind: 'kamerstuk', title, source: 'tweedekamer' });
    assert.equal(out.split('# note').length - 1, 1, out);
    assert.deepEqual(
      parseCatalog(out).records.map((r) => r.title),
      ['Three', 'B'],
    );
    const crlf = saveToCatalog(text.replace(/\n/g, '\r\n'), { id: 'kst-36000-2', kind: 'kamerstuk', title: 'Nieuw', source: 'tweedekamer' });
    assert.ok(!/[^\r]\n/.test(crlf), JSON.stringify(crlf));
    assert.equal(parseCatalog(crlf).records[1].title, 'Nieuw');
  });

  it('adds a new record to an empty or list-shaped catalog', () => {
    const motie = BUNDLED_RECORDS.find((r) => r.id === 'kst-29754-683')!;
    const fromEmpty = parseCatalog(saveToCatalog('', motie));
    assert.deepEqual(fromEmpty.records[0].motion?.outcome, { result: 'aangenomen', date: '2023-07-06' });
    const list = saveToCatalog('# mine\ndocuments:\n  - id: kst-12345-2\n    title: A\n', motie);
    assert.ok(list.startsWith('# mine'));
    assert.deepEqual(
      parseCatalog(list).records.map((r) => r.id),
      ['kst-12345-2', 'kst-29754-683'],
    );
  });

  it('refuses to overwrite a catalog that does not parse', () => {
    assert.throws(
      () => saveToCatalog('documents:\n  a: "open\n', BUNDLED_RECORDS[0]),
      (e: MetadataError) => e.code === 'catalog' && /line \d+, column \d+/.test(e.message),
    );
  });
});
