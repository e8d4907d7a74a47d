// Fuzz target: the three-way merge of annotation files (the git merge driver). Random edits on two branches of a
// real file (tags added, removed, notes, statuses, refs and comments changed) must never throw; a clean merge
// parses, keeps every tag either side added and that the other did not touch, and drops a tag only where one side
// removed it; a merge with conflicts resolves to a parsable file on either side.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mergeAnnotationTexts } from '../../../src/core/annotations/merge';
import { captureSelector } from '../../../src/core/annotations/quote';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, LETTER, loadFixture } from '../annotations/helpers';
import { fuzzBudget, FUZZ_TIMEOUT_MS } from './budget';

const IDS = loadFixture()
  .annotations()
  .map((a) => a.id);
const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('x', 'y', 'met #hekje', 'regel\nregel', '\u2028', 'ö'));

const edit = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat({ max: LETTER.length - 80 }),
    length: fc.integer({ min: 10, max: 80 }),
    tag: fc.constantFrom('measure', 'commitment', 'conclusion'),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant('note' as const), id: fc.constantFrom(...IDS), note: fc.option(value, { nil: null }) }),
  fc.record({ kind: fc.constant('status' as const), id: fc.constantFrom(...IDS), status: fc.constantFrom('proposed', 'agreed', 'disputed', null) }),
  fc.record({ kind: fc.constant('refs' as const), id: fc.constantFrom(...IDS), refs: fc.subarray(['kst-29754-683', 'kst-29754-680', 'kst-31015-255']) }),
  fc.record({ kind: fc.constant('comment' as const), id: fc.constantFrom(...IDS), text: fc.constantFrom('checked', 'ask the IND', 'deadline: summer') }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** A branch: the fixture with `edits`; returns its text, the ids it added and the comments it wrote. */
function branch(edits: Edit[], who: string): { text: string; added: string[]; comments: [string, string][] } {
  const store = loadFixture();
  const added: string[] = [];
  const comments: [string, string][] = [];
  edits.forEach((e, n) => {
    if (e.kind === 'add') {
      const a = store.add({ id: `${who}${String(n).padStart(6, '0')}`, tag: e.tag, ...captureSelector(LETTER, e.at, e.at + e.length) });
      added.push(a.id);
    } else if (!store.has(e.id)) return;
    else if (e.kind === 'remove') store.remove(e.id);
    else if (e.kind === 'note') store.update(e.id, { note: e.note });
    else if (e.kind === 'status') store.update(e.id, { status: e.status });
    else if (e.kind === 'refs') store.update(e.id, { refs: e.refs.length ? e.refs : null });
    else comments.push([e.id, e.text]);
  });
  let text = store.toString();
  for (const [id, comment] of comments) text = text.replace(`  - id: ${id}\n`, `  # ${who}: ${comment}\n  - id: ${id}\n`);
  return { text, added, comments: comments.map(([id, c]) => [id, `# ${who}: ${c}`]) };
}

function parse(text: string): AnnotationStore {
  const r = AnnotationStore.parse(text);
  assert.ok(r.ok, `does not parse:\n${text}`);
  return r.store;
}

function side(text: string, keep: 'ours' | 'theirs'): string {
  const out: string[] = [];
  let state: 'both' | 'ours' | 'theirs' = 'both';
  for (const line of text.split('\n')) {
    if (line.startsWith('<<<<<<<')) state = 'ours';
    else if (line.startsWith('=======') && state === 'ours') state = 'theirs';
    else if (line.startsWith('>>>>>>>')) state = 'both';
    else if (state === 'both' || state === keep) out.push(line);
  }
  return out.join('\n');
}

describe('fuzz: merge driver', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('never throws; clean merges keep both sides, conflicted ones resolve to parsable files', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (oursEdits, theirsEdits) => {
        const ours = branch(oursEdits, 'ours');
        const theirs = branch(theirsEdits, 'thrs');
        const r = mergeAnnotationTexts(ANNOTATIONS_YAML, ours.text, theirs.text, 'markers');
        assert.ok(r.ok);
        if (r.conflicts.length) {
          parse(side(r.text, 'ours'));
          parse(side(r.text, 'theirs'));
          return;
        }
        const merged = parse(r.text);
        for (const id of [...ours.added, ...theirs.added]) assert.ok(merged.has(id), `lost ${id}`);
        const removedBy = (s: { text: string }) => IDS.filter((id) => !parse(s.text).has(id));
        for (const id of IDS) assert.equal(merged.has(id), !removedBy(ours).includes(id) && !removedBy(theirs).includes(id), id);
        // Comments of both sides on entries that survive are kept.
        for (const [id, comment] of [...ours.comments, ...theirs.comments]) if (merged.has(id)) assert.ok(r.text.includes(comment), `lost comment ${comment}`);
      }),
      fuzzBudget(150, 7),
    );
  });
});
