// Hover markdown: content, localisation, and that nothing from a source can become HTML, a link or markup.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  BUNDLED_RECORDS,
  commandLink,
  escapeMarkdown,
  HOVER_TEMPLATES,
  renderHoverMarkdown,
  renderUnresolvedHover,
  safeHttpsLink,
  type DocumentMetadata,
  type Translate,
} from '../../../src/core/metadata';
import { assertInert } from './support';

const dutch = JSON.parse(readFileSync('l10n/parts/metadata.nl.json', 'utf8')) as Record<string, string>;
const translateNl: Translate = (m, ...a) => (dutch[m] ?? m).replace(/\{(\d+)\}/g, (_, n) => String(a[Number(n)]));
const letter = BUNDLED_RECORDS.find((r) => r.id === 'kst-29754-716')!;

const HOSTILE =
  '[x](command:workbench.action.x) <img src=x onerror=alert(1)> ![i](https://evil.example/i.png) `code` *em* _u_ # h | p \\ \u0000\u001b[31m\u202Egnp.exe https://evil.example/ www.evil.example';

const motion: DocumentMetadata = {
  id: 'kst-99001-VI-12',
  kind: 'motie',
  soort: 'Motie',
  title: 'Motie van het lid Jansen',
  source: 'cache',
  origin: 'tweedekamer',
  fetchedAt: new Date(Date.UTC(2099, 0, 1)).toISOString(),
  motion: {
    submitters: [{ naam: 'Jansen', fractie: 'Fractie A', relatie: 'Indiener' }],
    outcome: { result: 'aangenomen', date: '2099-02-06', besluitTekst: 'Aangenomen.' },
    stemming: {
      hoofdelijk: false,
      votes: [
        { fractie: 'Fractie A', soort: 'Voor', zetels: 37 },
        { fractie: 'Fractie F', soort: 'Tegen', zetels: 20, vergissing: true },
        { fractie: 'Fractie K', soort: 'Onthouden', zetels: 7 },
      ],
      totals: { voor: 37, tegen: 20, nietDeelgenomen: 0 },
    },
  },
};

