import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { letterHash, isRecordedVersion, keptVersionPath } from '../../../src/core/annotations/letter-version';
import { mergeAnnotationTexts } from '../../../src/core/annotations/merge';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, LETTER, loadFixture } from './helpers';

const gitHash = (text: string) =>
  execFileSync('git', ['hash-object', '--stdin'], { input: Buffer.from(text, 'utf8') })
    .toString()
    .trim();

function withHash(hash: string | undefined): string {
  const s = loadFixture();
  s.setLetter({ hash: hash ?? null });
  return s.toString();
}

describe('letter versions (document.hash)', () => {
  it('is the git blob id of the text, for ASCII, UTF-8 and empty texts', () => {
    for (const text of [LETTER, 'Één café — “quotes”\nline 2\n', '', 'emoji 🇳🇱\n']) assert.equal(letterHash(text), gitHash(text));
  });

  it('is the same for a CRLF working copy and a file with a BOM: the blob git stores for them (LF, no BOM)', () => {
    const lf = 'Eerste regel\nTweede regel\n';
    assert.equal(letterHash(lf.replace(/\n/g, '\r\n')), gitHash(lf));
    assert.equal(letterHash('\uFEFF' + lf), gitHash(lf));
  });

  it('tells the recorded version from any other text', () => {
    const hash = letterHash(LETTER);
    assert.ok(isRecordedVersion(LETTER, hash));
    assert.ok(!isRecordedVersion(LETTER + ' ', hash));
    assert.ok(!isRecordedVersion(LETTER, undefined));
  });

  it('keeps versions under .versions/<letter name>/<hash>.md', () => {
    assert.equal(keptVersionPath('kst-29754-716.md', 'ab'.repeat(20)), `.versions/kst-29754-716/${'ab'.repeat(20)}.md`);
  });

  it('is written after id and path and read back', () => {
    const hash = letterHash(LETTER);
    const text = withHash(hash);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim() === `hash: ${hash}`);
    assert.ok(at > lines.findIndex((l) => l.trim().startsWith('path:')), text);
    const r = AnnotationStore.parse(text);
    assert.ok(r.ok);
    assert.equal(r.store.letter.hash, hash);
    assert.equal(withHash(undefined), loadFixture().toString(), 'removing it leaves the file as it was');
  });

  it('ignores a hash that is not a blob id, and blocks nothing', () => {
    const text = ANNOTATIONS_YAML.replace(/^document:\n/m, 'document:\n  hash: not-a-hash\n');
    assert.notEqual(text, ANNOTATIONS_YAML);
    const r = AnnotationStore.parse(text);
    assert.ok(r.ok, 'a bad version blocks nothing');
    assert.equal(r.store.letter.hash, undefined);
  });

  it('merges: a new version of one side is not taken over tags the other side placed on the old one', () => {
    const [h0, h1] = ['0', '1'].map((x) => letterHash(LETTER + x));
    const base = withHash(h0);
    const theirs = withHash(h1);
    const oursTagged = (() => {
      const s = loadFixture();
      s.setLetter({ hash: h0 });
      const at = LETTER.indexOf('Nederland');
      s.add({ tag: 'measure', quote: 'Nederland', prefix: LETTER.slice(at - 32, at), suffix: LETTER.slice(at + 9, at + 41), start: at, end: at + 9 });
      return s.toString();
    })();
    const m = mergeAnnotationTexts(base, oursTagged, theirs);
    assert.ok(m.ok);
    assert.doesNotMatch(m.text, /hash:/, 'our new tag was made on h0: the merge must not claim h1');
    const untouched = mergeAnnotationTexts(base, base, theirs);
    assert.ok(untouched.ok);
    assert.match(untouched.text, new RegExp(`hash: ${h1}`), 'ours placed nothing: their version holds');
  });

  it('merges: one side re-anchored takes its version; both on other versions records none', () => {
    const [h1, h2, h3] = ['1', '2', '3'].map((x) => letterHash(LETTER + x));
    const base = withHash(h1);
    const one = mergeAnnotationTexts(base, withHash(h1), withHash(h2));
    assert.ok(one.ok);
    assert.equal(one.conflicts.length, 0);
    assert.match(one.text, new RegExp(`hash: ${h2}`));
    const both = mergeAnnotationTexts(base, withHash(h2), withHash(h3));
    assert.ok(both.ok);
    assert.equal(both.conflicts.length, 0);
    assert.doesNotMatch(both.text, /hash:/);
  });
});
