import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ANNOTATION_ID_PATTERN, newAnnotationId } from '../../../src/core/annotations/ids';
import { formatMessage } from '../../../src/core/annotations/messages';
import { ANNOTATION_KEYS } from '../../../src/core/annotations/model';
import { captureSelector } from '../../../src/core/annotations/quote';
import { AnnotationEditError, AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, BROKEN, LETTER, loadFixture } from './helpers';

describe('annotation store', () => {
  it('reads the fixture into plain annotations, sorted by start', () => {
    const store = loadFixture();
    const list = store.annotations();
    assert.equal(list.length, 4);
    assert.deepEqual(
      list.map((a) => a.start),
      [...list.map((a) => a.start)].sort((a, b) => a - b),
    );
    const c = store.get('c6d7e8f9g0')!;
    assert.equal(c.tag, 'commitment');
    assert.equal(c.note, 'Toezegging: leerlijn screening uitwerken');
    assert.deepEqual(c.extra, { 'x-reviewer': 'jan' });
    assert.equal(LETTER.slice(c.start, c.end), c.quote);
    assert.deepEqual(store.letter, { id: 'kst-29754-716', path: 'kst-29754-716.md' });
  });

  it('keeps comments, unknown keys and unknown top-level keys on every write', () => {
    const store = loadFixture();
    store.add({ tag: 'measure', ...captureSelector(LETTER, 100, 140), author: 'Analist' });
    store.update('c6d7e8f9g0', { status: 'agreed', note: 'Nieuwe notitie' });
    const text = store.toString();
    for (const kept of [
      '# Hand-written comments like this one survive every write.',
      '# comment on a note',
      'x-reviewer: jan',
      '# unknown key, kept',
      'review-round: 2',
      '# unknown top-level key',
    ]) {
      assert.ok(text.includes(kept), kept);
    }
    assert.ok(text.includes('note: "Nieuwe notitie" # comment on a note'));
  });

  it('writes entries by start and keys in the documented order, unknown keys last', () => {
    const store = loadFixture();
    const doc = parseDocument(store.toString()).toJS() as { annotations: Record<string, unknown>[] };
    const starts = doc.annotations.map((a) => a.start as number);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    for (const a of doc.annotations) {
      const keys = Object.keys(a);
      const known = keys.filter((k) => (ANNOTATION_KEYS as readonly string[]).includes(k));
      assert.deepEqual(
        known,
        ANNOTATION_KEYS.filter((k) => keys.includes(k)),
      );
      assert.deepEqual(keys.slice(0, known.length), known, 'unknown keys come after the known ones');
    }
  });

  it('is deterministic: writing, reading and writing again gives the same bytes', () => {
    const once = loadFixture().toString();
    const r = AnnotationStore.parse(once);
    assert.ok(r.ok);
    assert.equal(r.store.toString(), once);
    assert.equal(loadFixture().toString(), once);
  });

  it('renders entry by entry exactly like the whole document (up to blank-line indentation)', () => {
    const canonical = AnnotationStore.parse(loadFixture().renderWhole());
    assert.ok(canonical.ok);
    const store = canonical.store;
    store.add({ tag: 'conclusion', ...captureSelector(LETTER, 2000, 2050) });
    const strip = (s: string) => s.replace(/^[ \t]+$/gm, '');
    assert.equal(strip(store.toString()), strip(store.renderWhole()));
  });

  it('adds with a fresh random id, updates and removes', () => {
    const store = AnnotationStore.create({ id: 'kst-29754-716', path: 'kst-29754-716.md' });
    const a = store.add({ tag: 'measure', ...captureSelector(LETTER, 10, 30), created: '2026-11-28T12:00:00Z' });
    assert.match(a.id, ANNOTATION_ID_PATTERN);
    store.update(a.id, { refs: ['kst-29754-683'], status: 'disputed', note: 'n' });
    store.update(a.id, { note: null });
    assert.equal(store.get(a.id)!.note, undefined);
    const text = store.toString();
    assert.match(text, /refs: \[kst-29754-683\]/);
    assert.doesNotMatch(text, /note:/);
    assert.throws(() => store.add({ ...store.get(a.id)! }), AnnotationEditError);
    assert.throws(() => store.update('nope', { tag: 'x' }), AnnotationEditError);
    assert.ok(store.remove(a.id));
    assert.equal(store.annotations().length, 0);
    const reread = AnnotationStore.parse(store.toString());
    assert.ok(reread.ok);
  });

  it('quotes texts so that YAML reads back exactly what was written', () => {
    const store = AnnotationStore.create({});
    const tricky = [
      '# not a comment',
      'key: value',
      ' leading and trailing ',
      'line\nbreak',
      '"quotes" and \'apostrophes\'',
      '123',
      'true',
      '- dash',
      'ëï «»–',
    ];
    for (const [i, q] of tricky.entries()) store.add({ tag: 'measure', quote: q, prefix: q, suffix: q, start: i, end: i + 1, note: q });
    const r = AnnotationStore.parse(store.toString());
    assert.ok(r.ok);
    assert.deepEqual(
      r.store.annotations().map((a) => [a.quote, a.prefix, a.suffix, a.note]),
      tricky.map((q) => [q, q, q, q]),
    );
  });

  it('generates ids of 10 base-36 characters starting with a letter, never one in use', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newAnnotationId(seen);
      assert.match(id, /^[a-z][0-9a-z]{9}$/);
      assert.ok(!seen.has(id));
      seen.add(id);
    }
  });

  describe('broken files', () => {
    const expected: Record<string, { code: string; line: number }> = {
      'bad-indentation': { code: 'yaml-syntax', line: 3 },
      'duplicate-key': { code: 'duplicate-key', line: 5 },
      'wrong-types': { code: 'type', line: 4 },
      'unknown-version': { code: 'version', line: 1 },
      truncated: { code: 'yaml-syntax', line: 7 },
      'duplicate-id': { code: 'duplicate-id', line: 8 },
    };
    for (const { name, path } of BROKEN) {
      it(`${name}: an error with line and column, and no store to write`, () => {
        const r = AnnotationStore.parse(readFileSync(path, 'utf8'));
        assert.equal(r.ok, false);
        if (r.ok) return;
        const first = r.diagnostics[0];
        assert.equal(first.severity, 'error');
        assert.equal(first.code, expected[name].code, JSON.stringify(r.diagnostics));
        assert.equal(first.line, expected[name].line, JSON.stringify(first));
        assert.ok(first.column >= 1);
        assert.ok(formatMessage(first.message).length > 5);
      });
    }

    it('wrong types: every bad field is reported (tag, start, status)', () => {
      const r = AnnotationStore.parse(readFileSync(BROKEN[2].path, 'utf8'));
      assert.ok(!r.ok);
      if (r.ok) return;
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, d.line]),
        [
          ['type', 4],
          ['offset', 6],
          ['status', 8],
        ],
      );
    });

    it('reports missing required keys and reversed offsets', () => {
      const r = AnnotationStore.parse('version: 1\nannotations:\n  - id: abc\n    quote: q\n    start: 5\n    end: 2\n');
      assert.ok(!r.ok);
      if (r.ok) return;
      assert.deepEqual(r.diagnostics.map((d) => d.code).sort(), ['missing-key', 'offset']);
    });

    it('rejects a file without annotations key or with a non-mapping root', () => {
      for (const text of ['version: 1\n', '- a\n- b\n', 'just text\n']) assert.equal(AnnotationStore.parse(text).ok, false, text);
      assert.ok(AnnotationStore.parse('version: 1\nannotations: []\n').ok);
    });
  });

  it('the fixture is not modified by reading it', () => {
    loadFixture();
    assert.equal(ANNOTATIONS_YAML, readFileSync(require.resolve('../../fixtures/annotations/kst-29754-716.annotations.yaml'), 'utf8'));
  });
});
