import { strict as assert } from 'node:assert';
import { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START } from '../../../src/core/annotations/conflict-markers';
import { mergeAnnotationTexts } from '../../../src/core/annotations/merge';
import { captureSelector } from '../../../src/core/annotations/quote';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, LETTER, loadFixture } from './helpers';

const BASE = ANNOTATIONS_YAML;

function edit(fn: (s: AnnotationStore) => void): string {
  const s = loadFixture();
  fn(s);
  return s.toString();
}

function merged(base: string, ours: string, theirs: string) {
  const r = mergeAnnotationTexts(base, ours, theirs);
  assert.ok(r.ok);
  return r;
}

function parse(text: string): AnnotationStore {
  const r = AnnotationStore.parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.store;
}

/** Keeps one side of every conflict block. */
function resolve(text: string, side: 'ours' | 'theirs'): string {
  const out: string[] = [];
  let state: 'none' | 'ours' | 'theirs' = 'none';
  for (const line of text.split('\n')) {
    if (line.startsWith(CONFLICT_START)) state = 'ours';
    else if (line === CONFLICT_MIDDLE && state === 'ours') state = 'theirs';
    else if (line.startsWith(CONFLICT_END)) state = 'none';
    else if (state === 'none' || state === side) out.push(line);
  }
  return out.join('\n');
}

