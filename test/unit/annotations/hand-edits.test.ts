// Dutch teams' hand edits: the status picker's Dutch names and the tags' labels are read as their keys (and written
// as the keys), a typo of a tag gets a "did you mean", and one indentation slip is one clear error.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { checkAnnotations, unknownTagsOfBrokenFile } from '../../../src/core/annotations/check';
import { formatMessage, MESSAGES } from '../../../src/core/annotations/messages';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { canonicalTag, closestTag, defaultTaxonomy } from '../../../src/core/annotations/taxonomy';
import { BROKEN, parseStore } from './helpers';

const entry = (id: string, tag: string, status: string) =>
  `  - id: ${id}\n    tag: ${tag}\n    quote: "x"\n    prefix: ""\n    suffix: ""\n    start: ${id.length}\n    end: ${id.length + 1}\n    status: ${status}\n`;
const file = (...entries: string[]) => `version: 1\ndocument:\n  path: x.md\nannotations:\n${entries.join('')}`;
const taxonomy = defaultTaxonomy();

describe("Dutch teams' hand edits", () => {
  it('reads voorgesteld, akkoord and betwist (any case) as the statuses, and writes the keys', () => {
    const text = file(
      entry('a1', 'measure', 'akkoord'),
      entry('b22', 'measure', 'Voorgesteld'),
      entry('c333', 'measure', 'betwist'),
      entry('d4444', 'measure', 'agreed'),
    );
    const store = parseStore(text);
    assert.deepEqual(
      store.annotations().map((a) => a.status),
      ['agreed', 'proposed', 'disputed', 'agreed'],
    );
    const written = store.toString();
    assert.ok(!/akkoord|Voorgesteld|betwist/.test(written), written);
    // The entry that was written with the key already stays as it was.
    assert.ok(written.includes(entry('d4444', 'measure', 'agreed')));
  });

  it('a status that is neither is still an error, naming the Dutch names too', () => {
    const r = AnnotationStore.parse(file(entry('a1', 'measure', 'goedgekeurd')));
    assert.ok(!r.ok);
    assert.equal(r.diagnostics[0].code, 'status');
    assert.match(formatMessage(r.diagnostics[0].message), /voorgesteld, akkoord, betwist/);
  });

  it("a tag written as its label is its key: read as the key with the team's taxonomy, and no error in check", () => {
    assert.equal(canonicalTag(taxonomy, 'maatregel'), 'measure');
    assert.equal(canonicalTag(taxonomy, 'Toezegging'), 'commitment');
    assert.equal(canonicalTag(taxonomy, 'Conclusion'), 'conclusion');
    assert.equal(canonicalTag(taxonomy, 'risico'), undefined);
    const text = file(entry('a1', 'maatregel', 'proposed'));
    const store = AnnotationStore.parse(text, { tagAlias: (t) => canonicalTag(taxonomy, t) });
    assert.ok(store.ok);
    assert.equal(store.store.get('a1')!.tag, 'measure');
    assert.match(store.store.toString(), /tag: measure/);
    // Without the taxonomy the tag stays as written, and check knows the label.
    const plain = parseStore(text);
    assert.equal(plain.get('a1')!.tag, 'maatregel');
    assert.deepEqual(checkAnnotations(plain, { taxonomy }).diagnostics, []);
  });

  it('a typo of a tag: an error that says which tag was meant, with the text that fixes it', () => {
    assert.equal(closestTag(taxonomy, 'measur'), 'measure');
    assert.equal(closestTag(taxonomy, 'toezeging'), 'commitment');
    assert.equal(closestTag(taxonomy, 'risico'), undefined);
    const text = file(entry('a1', 'measur', 'proposed'), entry('b22', 'risico', 'proposed'));
    const { diagnostics } = checkAnnotations(parseStore(text), { taxonomy });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message.template, d.replacement]),
      [
        ['unknown-tag', MESSAGES.unknownTagDidYouMean, 'measure'],
        ['unknown-tag', MESSAGES.unknownTag, undefined],
      ],
    );
    const typo = diagnostics[0];
    assert.equal(text.slice(typo.offset, typo.endOffset), 'measur');
  });

  it('a file with a schema error reports its unknown tags too: every problem at once', () => {
    const text = file(entry('a1', 'measur', 'goedgekeurd'), entry('b22', 'conclusie', 'proposed'));
    const r = AnnotationStore.parse(text);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['status'],
    );
    const tags = unknownTagsOfBrokenFile(text, taxonomy);
    assert.deepEqual(
      tags.map((d) => [d.code, d.annotationId, d.replacement, text.slice(d.offset, d.endOffset)]),
      [['unknown-tag', 'a1', 'measure', 'measur']],
    );
    assert.deepEqual(unknownTagsOfBrokenFile(file(entry('a1', 'measur', 'proposed')), taxonomy), [], 'a file that parses is for checkAnnotations');
  });

  it('one indentation slip is one error, in words a person can act on', () => {
    const bad = BROKEN.find((b) => b.name === 'bad-indentation')!;
    const r = AnnotationStore.parse(readFileSync(bad.path, 'utf8'));
    assert.ok(!r.ok);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.line, d.message.template]),
      [[3, MESSAGES.yamlIndentation]],
    );
    const tab = AnnotationStore.parse('version: 1\nannotations:\n\t- id: a\n');
    assert.ok(!tab.ok);
    assert.equal(tab.diagnostics[0].message.template, MESSAGES.yamlTab);
    const quote = AnnotationStore.parse('version: 1\nannotations:\n  - id: a\n    quote: "open\n');
    assert.ok(!quote.ok);
    assert.equal(quote.diagnostics[0].message.template, MESSAGES.yamlOpenQuote);
  });
});
