import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { contentHash, indexFile, INDEX_FORMAT, INDEX_VERSION, mightCite, WorkspaceIndex, type FileStamp } from '../../../src/core/workspace';
import { ANCHOR_SOURCE } from '../../../src/core/workspace/prefilter';
import { generateTeamRepository } from '../../support/generated-notes';

const stamp = (path: string, text: string, mtime = 1): FileStamp => ({ path, size: text.length, mtime });
const entry = (path: string, text: string, mtime = 1) => indexFile(stamp(path, text, mtime), text);

const NOTE_A = 'Zie Kamerstukken II 2022/23, 29 754, nr. 680.\n\nEn nog eens\nkst-29754-680 en kst-29754-716.\n';
const NOTE_B = '# B\n\n- Kamerstuk 29 754, nr. 680\n';
const LETTER = '---\nkamerstuk: kst-29754-716\ntitle: Brief\n---\n\nDe brief.\n';
const ANNOTATIONS = readFileSync('test/fixtures/annotations/kst-29754-716.annotations.yaml', 'utf8');

function sample(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.upsert(entry('notes/a.md', NOTE_A));
  index.upsert(entry('notes/b.md', NOTE_B));
  index.upsert(entry('letters/brief.md', LETTER));
  index.upsert(entry('letters/kst-29754-716.annotations.yaml', ANNOTATIONS));
  return index;
}

describe('workspace index: one file', () => {
  it('gives each citation with its id, kind, offsets, 0-based line and column, and text', () => {
    const e = entry('notes/a.md', NOTE_A);
    assert.equal(e.kind, 'note');
    assert.deepEqual(
      e.refs.map((r) => [r.id, r.line, r.column, NOTE_A.slice(r.start, r.end) === r.text]),
      [
        ['kst-29754-680', 0, 4, true],
        ['kst-29754-680', 3, 0, true],
        ['kst-29754-716', 3, 17, true],
      ],
    );
    assert.equal(e.refs[0].kind, 'kamerstuk');
  });

  it('finds nothing in code and leaves out motions without an id', () => {
    const text = '```\nkst-29754-680\n```\n\nDe motie van het lid Van Haga over toeslagen.\n';
    assert.deepEqual(entry('n.md', text).refs, []);
  });

  it('a letter gets its id from the front matter, else from its file name', () => {
    assert.deepEqual([entry('letters/brief.md', LETTER).kind, entry('letters/brief.md', LETTER).letterId], ['letter', 'kst-29754-716']);
    const named = entry('letters/kst-36067-4.md', 'Tekst.\n');
    assert.deepEqual([named.kind, named.letterId], ['letter', 'kst-36067-4']);
    assert.equal(entry('notes/kst-notities.md', 'Tekst.\n').kind, 'note');
  });

  it('an annotation file gets its number of annotations; a broken one none, without throwing', () => {
    const e = entry('letters/kst-29754-716.annotations.yaml', ANNOTATIONS);
    assert.equal(e.kind, 'annotations');
    assert.equal(e.tagCount, (ANNOTATIONS.match(/^ {2}- id:/gm) ?? []).length);
    assert.ok(e.tagCount! > 0);
    const broken = entry('x.annotations.yaml', 'version: 1\nannotations: [\n  - : :\n');
    assert.equal(broken.kind, 'annotations');
    assert.equal(broken.tagCount, undefined);
  });

  it('a text over the size limit is listed with a problem, not scanned', () => {
    const e = indexFile(stamp('n.md', NOTE_A), NOTE_A, { maxLength: 10 });
    assert.deepEqual(e.refs, []);
    assert.match(e.problem ?? '', /too large/);
  });

  it('the hash follows the content only', () => {
    assert.equal(entry('a.md', NOTE_A, 1).hash, entry('b.md', NOTE_A, 2).hash);
    assert.notEqual(contentHash(NOTE_A), contentHash(NOTE_A.replace('680', '681')));
    assert.notEqual(contentHash('ab'), contentHash('ba'));
  });
});