describe('merge by id', () => {
  it('independent additions on both sides both survive, adjacent and overlapping', () => {
    const ours = edit((s) => s.add({ id: 'ours000001', tag: 'measure', ...captureSelector(LETTER, 4236, 4300) }));
    const theirs = edit((s) => s.add({ id: 'theirs0001', tag: 'commitment', ...captureSelector(LETTER, 4250, 4343) }));
    const r = merged(BASE, ours, theirs);
    assert.deepEqual(r.conflicts, []);
    const ids = parse(r.text)
      .annotations()
      .map((a) => a.id);
    assert.ok(ids.includes('ours000001') && ids.includes('theirs0001'));
    assert.equal(ids.length, 6);
  });

  it('different fields of the same annotation changed on each side merge', () => {
    const ours = edit((s) => s.update('c6d7e8f9g0', { status: 'agreed' }));
    const theirs = edit((s) => s.update('c6d7e8f9g0', { tag: 'measure', refs: ['kst-29754-683'] }));
    const a = parse(merged(BASE, ours, theirs).text).get('c6d7e8f9g0')!;
    assert.equal(a.status, 'agreed');
    assert.equal(a.tag, 'measure');
    assert.deepEqual(a.refs, ['kst-29754-683']);
  });

  it('a deletion on one side and no change on the other deletes', () => {
    const ours = edit((s) => s.remove('k1l2m3n4o5'));
    const theirs = edit((s) => s.update('m1a2b3c4d5', { note: 'n' }));
    const store = parse(merged(BASE, ours, theirs).text);
    assert.equal(store.get('k1l2m3n4o5'), undefined);
    assert.equal(store.get('m1a2b3c4d5')!.note, 'n');
  });

  it('refs merge as sets', () => {
    const base = edit((s) => s.update('c6d7e8f9g0', { refs: ['a', 'b'] }));
    const ours = edit((s) => s.update('c6d7e8f9g0', { refs: ['a', 'c'] }));
    const theirs = edit((s) => s.update('c6d7e8f9g0', { refs: ['a', 'b', 'd'] }));
    assert.deepEqual(parse(merged(base, ours, theirs).text).get('c6d7e8f9g0')!.refs, ['a', 'c', 'd']);
  });

  it('both sides re-anchoring the same quote is no conflict (positions are hints)', () => {
    const ours = edit((s) => s.update('m1a2b3c4d5', { start: 4240, end: 4347 }));
    const theirs = edit((s) => s.update('m1a2b3c4d5', { start: 4250, end: 4357 }));
    assert.deepEqual(merged(BASE, ours, theirs).conflicts, []);
  });

  it('the same field changed both ways is a conflict, written with markers; either side resolves to valid YAML', () => {
    const ours = edit((s) => s.update('c6d7e8f9g0', { note: 'ours' }));
    const theirs = edit((s) => s.update('c6d7e8f9g0', { note: 'theirs', status: 'disputed' }));
    const r = merged(BASE, ours, theirs);
    assert.deepEqual(
      r.conflicts.map((c) => [c.kind, c.annotationId, c.field]),
      [['field', 'c6d7e8f9g0', 'note']],
    );
    assert.ok(
      r.text.includes(
        `${CONFLICT_START} ours\n    note: "ours" # comment on a note\n${CONFLICT_MIDDLE}\n    note: "theirs" # comment on a note\n${CONFLICT_END} theirs`,
      ),
      r.text,
    );
    assert.equal(AnnotationStore.parse(r.text).ok, false, 'an unresolved file does not parse');
    assert.equal(parse(resolve(r.text, 'ours')).get('c6d7e8f9g0')!.note, 'ours');
    const t = parse(resolve(r.text, 'theirs')).get('c6d7e8f9g0')!;
    assert.equal(t.note, 'theirs');
    assert.equal(t.status, 'disputed');
  });

  it('delete against edit is a conflict; the edited entry is inside the markers', () => {
    const ours = edit((s) => s.remove('k1l2m3n4o5'));
    const theirs = edit((s) => s.update('k1l2m3n4o5', { note: 'belangrijk' }));
    const r = merged(BASE, ours, theirs);
    assert.deepEqual(
      r.conflicts.map((c) => c.kind),
      ['delete-edit'],
    );
    assert.equal(parse(resolve(r.text, 'ours')).get('k1l2m3n4o5'), undefined);
    assert.equal(parse(resolve(r.text, 'theirs')).get('k1l2m3n4o5')!.note, 'belangrijk');
  });

  it('reloading with pending changes (policy ours) loses nothing', () => {
    const pending = edit((s) => {
      s.update('c6d7e8f9g0', { note: 'mine' });
      s.remove('k1l2m3n4o5');
      s.add({ id: 'pending001', tag: 'measure', ...captureSelector(LETTER, 10, 20) });
    });
    const disk = edit((s) => {
      s.update('c6d7e8f9g0', { note: 'disk' });
      s.update('k1l2m3n4o5', { status: 'agreed' });
      s.add({ id: 'disk000001', tag: 'measure', ...captureSelector(LETTER, 30, 40) });
    });
    const r = mergeAnnotationTexts(BASE, pending, disk, 'ours');
    assert.ok(r.ok);
    assert.equal(r.conflicts.length, 2);
    const store = parse(r.text);
    assert.equal(store.get('c6d7e8f9g0')!.note, 'mine');
    assert.equal(store.get('k1l2m3n4o5')!.status, 'agreed', 'an edit beats a deletion');
    assert.ok(store.get('pending001') && store.get('disk000001'));
  });

  it("keeps our comments and unknown keys, and takes theirs' new entries with their comments", () => {
    const ours = '# our header comment\n' + BASE;
    const theirs = BASE.replace(
      'annotations:\n',
      'annotations:\n  # their comment on a new entry\n  - id: zzzzzzzzzz\n    tag: measure\n    quote: "Den Haag"\n    start: 400\n    end: 408\n    x-theirs: 1\n',
    );
    const r = merged(BASE, ours, theirs);
    for (const kept of ['# our header comment', 'x-reviewer: jan', 'review-round: 2', '# their comment on a new entry', 'x-theirs: 1'])
      assert.ok(r.text.includes(kept), kept);
  });

  it('document fields and unknown top-level keys merge three-way', () => {
    const theirs = BASE.replace('review-round: 2', 'review-round: 3').replace('  id: kst-29754-716\n', '  id: kst-29754-716-x\n');
    const store = merged(BASE, BASE, theirs).text;
    assert.match(store, /review-round: 3/);
    assert.match(store, /id: kst-29754-716-x/);
  });

  it('an empty base (added on both branches) and a file that does not parse', () => {
    const ours = edit(() => undefined);
    assert.deepEqual(merged('', ours, ours).conflicts, []);
    const bad = mergeAnnotationTexts(BASE, 'version: 1\nannotations:\n  - id: [', BASE);
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.equal(bad.side, 'ours');
  });
  describe('comments', () => {
    const header = (text: string, comment: string) => text.replace('version: 1\n', `${comment}\nversion: 1\n`);
    const aboveEntry = (text: string, id: string, comment: string) => text.replace(`  - id: ${id}\n`, `  ${comment}\n  - id: ${id}\n`);

    it('comments added on theirs only are carried into ours, with every policy', () => {
      const theirs = aboveEntry(header(BASE, '# theirs: file note'), 'p6q7r8s9t0', '# theirs: entry note');
      const ours = edit((s) => s.update('m1a2b3c4d5', { note: 'ours' }));
      for (const policy of ['markers', 'ours', 'theirs'] as const) {
        const r = mergeAnnotationTexts(BASE, ours, theirs, policy);
        assert.ok(r.ok && !r.conflicts.length, policy);
        assert.ok(r.text.includes('# theirs: file note') && r.text.includes('# theirs: entry note'), `${policy}:\n${r.text}`);
        assert.equal(parse(r.text).get('m1a2b3c4d5')!.note, 'ours');
      }
    });

    it('the same comment changed on both sides keeps both; a comment removed on theirs only is removed', () => {
      const ours = aboveEntry(BASE, 'p6q7r8s9t0', '# ours: checked');
      const theirs = aboveEntry(BASE, 'p6q7r8s9t0', '# theirs: ask the IND');
      const r = merged(BASE, ours, theirs);
      assert.match(r.text, /# ours: checked\n\s*# theirs: ask the IND\n\s*- id: p6q7r8s9t0/);
      const withoutHeader = BASE.replace('# Hand-written comments like this one survive every write.\n', '');
      assert.notEqual(withoutHeader, BASE);
      const removed = merged(
        BASE,
        edit((s) => s.update('m1a2b3c4d5', { note: 'x' })),
        withoutHeader,
      );
      assert.ok(!removed.text.includes('Hand-written comments like this one'), removed.text);
    });

    it('a comment on a field theirs did not otherwise change survives an edit of that entry on ours', () => {
      const theirs = BASE.replace('    tag: commitment\n', '    tag: commitment # theirs: deadline summer\n');
      const ours = edit((s) => s.update('c6d7e8f9g0', { status: 'agreed' }));
      const r = merged(BASE, ours, theirs);
      assert.ok(r.text.includes('tag: commitment # theirs: deadline summer'), r.text);
      assert.equal(parse(r.text).get('c6d7e8f9g0')!.status, 'agreed');
    });
  });
});
