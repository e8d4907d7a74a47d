import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { FULFILMENT_ALIASES, FULFILMENTS } from '../../../src/core/annotations/model';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { OPEN_FULFILMENTS } from '../../../src/core/annotations/validate';
import { ENTRY } from './entry';

// The JSON schema (editor hints through the YAML extension) and the parser must agree on due and fulfilment: every
// spelling the parser reads validates, and what the parser refuses does not.

const schema = JSON.parse(readFileSync('schemas/annotations.schema.json', 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const schemaAccepts = (text: string) => validate(parse(text)) === true;
const parserAccepts = (text: string) => AnnotationStore.parse(text).ok;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const title = (w: string) => w.split(' ').map(cap).join(' ');

describe('the annotation schema agrees with the parser on due and fulfilment', () => {
  const words = [...FULFILMENTS, ...Object.keys(FULFILMENT_ALIASES), ...OPEN_FULFILMENTS];
  const spellings = [...new Set(words.flatMap((w) => [w, cap(w), title(w)]))];

  it(`every fulfilment the parser reads validates: keys, Dutch names, open (${spellings.length} spellings)`, () => {
    assert.ok(spellings.length > words.length);
    for (const s of spellings) {
      const text = ENTRY(`    fulfilment: ${s}\n`);
      assert.ok(parserAccepts(text), `parser refuses ${s}`);
      assert.ok(schemaAccepts(text), `schema refuses ${s}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('a fulfilment both refuse', () => {
    for (const s of ['done', 'klaar', '1']) {
      const text = ENTRY(`    fulfilment: ${s}\n`);
      assert.equal(parserAccepts(text), false, s);
      assert.equal(schemaAccepts(text), false, s);
    }
  });

  it('due: every form the parser reads validates, and the ones it refuses do not', () => {
    const forms: Array<[string, boolean]> = [
      ['2025-06-30', true],
      ['{ to: 2025-06-30 }', true],
      ['{ from: 2025-04-01, to: 2025-06-30 }', true],
      ['{ to: 2025-06-30, text: "voor de zomer" }', true],
      ['{ text: "zo spoedig mogelijk", vague: true }', true],
      ['voor de zomer', false],
      ['{ vague: true }', false],
      ['{ to: 2025-06-30, when: soon }', false],
    ];
    for (const [due, ok] of forms) {
      const text = ENTRY(`    due: ${due}\n`);
      assert.equal(parserAccepts(text), ok, `parser: ${due}`);
      assert.equal(schemaAccepts(text), ok, `schema: ${due}`);
    }
  });
});