describe('workspace index: prefilter', () => {
  it("uses the scanner's own anchor pattern", () => {
    const scanner = readFileSync('src/core/citations/scanner.ts', 'utf8');
    const literal = /const anchorRe =\s*\/(.+)\/g;/.exec(scanner);
    assert.ok(literal, 'anchorRe not found in scanner.ts');
    assert.equal(ANCHOR_SOURCE, literal[1], 'the prefilter must test the same anchors as the scanner: copy scanner.ts anchorRe into prefilter.ts');
  });

  it('says no for prose without any citation start, yes where one may start', () => {
    assert.equal(mightCite('Een tekst over beleid, 12 mensen en de inrichting van het onderzoek.'), false);
    for (const t of ['zie kst-1-2', 'Kamerstuk 29 754', 'nr. 5', '2024D25640', 'de motie', 'Stb. 2020, 1', '29754']) assert.equal(mightCite(t), true, t);
  });
});

describe('workspace index: the index', () => {
  it('citing() lists every place by path and offset; citedIds() counts them', () => {
    const index = sample();
    assert.deepEqual(
      index.citing('kst-29754-680').map((p) => [p.path, p.ref.line]),
      [
        ['notes/a.md', 0],
        ['notes/a.md', 3],
        ['notes/b.md', 2],
      ],
    );
    assert.equal(index.citedIds().get('kst-29754-680'), 3);
    assert.equal(index.citedIds().get('kst-29754-716'), 1);
    assert.deepEqual(index.citing('kst-1-1'), []);
  });

  it('upsert replaces an entry; remove forgets it, also in citing() and letter()', () => {
    const index = sample();
    index.upsert(entry('notes/b.md', '# B\n\nNiets meer.\n', 2));
    assert.deepEqual(
      index.citing('kst-29754-680').map((p) => p.path),
      ['notes/a.md', 'notes/a.md'],
    );
    index.remove('notes/a.md');
    assert.deepEqual(index.citing('kst-29754-680'), []);
    assert.equal(index.citedIds().has('kst-29754-680'), false);
    assert.equal(index.letter('kst-29754-716')?.path, 'letters/brief.md');
    index.remove('letters/brief.md');
    assert.equal(index.letter('kst-29754-716'), undefined);
    assert.equal(index.get('letters/brief.md'), undefined);
    assert.equal(index.stats().files, 2);
  });

  it('stats() counts files by kind and references', () => {
    const s = sample().stats();
    assert.deepEqual(s, { files: 4, notes: 2, letters: 1, annotationFiles: 1, refs: 4, indexedThisSession: 4, reusedFromSaved: 0 });
  });

  it('stale() gives new and changed stamps (size or mtime) and the removed paths', () => {
    const index = sample();
    const current: FileStamp[] = [
      stamp('notes/a.md', NOTE_A),
      stamp('notes/b.md', NOTE_B, 5),
      { path: 'letters/brief.md', size: LETTER.length + 1, mtime: 1 },
      stamp('notes/new.md', 'x'),
    ];
    const { changed, removed } = index.stale(current);
    assert.deepEqual(
      changed.map((s) => s.path),
      ['notes/b.md', 'letters/brief.md', 'notes/new.md'],
    );
    assert.deepEqual(removed, ['letters/kst-29754-716.annotations.yaml']);
  });

  it('restamp() keeps an entry whose content did not change, and refuses another hash', () => {
    const index = sample();
    assert.equal(index.restamp({ path: 'notes/a.md', size: NOTE_A.length, mtime: 9 }, contentHash(NOTE_A)), true);
    assert.equal(index.get('notes/a.md')!.mtime, 9);
    assert.equal(index.get('notes/a.md')!.refs.length, 3);
    assert.equal(index.restamp({ path: 'notes/a.md', size: 1, mtime: 10 }, contentHash('x')), false);
    assert.equal(index.restamp({ path: 'nope.md', size: 1, mtime: 10 }, contentHash('x')), false);
  });
});

