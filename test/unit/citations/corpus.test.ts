// Every case of the shared citation corpus (copied into test/fixtures/corpus/citations.yaml).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { scanText } from '../../../src/core/citations';
import { scanMarkdown } from '../../../src/core/markdown';
import { assertSpans } from './helpers';

interface Case {
  text: string;
  ids: string[];
  motie: boolean;
  why?: string;
}

const corpus = parse(readFileSync('test/fixtures/corpus/citations.yaml', 'utf8')) as { cases: Case[] };

describe('citation corpus', () => {
  it('has cases', () => assert.ok(corpus.cases.length >= 20));

  for (const c of corpus.cases) {
    it(`${c.text}${c.why ? ` (${c.why})` : ''}`, () => {
      for (const refs of [scanText(c.text), scanMarkdown(c.text)]) {
        assertSpans(c.text, refs);
        const found = refs.map((r) => r.id).filter((x): x is string => x !== null);
        assert.deepEqual([...found].sort(), [...c.ids].sort());
        assert.equal(
          refs.some((r) => r.kind === 'motie'),
          c.motie,
          'motion reported',
        );
      }
    });
  }
});
