// The Commitments and Annotations views list what the workspace index has read: while its first build runs
// (context key kamerstuk.indexing) an empty view says the workspace is being indexed, not "no commitments yet".
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTEXT_KEYS, VIEWS } from '../../src/vscode/common/manifest-ids';

const ROOT = resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const welcome: { view: string; contents: string; when?: string }[] = read('package.json').contributes.viewsWelcome;
const nls: Record<string, string> = read('package.nls.json');
const nlsNl: Record<string, string> = read('package.nls.nl.json');

describe('welcome texts of the views over the workspace index (while indexing)', () => {
  for (const view of [VIEWS.commitments, VIEWS.annotations]) {
    it(`${view}: one text while the index is built, another after, in both languages`, () => {
      const entries = welcome.filter((w) => w.view === view);
      const key = (w: { contents: string } | undefined) => /^%(.+)%$/.exec(w?.contents ?? '')?.[1];
      const indexing = entries.find((w) => w.when === CONTEXT_KEYS.indexing);
      const after = entries.find((w) => w.when === `!${CONTEXT_KEYS.indexing}`);
      assert.ok(indexing, `${view} has no welcome text while indexing`);
      assert.ok(after, `${view}'s welcome text is not limited to after indexing`);
      assert.equal(entries.length, 2, `${view}: a welcome text without a when clause on indexing`);
      for (const w of [indexing, after]) {
        const k = key(w);
        assert.ok(k && nls[k] && nlsNl[k], `${view}: ${w.contents} is not localised`);
      }
      assert.match(nls[key(indexing)!]!, /being indexed/);
      assert.match(nlsNl[key(indexing)!]!, /geïndexeerd/);
      assert.doesNotMatch(nls[key(indexing)!]!, /No commitments|No letter/);
    });
  }
});
