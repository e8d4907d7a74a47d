// Fuzz target: the annotation file parser. Mutations of a real annotation file (characters inserted, deleted and
// replaced; lines duplicated and swapped; indentation changed; YAML anchors, aliases, tags and flow syntax spliced
// in) must never throw, and whatever parses writes back to a text that parses to the same annotations.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML } from '../annotations/helpers';
import { fuzzBudget, FUZZ_TIMEOUT_MS } from './budget';

const SPLICES = [
  '&a ',
  '*a',
  '!!str ',
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '\u2028',
  '\u00a0',
  '😀',
  '---\n',
  '...\n',
  '? ',
  '|\n',
  '>\n',
  '%YAML 1.2\n',
  '<<: *a\n',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPLICES), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), other: fc.nat(), op: fc.constantFrom('duplicate', 'swap', 'indent', 'dedent') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  if (m.kind === 'delete') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + m.length);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  const j = m.other % lines.length;
  if (m.op === 'duplicate') lines.splice(i, 0, lines[i]);
  else if (m.op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
  else if (m.op === 'indent') lines[i] = `  ${lines[i]}`;
  else lines[i] = lines[i].replace(/^ {1,2}/, '');
  return lines.join('\n');
}

describe('fuzz: annotation file parser', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('never throws; a file that parses writes back to the same annotations, and that text is stable', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const text = mutations.reduce(apply, ANNOTATIONS_YAML);
        const parsed = AnnotationStore.parse(text);
        if (!parsed.ok) {
          assert.ok(parsed.diagnostics.length > 0 && parsed.diagnostics.every((d) => d.line >= 1 && d.column >= 1));
          return;
        }
        const written = parsed.store.toString();
        const again = AnnotationStore.parse(written);
        assert.ok(again.ok, `the written text does not parse:\n${written}`);
        assert.deepEqual(again.store.annotations(), parsed.store.annotations());
        assert.equal(again.store.toString(), written);
      }),
      fuzzBudget(300, 91),
    );
  });
});
