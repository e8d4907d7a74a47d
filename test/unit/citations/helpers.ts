// Shared assertions for citation tests.
import { strict as assert } from 'node:assert';
import { scanPlain } from '../../../src/core/citations/scanner';
import type { CitationRef } from '../../../src/core/citations/types';

/** Every span lies inside the text and its text is exactly the source slice. */
export function assertSpans(text: string, refs: readonly CitationRef[]): void {
  for (const r of refs) {
    assert.ok(r.start >= 0 && r.end <= text.length && r.start < r.end, `span [${r.start}, ${r.end}) outside a text of ${text.length}`);
    assert.equal(text.slice(r.start, r.end), r.text, 'ref.text is the source slice');
    if (r.group) assert.ok(r.group.start >= 0 && r.group.end <= text.length && r.group.start <= r.start && r.group.end >= r.end, 'group contains span');
  }
}

export function ids(text: string): Array<string | null> {
  const refs = scanPlain(text).refs;
  assertSpans(text, refs);
  return refs.map((r) => r.id);
}

export function one(text: string): CitationRef {
  const refs = scanPlain(text).refs;
  assertSpans(text, refs);
  assert.equal(refs.length, 1, `expected one reference in ${JSON.stringify(text)}, got ${JSON.stringify(refs.map((r) => r.id))}`);
  return refs[0];
}