describe('metadata: hover markdown', () => {
  it('shows title, soort, date, dossier, signatories, links and source of a letter', () => {
    const md = renderHoverMarkdown(letter, { tagCounts: { measure: 3, commitment: 1, empty: 0 } });
    assert.match(md, /^\*\*Stand van zaken bestrijding misbruik asiel\\- en migratiestromen door terroristen\*\*/);
    assert.match(md, /Brief regering · 2024\\-06\\-18 · kst\\-29754\\-716/);
    assert.match(md, /Document 2024D25640 · Case 2024Z10806/);
    assert.match(md, /Dossier 29754: Terrorismebestrijding · no\. 716 · Parliamentary year 2023\\-2024/);
    assert.match(md, /Signed by: D\\\. Yeşilgöz\\-Zegerius \\\(Minister van Justitie en Veiligheid\\\), E\\\. van der Burg/);
    assert.match(md, /Tagged passages: measure 3, commitment 1\n/);
    assert.match(md, /\[Official publication\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-716\.html\)/);
    assert.match(md, /\*Source: bundled catalog\*$/);
    assertInert(md);
  });

  it('shows submitters, outcome, the vote per fractie and totals of a motion, with the age of cached data', () => {
    const md = renderHoverMarkdown(motion, { now: Date.UTC(2099, 0, 4) });
    assert.match(md, /Submitted by: Jansen \\\(Fractie A\\\)/);
    assert.match(md, /Outcome: \*\*adopted\*\* on 2099\\-02\\-06\n/);
    assert.match(md, /\| Fractie \| Vote \| Seats \|\n\|---\|---\|---:\|\n\| Fractie A \| For \| 37 \|/);
    assert.match(md, /\| Fractie F \| Against \(declared a mistake\) \| 20 \|/);
    assert.match(md, /\| Fractie K \| Onthouden \| 7 \|/, 'an unknown Soort passes through');
    assert.match(md, /For 37, against 20, did not vote 0/);
    assert.match(md, /\*Source: cache \(from Tweede Kamer API\), fetched 3 days ago\*/);
    assertInert(md);
  });

  it('an amendment from a record without soort says amendment and shows its outcome like a motion', () => {
    const { soort: _soort, ...rest } = motion;
    const amendment: DocumentMetadata = { ...rest, id: 'kst-99001-VI-61', kind: 'amendement', signatories: [{ naam: 'Jansen' }] };
    const md = renderHoverMarkdown(amendment, { now: Date.UTC(2099, 0, 4) });
    assert.match(md, /^\*\*Motie van het lid Jansen\*\*\n\nAmendment · kst\\-99001\\-VI\\-61/);
    assert.match(md, /Submitted by: Jansen/);
    assert.match(md, /Outcome: \*\*adopted\*\*/);
    assert.doesNotMatch(md, /Signed by/);
    assert.match(renderHoverMarkdown(amendment, { t: translateNl }), /Amendement · kst/);
    assert.match(renderHoverMarkdown({ ...amendment, kind: 'motie' }), /Motion · kst/);
  });

  it('renders in Dutch with the translations of l10n/parts/metadata.nl.json', () => {
    const md = renderHoverMarkdown(motion, { t: translateNl, now: Date.UTC(2099, 0, 1, 5) });
    assert.match(md, /Ingediend door: Jansen/);
    assert.match(md, /Uitslag: \*\*aangenomen\*\* op 2099\\-02\\-06/);
    assert.match(md, /\| Fractie \| Stem \| Zetels \|/);
    assert.match(md, /Bron: cache \(uit Tweede Kamer-API\), 5 uur geleden opgehaald/);
  });

  it('has a Dutch translation, with the same placeholders, for every template', () => {
    for (const template of Object.values(HOVER_TEMPLATES)) {
      assert.ok(template in dutch, `missing: ${template}`);
      const ph = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(ph(dutch[template]), ph(template), template);
    }
  });

  it('makes hostile text from a source inert: no HTML, no links, no markup, no control characters', () => {
    const hostile: DocumentMetadata = {
      ...motion,
      title: HOSTILE,
      soort: HOSTILE,
      dossier: { nummer: '99001', titel: HOSTILE },
      signatories: [{ naam: HOSTILE, fractie: HOSTILE }],
      motion: {
        ...motion.motion,
        submitters: [{ naam: HOSTILE }],
        stemming: { ...motion.motion!.stemming!, votes: [{ fractie: HOSTILE, soort: HOSTILE, zetels: 1 }] },
      },
      links: {
        html: 'https://evil.example/x.html',
        pdf: 'javascript:alert(1)',
        tweedekamer: 'http://www.tweedekamer.nl/x',
        resource: 'https://user:pw@gegevensmagazijn.tweedekamer.nl/x',
      },
      source: HOSTILE,
    };
    const md = renderHoverMarkdown(hostile, {
      tagCounts: { [HOSTILE]: 2 },
      commands: [
        { command: 'workbench.action.terminal.sendSequence', title: 'x' },
        { command: 'kamerstuk.open', title: HOSTILE, args: ['a)b'] },
      ],
    });
    assertInert(md);
    assert.ok(!md.includes('evil.example/x.html') && !md.includes('javascript') && !md.includes('user:pw'));
    assert.ok(!md.includes('command:workbench'), 'only the extension’s own commands become links');
    assert.match(md, /\]\(command:kamerstuk\.open\?%5B%22a%29b%22%5D\)/);
    assert.match(md, /\[Official publication\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-99001-VI-12\.html\)/, 'falls back to the link the id gives');
    const table = md.split('\n').filter((l) => l.startsWith('| '));
    assert.ok(
      table.every((row) => row.split(/(?<!\\)\|/).length === 5),
      'a pipe in a value cannot add a table column',
    );
  });

  it('caps long text', () => {
    const md = renderHoverMarkdown({ ...letter, title: 'a'.repeat(5000) });
    assert.ok(md.split('\n')[0].length < 320);
    assert.equal(escapeMarkdown('x'.repeat(50), 10), 'xxxxxxxxx…');
  });

  it('allows links only to official hosts over https, and commands only of this extension', () => {
    assert.equal(safeHttpsLink('https://zoek.officielebekendmakingen.nl/kst-1-2.html'), 'https://zoek.officielebekendmakingen.nl/kst-1-2.html');
    assert.equal(safeHttpsLink('https://www.tweedekamer.nl/a(b)'), 'https://www.tweedekamer.nl/a%28b%29');
    for (const bad of [
      'http://www.tweedekamer.nl/',
      'https://tweedekamer.nl.evil.example/',
      'https://www.tweedekamer.nl:8443/',
      'command:kamerstuk.x',
      'not a url',
    ]) {
      assert.equal(safeHttpsLink(bad), undefined, bad);
    }
    assert.equal(commandLink('kamerstuk.openCited', ['kst-1-2']), 'command:kamerstuk.openCited?%5B%22kst-1-2%22%5D');
    assert.equal(commandLink('kamerstukx.evil'), undefined);
    assert.equal(commandLink('kamerstuk.x)(y'), undefined);
  });

  it('renders an unresolved id with its official link', () => {
    const md = renderUnresolvedHover('kst-29754-9999', { offline: true });
    assert.match(md, /No metadata found for kst\\-29754\\-9999 \(offline\)\./);
    assert.match(md, /\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-9999\.html\)/);
    assertInert(md);
  });
});