describe('workspace index: saved form', () => {
  it('serialize() and deserialize() give the same entries, counted as reused', () => {
    const index = sample();
    const text = index.serialize();
    const json = JSON.parse(text) as { format: string; version: number };
    assert.deepEqual([json.format, json.version], [INDEX_FORMAT, INDEX_VERSION]);
    const back = WorkspaceIndex.deserialize(text)!;
    assert.ok(back);
    assert.deepEqual([...back.files()], [...index.files()]);
    assert.deepEqual(back.citing('kst-29754-680'), index.citing('kst-29754-680'));
    assert.equal(back.letter('kst-29754-716')?.path, 'letters/brief.md');
    const s = back.stats();
    assert.deepEqual([s.files, s.refs, s.reusedFromSaved, s.indexedThisSession], [4, 4, 4, 0]);
    back.upsert(entry('notes/a.md', NOTE_A, 2));
    assert.deepEqual([back.stats().reusedFromSaved, back.stats().indexedThisSession], [3, 1]);
    assert.deepEqual(
      back.stale([...index.files()].map((f) => ({ path: f.path, size: f.size, mtime: f.mtime }))).changed.map((c) => c.path),
      ['notes/a.md'],
    );
  });

  it('deserialize() gives undefined for corrupt, old, foreign or tampered data, and never throws', () => {
    const good = sample().serialize();
    const parsed = JSON.parse(good) as { files: Array<Record<string, unknown>> };
    const tamper = (f: (d: typeof parsed) => void) => {
      const d = JSON.parse(good) as typeof parsed;
      f(d);
      return JSON.stringify(d);
    };
    const bad = [
      '',
      'null',
      '[]',
      '{',
      good.slice(0, good.length / 2),
      JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION - 1, files: parsed.files }),
      JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION + 1, files: parsed.files }),
      JSON.stringify({ format: 'something-else', version: INDEX_VERSION, files: parsed.files }),
      JSON.stringify({ name: 'package', version: '1.0.0' }),
      tamper((d) => (d.files[0].p = 3)),
      tamper((d) => (d.files[0].k = 'image')),
      tamper((d) => (d.files[0].s = -1)),
      tamper((d) => (d.files[0].r = [['kst-1-2', 'kamerstuk', 5, 2, 0, 0, 'x']])),
      tamper((d) => (d.files[0].r = [['kst-1-2', 'kamerstuk', 1, 2, 0, 0]])),
      tamper((d) => (d.files[0].t = 'many')),
      tamper((d) => d.files.push(null as unknown as Record<string, unknown>)),
    ];
    for (const text of bad) assert.equal(WorkspaceIndex.deserialize(text), undefined, text.slice(0, 120));
  });
});

describe('workspace index: after many changes', () => {
  it('citing(), citedIds(), letter() and stats() agree with a count over the files', () => {
    const repo = generateTeamRepository({ notes: 40, seed: 5, notesPerLetter: 8 });
    const index = new WorkspaceIndex();
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let step = 0; step < 400; step++) {
      const f = repo[Math.floor(next() * repo.length)];
      if (next() < 0.3) index.remove(f.path);
      else {
        // Sometimes another file's text under this path: its citations and letter id move.
        const other = repo[Math.floor(next() * repo.length)];
        const text = next() < 0.5 ? f.text : other.text;
        index.upsert(indexFile(stamp(f.path, text, step), text));
      }
    }
    const files = [...index.files()];
    const counted = new Map<string, number>();
    for (const f of files) for (const r of f.refs) counted.set(r.id, (counted.get(r.id) ?? 0) + 1);
    assert.ok(counted.size > 50);
    assert.deepEqual(new Map([...index.citedIds()].sort()), new Map([...counted].sort()));
    for (const [id, n] of counted) assert.equal(index.citing(id).length, n, id);
    assert.equal(
      index.stats().refs,
      [...counted.values()].reduce((a, b) => a + b, 0),
    );
    for (const f of files.filter((x) => x.letterId)) {
      const first = files.filter((x) => x.letterId === f.letterId && x.kind === 'letter').sort((a, b) => (a.path < b.path ? -1 : 1))[0];
      assert.equal(index.letter(f.letterId!)?.path, first?.path);
    }
  });

  it('never throws on hostile markdown, and says what it could not scan', () => {
    for (const text of ['- '.repeat(5000) + 'Kamerstuk 29 754, nr. 1', '['.repeat(50_000), '\u0000\uD800 kst-1-2 \uFFFF', '---\nkamerstuk: [\n---\n']) {
      const e = entry('n.md', text);
      assert.ok(Array.isArray(e.refs));
    }
    const big = indexFile(stamp('big.md', 'x'), 'kst-29754-1 '.repeat(100), { maxLength: 100 });
    assert.match(big.problem!, /too large/);
  });
});
