// Fuzz target: the markdown block walk. Random documents built from the constructs that stress it — nested lists
// and block quotes, code fences, footnotes, front matter, HTML comments, tables, links and citations — must scan
// without throwing, and every reference must be a real span of the text, in order.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanMarkdown } from '../../../src/core/markdown';
import { fuzzBudget, FUZZ_TIMEOUT_MS } from './budget';

const FRAGMENTS = [
  'Kamerstukken II 2022/23, 29 754, nr. 680',
  'kst-29754-716',
  '2024D25640',
  'de motie-Van Aalst (35300-A, nr. 15)',
  'Handelingen II 2010/11, nr. 108, item 5',
  'Stb. 2022, 524',
  '[^1]',
  '\n[^1]: Kamerstuk 29 754, nr. 683.\n',
  '\n```\n29 754, nr. 999\n```\n',
  '`kst-1-2`',
  '<!-- 29 754, nr. 1 -->',
  '\n| a | 29 754, nr. 680 |\n|---|---|\n',
  '[link](https://zoek.officielebekendmakingen.nl/kst-29754-680.html)',
  '[x]: ',
  '[a](',
  '\n---\n',
  'nrs. 520 en 548',
  ' ',
  '\n',
  '\n\n',
  'tekst ',
];
const prefix = fc.constantFrom('', '- ', '1. ', '> ', '    ', '* ', '>> ');
const line = fc
  .tuple(fc.array(prefix, { maxLength: 6 }), fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }))
  .map(([p, f]) => p.join('') + f.join(''));
const document = fc
  .tuple(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 30 }))
  .map(([fm, lines]) => (fm ? '---\nkamerstuk: kst-29754-716\n---\n' : '') + lines.join('\n'));

describe('fuzz: markdown block walk', function () {
  this.timeout(FUZZ_TIMEOUT_MS);

  it('never throws; every reference is a span of the text, in order', () => {
    fc.assert(
      fc.property(document, (text) => {
        const refs = scanMarkdown(text);
        let last = -1;
        for (const r of refs) {
          assert.ok(r.start >= 0 && r.end <= text.length && r.start < r.end, JSON.stringify(r));
          assert.equal(text.slice(r.start, r.end), r.text);
          assert.ok(r.start >= last, 'references out of order');
          last = r.start;
        }
      }),
      fuzzBudget(300, 11),
    );
  });

  it('deeply nested lists and block quotes scan without overflowing the stack', () => {
    for (const marker of ['- ', '> ', '1. ']) {
      const text = `${marker.repeat(2000)}Kamerstuk 29 754, nr. 716\n`;
      assert.doesNotThrow(() => scanMarkdown(text), marker);
    }
  });
});
